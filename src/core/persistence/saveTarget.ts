import type { Stats } from 'node:fs';
import { mkdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../userError';
import { claimSiblingName, releaseSiblingName } from './siblingNames';

/**
 * Where a model folder can be saved, checked before anything is trained or written, and its
 * missing parent folders made. Node's `mkdir(..., { recursive: true })` never returns when the
 * system says ENOENT for a folder whose parent exists (it retries the parent, which exists, then
 * the folder again): what `mkdir` in /proc or /sys says. So folders here are made one level at
 * a time, and a folder that cannot be made is a UserError, not a hang.
 */

/** The stats of `file`, or undefined when nothing is there (or a file stands where a folder of its path should). */
async function statOrNothing(file: string): Promise<Stats | undefined> {
  return stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
}

/** Why a folder cannot be made, as a person reads it. */
function reasonOf(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'a virtual file system such as /proc or /sys takes no new folders';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  if (error.code === 'EROFS') return 'it is on a read-only file system';
  return error.message;
}

/** Makes the folder `dir` alone (its parent exists); `fail` words what went wrong. */
async function makeOneFolder(dir: string, fail: (problem: string) => UserError): Promise<void> {
  await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw fail(`no folder can be made in ${path.dirname(dir)} (${reasonOf(error)})`);
  });
}

/**
 * Checks that a model can be saved to `dir` and says whether it replaces a folder there:
 * `dir` is a folder or does not exist, the nearest folder above it that exists is a folder
 * (not a file), and a folder can be made there (made and removed at once, under a save's
 * temporary name, so a kill leaves nothing a later save does not clean up: strayFolders.ts).
 * UserError "Cannot save the model to <dir>: ..." otherwise.
 */
export async function checkSaveTarget(dir: string): Promise<{ target: string; replacing: boolean }> {
  const target = path.resolve(dir);
  const fail = (problem: string) => new UserError(`Cannot save the model to ${target}: ${problem}.`);
  let missing = target;
  let info: Stats | undefined;
  try {
    while (!(info = await statOrNothing(missing)) && path.dirname(missing) !== missing) missing = path.dirname(missing);
  } catch (error) {
    throw fail(reasonOf(error as NodeJS.ErrnoException));
  }
  const replacing = missing === target;
  if (replacing && !info?.isDirectory()) throw fail('it is a file, not a folder');
  const parent = replacing ? path.dirname(target) : missing;
  if (!replacing && !info?.isDirectory()) throw fail(`${parent} is a file, not a folder`);
  // A sibling of the target or of the first folder to make, in the folder that exists.
  const probe = claimSiblingName(replacing ? target : path.join(parent, path.relative(parent, target).split(path.sep)[0]), 'saving');
  try {
    await makeOneFolder(probe, fail);
    await rmdir(probe).catch(() => undefined);
  } finally {
    releaseSiblingName(probe);
  }
  return { target, replacing };
}

/** Makes the folders of `dir` that are missing, top down, one level at a time (never hangs: see above). */
export async function makeFolders(dir: string, fail: (problem: string) => UserError): Promise<void> {
  const missing: string[] = [];
  for (let folder = path.resolve(dir); !(await statOrNothing(folder)); folder = path.dirname(folder)) {
    missing.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of missing) await makeOneFolder(folder, fail);
}
