import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { regularFileStats } from '../regularFile';
import { findBinaryByte, isUtf16, lineAndColumn, startsWithUtf8Bom } from '../textBytes';
import { UserError } from '../userError';
import { checkByteCount } from './textSize';

/** Never wait on a FIFO swapped in after the stat (0 where the platform lacks the flag). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The first `size` bytes of `file` (fewer if it shrank meanwhile); `fail` turns a system error into the caller's UserError. */
async function readBytes(file: string, size: number, fail: (problem: string) => UserError): Promise<Buffer> {
  const handle = await open(file, OPEN_FLAGS).catch((error: Error) => {
    throw fail(error.message);
  });
  try {
    if (!(await handle.stat()).isFile()) throw fail('it changed into something that is not a regular file while it was being opened');
    const bytes = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fail((error as Error).message);
  } finally {
    await handle.close();
  }
}

/**
 * The text of the UTF-8 file `file` (a leading byte order mark dropped), for the text job.
 * Refuses with a UserError naming the file, before reading it: a missing file, anything but a
 * regular file (regularFileStats: a FIFO or device is never opened), and a file over
 * `maxBytes` (its size from stat); after reading it: UTF-16 (with or without a byte order
 * mark), a NUL byte and invalid UTF-8 (naming the line and the byte in it), as CSV ingest does
 * (textBytes.ts), instead of training on U+FFFD.
 */
export async function readTextFile(file: string, maxBytes: number): Promise<string> {
  const fail = (problem: string) => new UserError(`Cannot read the text file ${file}: ${problem}.`);
  const { size } = await regularFileStats(file, fail);
  checkByteCount(size, maxBytes, file);
  const bytes = await readBytes(file, size, fail);
  if (isUtf16(bytes)) throw fail('it is UTF-16 text; save it as UTF-8 (or plain ASCII) to read it');
  const text = startsWithUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  const binary = findBinaryByte(text);
  if (binary) {
    const { line, column } = lineAndColumn(text, binary.offset);
    throw fail(`line ${line}, character ${column} has ${binary.reason}: this is not a UTF-8 text file (a binary file?)`);
  }
  return text.toString('utf8');
}
