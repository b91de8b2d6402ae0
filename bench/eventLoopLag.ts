import { readFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DEFAULT_TRAINING } from '../src/core/text/textSettings';
import type { WorkerData, WorkerMessage, WorkerRequest } from '../src/worker/protocol';

/** Lateness of the main thread's timers, in ms. */
export interface LagReport {
  p50: number;
  p99: number;
  max: number;
  /** p99 with no worker running: the machine's own noise. */
  idleP99: number;
  /** p99 by perf_hooks.monitorEventLoopDelay over the same training window (cross-check). */
  histogramP99: number;
  seconds: number;
  epochs: number;
}

const TICK_MS = 10;

/** Samples how late a 10 ms timer fires, until `until` resolves. */
async function sampleLateness(until: Promise<unknown>): Promise<number[]> {
  const lateness: number[] = [];
  let running = true;
  void until.finally(() => (running = false));
  while (running) {
    const expected = performance.now() + TICK_MS;
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    lateness.push(Math.max(0, performance.now() - expected));
  }
  return lateness.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * What the extension host feels while the training worker works: starts the real worker
 * (out/src/worker/trainingWorker.js, as dist/worker.js runs in the product) on the wasm
 * backend, has it train a char-LSTM(128) on sample/prose.txt for `seconds`, and samples the
 * main thread's timer lateness meanwhile, handling the worker's progress messages as the
 * host does. Cancels through the shared flag, as the Cancel command does.
 */
export async function measureEventLoopLag(wasmDir: string, seconds = 20): Promise<LagReport> {
  const idle = await sampleLateness(new Promise((resolve) => setTimeout(resolve, 3000)));
  const cancelFlag = new SharedArrayBuffer(4);
  const workerData: WorkerData = { cancelFlag, wasmDir, backend: 'wasm' };
  const worker = new Worker(path.join(__dirname, '../src/worker/trainingWorker.js'), { workerData });
  const text = readFileSync(path.join(__dirname, '../../sample/prose.txt'), 'utf8').repeat(4);
  const training = { ...DEFAULT_TRAINING, cell: 'lstm' as const, hiddenSize: 128, epochs: 1000 };
  let epochs = 0;
  const trained = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'epoch') epochs = message.epoch;
      if (message.type === 'error') reject(new Error(message.message));
      if (message.type === 'reply' && message.id === 2) resolve();
    });
    worker.on('error', reject);
  });
  const request = (body: WorkerRequest) => worker.postMessage(body);
  request({ id: 1, type: 'init' });
  request({ id: 2, type: 'train', text, training });
  const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
  histogram.enable();
  const started = performance.now();
  setTimeout(() => Atomics.store(new Int32Array(cancelFlag), 0, 1), seconds * 1000);
  const busy = await sampleLateness(trained);
  histogram.disable();
  await worker.terminate();
  return {
    p50: percentile(busy, 50),
    p99: percentile(busy, 99),
    max: busy[busy.length - 1],
    idleP99: percentile(idle, 99),
    histogramP99: histogram.percentile(99) / 1e6,
    seconds: (performance.now() - started) / 1000,
    epochs,
  };
}
