/** Bad paths given to the command line: --csv, --text-file, --save (see badInput.ts). */
import { execFile } from 'node:child_process';
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
];
