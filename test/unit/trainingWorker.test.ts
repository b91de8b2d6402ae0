/**
 * The training worker as the extension host drives it: typed requests and replies, progress
 * events carrying their request's id, cancellation of one request by its id in the shared
 * buffer, errors the user can act on.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import type { WorkerData, WorkerMessage, WorkerRequestBody } from '../../src/worker/protocol';

const TUTORIAL_TEXT = 'hi how are you\ngood i am fine\nhave a nice day';
const WORKER = path.join(__dirname, '..', '..', 'src', 'worker', 'trainingWorker.js');
const WASM_DIR = path.join(__dirname, '..', '..', '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep;

let worker: Worker;
const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
let nextId = 1;
const events: WorkerMessage[] = [];

/** Sends one request and resolves with its reply or error message; `stopOn`: the event that cancels it (else a long training's third epoch). */
function request(body: WorkerRequestBody, stopOn?: (message: WorkerMessage) => boolean): Promise<Extract<WorkerMessage, { type: 'reply' | 'error' }>> {
  const id = nextId++;
  const stopHere = stopOn ?? ((message: WorkerMessage) => message.type === 'epoch' && message.epoch === 3 && body.type === 'train' && body.training.epochs > 1000);
  return new Promise((resolve) => {
    const listen = (message: WorkerMessage) => {
      if (message.type !== 'reply' && message.type !== 'error') {
        events.push(message);
        if (stopHere(message)) Atomics.store(cancelFlag, 0, id);
      } else if (message.id === id) {
        worker.off('message', listen);
        resolve(message);
      }
    };
    worker.on('message', listen);
    worker.postMessage({ ...body, id });
  });
}

before(() => {
  const workerData: WorkerData = { cancelFlag: cancelFlag.buffer, wasmDir: WASM_DIR, backend: 'wasm' };
  worker = new Worker(WORKER, { workerData });
});

after(() => worker.terminate());

test('init reports the backend in use', async () => {
  const reply = await request({ type: 'init' });
  assert.equal(reply.type, 'reply');
  assert.deepEqual(reply.type === 'reply' && reply.body, { backend: { name: 'wasm', requested: 'wasm' } });
});

test('generate before any training is a user error', async () => {
  const reply = await request({ type: 'generate', generation: DEFAULT_GENERATION });
  assert.equal(reply.type, 'error');
  assert.ok(reply.type === 'error' && reply.userError);
  assert.match(reply.type === 'error' ? reply.message : '', /No model yet/);
});

test("train streams started + one event per epoch, then generates the tutorial's sentence", async () => {
  events.length = 0;
  const reply = await request({ type: 'train', text: TUTORIAL_TEXT, training: DEFAULT_TRAINING });
  assert.equal(reply.type, 'reply', JSON.stringify(reply));
  const started = events.filter((e) => e.type === 'started');
  assert.deepEqual(started, [{ type: 'started', requestId: reply.id, characters: TUTORIAL_TEXT.length, vocabularySize: 17, mode: 'lines', sequences: 3, validationCharacters: 0, epochs: 100 }]);
  const epochs = events.filter((e) => e.type === 'epoch');
  assert.equal(epochs.length, 100);
  assert.ok(epochs.every((e) => 'requestId' in e && e.requestId === reply.id), 'every event carries its request id');
  const body = reply.type === 'reply' ? (reply.body as { finalLoss: number; cancelled: boolean; model: { vocabularySize: number } }) : undefined;
  assert.ok(body && body.finalLoss < 0.5 && !body.cancelled && body.model.vocabularySize === 17);

  const generated = await request({ type: 'generate', generation: { ...DEFAULT_GENERATION, prompt: 'good', length: 15 } });
  assert.deepEqual(generated.type === 'reply' && generated.body, { text: 'good i am fine ' });
});

test('the id in the shared buffer stops that run only, and the next run starts clean', async () => {
  events.length = 0;
  const reply = await request({ type: 'train', text: TUTORIAL_TEXT, training: { ...DEFAULT_TRAINING, epochs: 100_000 } });
  const body = reply.type === 'reply' ? (reply.body as { cancelled: boolean; epochsRun: number }) : undefined;
  assert.ok(body?.cancelled, JSON.stringify(reply));
  assert.ok(body.epochsRun >= 3 && body.epochsRun < 100, `stopped after ${body.epochsRun} epochs`);
  const again = await request({ type: 'train', text: TUTORIAL_TEXT, training: { ...DEFAULT_TRAINING, epochs: 2 } });
  assert.equal(again.type === 'reply' && (again.body as { epochsRun: number }).epochsRun, 2);
});

test('a request whose id is in the shared buffer when its turn comes is never run', async () => {
  Atomics.store(cancelFlag, 0, nextId);
  const skipped = await request({ type: 'train', text: TUTORIAL_TEXT, training: { ...DEFAULT_TRAINING, epochs: 2 } });
  assert.ok(skipped.type === 'error' && skipped.cancelled, JSON.stringify(skipped));
  const next = await request({ type: 'train', text: TUTORIAL_TEXT, training: { ...DEFAULT_TRAINING, epochs: 2 } });
  assert.equal(next.type === 'reply' && (next.body as { epochsRun: number }).epochsRun, 2, 'the next request is not touched');
});

test('3: a training cancelled before its first epoch leaves the model held before (the host and the panel keep showing it)', async () => {
  const first = await request({ type: 'train', text: TUTORIAL_TEXT, training: DEFAULT_TRAINING });
  assert.equal(first.type, 'reply');
  const prose = 'the quick brown fox jumps over the lazy dog. '.repeat(400);
  const cancelled = await request({ type: 'train', text: prose, training: { ...DEFAULT_TRAINING, batchSize: 8 } }, (message) => message.type === 'started');
  const body = cancelled.type === 'reply' ? (cancelled.body as { cancelled: boolean; epochsRun: number }) : undefined;
  assert.deepEqual([body?.cancelled, body?.epochsRun], [true, 0], JSON.stringify(cancelled));
  const generated = await request({ type: 'generate', generation: { ...DEFAULT_GENERATION, prompt: 'good', length: 15 } });
  assert.deepEqual(generated.type === 'reply' && generated.body, { text: 'good i am fine ' }, 'the tutorial model, not an untrained one');
});

test('save and load round-trip through the worker', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rnn-worker-'));
  try {
    await request({ type: 'train', text: TUTORIAL_TEXT, training: DEFAULT_TRAINING });
    const target = path.join(dir, 'model');
    assert.equal((await request({ type: 'save', dir: target })).type, 'reply');
    assert.deepEqual((await readdir(target)).sort(), ['meta.json', 'model.json', 'weights.bin']);
    const loaded = await request({ type: 'load', dir: target });
    assert.equal(loaded.type === 'reply' && (loaded.body as { model: { vocabularySize: number } }).model.vocabularySize, 17);
    const generated = await request({ type: 'generate', generation: { ...DEFAULT_GENERATION, prompt: 'good', length: 15 } });
    assert.deepEqual(generated.type === 'reply' && generated.body, { text: 'good i am fine ' });
    const missing = await request({ type: 'load', dir: path.join(dir, 'nothing-here') });
    assert.ok(missing.type === 'error' && missing.userError, JSON.stringify(missing));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
