import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { UserError } from './userError';

/** What a path that is not a regular file is, for a message: "a FIFO (named pipe)", "a character device", ... */
export function fileKind(info: Stats): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'an unknown kind of file';
}

/**
 * The stats of `file` when it is a regular file (a symbolic link is followed), found with
 * `stat` alone so nothing is opened: opening a FIFO blocks until something writes into it, and
 * a device such as /dev/zero never ends. Anything else is refused with `fail(problem)`, the
 * problem a phrase to put after the file's name: "it does not exist", "it is a folder",
 * "it is a FIFO (named pipe), not a regular file", or the system's reason ("EACCES: permission denied, ...").
 */
export async function regularFileStats(file: string, fail: (problem: string) => UserError): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'a part of its path is not a folder' : (error as Error).message);
  }
  if (info.isDirectory()) throw fail('it is a folder');
  if (!info.isFile()) throw fail(`it is ${fileKind(info)}, not a regular file`);
  return info;
}
