/** Bad paths given to the command line: --csv, --text-file, --save (see badInput.ts). */
import { execFile } from 'node:child_process';
import { truncate, writeFile } from 'node:fs/promises';
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

/** A text that trains (a few short lines), for the --save rows. */
const TEXT = 'hi how are you\ngood i am fine\nhave a nice day\n';

/** `text` in UTF-16 big-endian, without a byte order mark. */
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

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
  {
    name: '10: a binary file as --text-file',
    make: (dir) => file(dir, 'image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])),
    run: (text) => generate(text),
    message: /^Cannot read the text file \/.*image\.txt: line 1, character 1 has bytes that are not UTF-8 text: this is not a UTF-8 text file \(a binary file\?\)\.$/,
  },
  {
    name: '10: a NUL byte in a text file',
    make: (dir) => file(dir, 'nul.txt', `${TEXT}wor\0ld\n`),
    run: (text) => generate(text),
    message: /^Cannot read the text file \/.*nul\.txt: line 4, character 4 has a NUL byte: this is not a UTF-8 text file \(a binary file\?\)\.$/,
  },
  {
    name: '10: a Latin-1 (invalid UTF-8) text file',
    make: (dir) => file(dir, 'latin1.txt', Buffer.from(`${TEXT}un caf\xe9 au lait\n`, 'latin1')),
    run: (text) => generate(text),
    message: /^Cannot read the text file \/.*latin1\.txt: line 4, character 7 has bytes that are not UTF-8 text: this is not a UTF-8 text file \(a binary file\?\)\.$/,
  },
  {
    name: '10: a UTF-16 text file with a byte order mark',
    make: (dir) => file(dir, 'utf16.txt', Buffer.from(`\uFEFF${TEXT}`, 'utf16le')),
    run: (text) => generate(text),
    message: /^Cannot read the text file \/.*utf16\.txt: it is UTF-16 text; save it as UTF-8 \(or plain ASCII\) to read it\.$/,
  },
  {
    name: '10: a UTF-16 (big-endian) text file without a byte order mark',
    make: (dir) => file(dir, 'utf16be.txt', utf16be(TEXT)),
    run: (text) => generate(text),
    message: /^Cannot read the text file \/.*utf16be\.txt: it is UTF-16 text; save it as UTF-8 \(or plain ASCII\) to read it\.$/,
  },
  {
    name: '10: a 3 GB text file (sparse) is refused from its size, never read',
    make: async (dir) => {
      const huge = await file(dir, 'huge.txt', '');
      await truncate(huge, 3 * 1024 ** 3);
      return huge;
    },
    run: (text) => generate(text),
    message: /^\/.*huge\.txt is 3072\.0 MB, more than the limit of 5\.0 MB\. Train on a selection or a smaller file\.$/,
  },
  {
    name: "10: --save ''",
    make: (dir) => file(dir, 'text.txt', TEXT),
    run: (text) => generate(text, '--save', ''),
    message: /^--save needs a folder path, not an empty string\.$/,
  },
  {
    name: "10: forecast --save ''",
    make: (dir) => file(dir, 'series.csv', `t,v\n${Array.from({ length: 60 }, (_, i) => `${i},${Math.sin(i)}`).join('\n')}\n`),
    run: (csv) => cliThrown(['forecast', '--csv', csv, '--epochs', '1', '--backend', 'wasm', '--save', '']),
    message: /^--save needs a folder path, not an empty string\.$/,
  },
  {
    name: '10: --save /proc/x (a folder that cannot be made) fails before training, not hangs',
    make: (dir) => file(dir, 'text.txt', TEXT),
    run: (text) => generate(text, '--save', '/proc/x'),
    message: /^Cannot save the model to \/proc\/x: no folder can be made in \/proc \(.+\)\.$/,
  },
  {
    name: '10: --save under a file fails before training',
    make: (dir) => file(dir, 'text.txt', TEXT),
    run: (text) => generate(text, '--save', path.join(text, 'model')),
    message: /^Cannot save the model to \/.*text\.txt\/model: \/.*text\.txt is a file, not a folder\.$/,
  },
];
