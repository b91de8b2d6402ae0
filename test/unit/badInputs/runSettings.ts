/** Settings in range one by one that together make a run too big to train (see badInput.ts and runBounds.ts). */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseForecastCommandLine } from '../../../src/cli/forecastOptions';
import { parseCommandLine } from '../../../src/cli/options';
import { runForecastJob } from '../../../src/core/forecast/forecastJob';
import { DEFAULT_TRAINING, type TextTrainingSettings } from '../../../src/core/text/textSettings';
import { TrainingWorkerClient } from '../../../src/extension/trainingWorkerClient';
import { thrownBy, type BadInput } from './badInput';
import { cliThrown } from './cliRun';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const WORKER = path.join(ROOT, 'out', 'src', 'worker', 'trainingWorker.js');
const WASM_DIR = path.join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep;

/** A daily series of `points` values (a wiggle on a trend) in `dir`/series.csv; returns its path. */
async function series(dir: string, points: number): Promise<string> {
  const day = 86_400_000;
  const rows = Array.from({ length: points }, (_, i) => `${new Date(Date.UTC(2000, 0, 1) + i * day).toISOString().slice(0, 10)},${(100 + i / 10 + Math.sin(i / 7)).toFixed(3)}`);
  const file = path.join(dir, 'series.csv');
  await writeFile(file, ['Date,Value', ...rows].join('\n') + '\n');
  return file;
}

/** A text of `length` characters cycling through `count` distinct ones (CJK ideographs): one line, so it trains in windows. */
async function manyCharacters(dir: string, count: number, length = 4 * count): Promise<string> {
  const file = path.join(dir, 'text.txt');
  await writeFile(file, Array.from({ length }, (_, i) => String.fromCodePoint(0x4e00 + (i % count))).join(''));
  return file;
}

/** The CLI's own reading of `args` (as after `rnn-studio forecast` / `rnn-studio`), resolving with what it threw. */
const forecastCli = (args: string[]) => thrownBy(() => Promise.resolve(parseForecastCommandLine(args)));
const textCli = (args: string[]) => thrownBy(() => Promise.resolve(parseCommandLine(['generate', ...args])));

/** The extension's worker (the real one, as the host starts it) training `text` with `training`, its settings named as VS Code's settings name them. */
async function workerTraining(text: string, training: Partial<TextTrainingSettings>): Promise<unknown> {
  const worker = new TrainingWorkerClient({ script: WORKER, wasmDir: WASM_DIR, backend: () => 'wasm' });
  const settingNames = Object.fromEntries(Object.keys(DEFAULT_TRAINING).map((key) => [key, `rnnStudio.text.${key}`]));
  try {
    return await thrownBy(() => worker.request({ type: 'train', text, training: { ...DEFAULT_TRAINING, ...training }, settingNames }));
  } finally {
    worker.dispose();
  }
}

export const RUN_SETTINGS: readonly BadInput[] = [
  {
    name: '1: windows of 2000 in batches of 4096 on a 6000-point series (the CLI)',
    make: (dir) => series(dir, 6000),
    run: (csv) => forecastCli(['--csv', csv, '--window', '2000', '--test', '10', '--batch', '4096', '--resample', 'none', '--epochs', '1']),
    message: /^Training the MLP 56-32 on batches of 4096 × 2000 steps needs about \d+ GB, more than the 2 GB the training engine can use .*: lower --batch \(4096\) or --window \(2000\)\.$/,
  },
  {
    name: '1: windows of 2000 in batches of 4096 on a 6000-point series (the job, as the worker runs it)',
    make: (dir) => series(dir, 6000),
    run: (csv) => thrownBy(() => runForecastJob({ csv, settings: { window: 2000, test: 10, batchSize: 4096, resample: 'none', epochs: 1 } })),
    message: /needs about \d+ GB, more than the 2 GB .*: lower batchSize \(4096\) or window \(2000\)/,
  },
  {
    name: '1: an LSTM of 1024 units in batches of 256',
    make: (dir) => series(dir, 300),
    run: (csv) => forecastCli(['--csv', csv, '--model', 'lstm', '--units', '1024', '--batch', '256']),
    message: /^Training the LSTM 1024 on batches of 256 × 60 steps needs about [\d.]+ GB, .*: lower --batch \(256\) or --units \(1024\)\.$/,
  },
  {
    name: '1: a character model over sequences of 1000 in batches of 4096 on a text of a million characters (the CLI)',
    make: (dir) => manyCharacters(dir, 10, 1_000_000),
    run: (file) => cliThrown(['generate', '--text-file', file, '--profile', 'tutorial', '--batch', '4096', '--sequence-length', '1000', '--epochs', '1', '--backend', 'wasm']),
    message: /^Training the character model \(RNN, 1 layer of 12 units over 10 distinct characters\) on batches of \d+ × 1000 steps needs about [\d.]+ GB, more than the 2 GB the training engine can use \(WebAssembly's memory ends at 4 GB\): lower --batch \(4096\), --sequence-length \(1000\) or --hidden \(12\)\.$/,
  },
  {
    name: '1: a text of 3000 distinct characters in batches of 512 (the CLI: checked at the text\'s own vocabulary)',
    make: (dir) => manyCharacters(dir, 3000),
    run: (file) => cliThrown(['generate', '--text-file', file, '--profile', 'tutorial', '--batch', '512', '--epochs', '1', '--backend', 'wasm']),
    message: /^Training the character model \(RNN, 1 layer of 12 units over 3000 distinct characters\) on batches of 512 × 40 steps needs about [\d.]+ GB, .*: lower --batch \(512\), --sequence-length \(40\) or --hidden \(12\)\.$/,
  },
  {
    name: '1: a text of 3000 distinct characters in batches of 512 (the extension\'s worker, naming VS Code\'s settings)',
    make: (dir) => manyCharacters(dir, 3000),
    run: async (file) => workerTraining(await readFile(file, 'utf8'), { batchSize: 512 }),
    message: /^Training the character model \(RNN, 1 layer of 12 units over 3000 distinct characters\) on batches of 512 × 40 steps needs about [\d.]+ GB, .*: lower rnnStudio\.text\.batchSize \(512\), rnnStudio\.text\.sequenceLength \(40\) or rnnStudio\.text\.hiddenSize \(12\)\.$/,
  },
  {
    name: '2: an LSTM of 2 layers of 1024 units',
    make: (dir) => series(dir, 300),
    run: (csv) => forecastCli(['--csv', csv, '--model', 'lstm', '--units', '1024', '--layers', '2']),
    message: /^The LSTM 2×1024 has about 12\.6 million weights, more than the 10 million that train in reasonable time and memory: lower --units \(1024\) or --layers \(2\)\.$/,
  },
  {
    name: '2: a character model of 2 LSTM layers of 1024 units',
    make: (dir) => manyCharacters(dir, 10),
    run: (file) => textCli(['--text-file', file, '--cell', 'lstm', '--hidden', '1024', '--layers', '2']),
    message: /^The character model \(LSTM, 2 layers of 1024 units\) has about 12\.6 million weights, more than the 10 million that train in reasonable time and memory: lower --hidden \(1024\) or --layers \(2\)\.$/,
  },
];
