/** Bad paths given to the command line: --csv, --text-file, --save (see badInput.ts). */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BadInput } from './badInput';
import { cliThrown } from './cliRun';

/** Makes a FIFO (named pipe) `name` under `dir`: opening it blocks until something writes into it. */
async function fifo(dir: string, name: string): Promise<string> {
  const target = path.join(dir, name);
  await promisify(execFile)('mkfifo', [target]);
  return target;
}

/** Writes `content` to `name` under `dir`; returns its path. */
async function file(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, content);
  return target;
}

/** `generate --text-file FILE` for one epoch on wasm, with `more` flags. */
const generate = (text: string, ...more: string[]) => cliThrown(['generate', '--text-file', text, '--epochs', '1', '--backend', 'wasm', ...more]);

export const CLI_INPUTS: readonly BadInput[] = [
  {
    name: '8: a FIFO as --csv',
    make: (dir) => fifo(dir, 'pipe.csv'),
    run: (csv) => cliThrown(['forecast', '--csv', csv, '--epochs', '1', '--backend', 'wasm']),
    message: /^Cannot read \/.*pipe\.csv: it is a FIFO \(named pipe\), not a regular file\.$/,
  },
  {
    name: '8: a FIFO as --text-file',
    make: (dir) => fifo(dir, 'pipe.txt'),
    run: (text) => cliThrown(['generate', '--text-file', text, '--epochs', '1', '--backend', 'wasm']),
    message: /^Cannot read the text file \/.*pipe\.txt: it is a FIFO \(named pipe\), not a regular file\.$/,
  },
  {
    name: '10: a text file of one distinct character',
    make: (dir) => file(dir, 'same.txt', 'a'.repeat(500)),
    run: (text) => generate(text),
    message: /^\/.*same\.txt has only one distinct character \("a"\): a character model needs at least two\.$/,
  },
  {
    name: '10: a text file of lines of one repeated character',
    make: (dir) => file(dir, 'lines.txt', 'aaa\naaa\naaa\n'),
    run: (text) => generate(text),
    message: /^\/.*lines\.txt has only one distinct character \("a"\) besides its line breaks: a character model needs at least two\.$/,
  },
];
