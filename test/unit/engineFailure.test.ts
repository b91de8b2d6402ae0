/**
 * Issue 9, case 1: when the wasm backend runs out of memory inside the worker (a
 * WebAssembly.RuntimeError), the worker is unusable; the host ends it, says so, tells the
 * panels their model is gone, and the next run works on a fresh worker. The worker is the
 * real one (support/failingWorker.ts makes one text's training fail as the backend does).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { ENGINE_RESTARTED, TrainingWorkerClient, WorkerRequestError } from '../../src/extension/trainingWorkerClient';
import { isEngineFailure } from '../../src/worker/engineFailure';
import { ENGINE_FAILURE_TEXT } from './support/engineFailureText';
import { TUTORIAL_TEXT } from './support/wasm';

const ROOT = path.join(__dirname, '..', '..', '..');
const worker = new TrainingWorkerClient({
  script: path.join(__dirname, 'support', 'failingWorker.js'),
  wasmDir: path.join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep,
  backend: () => 'wasm',
});
after(() => worker.dispose());
const restarts: string[] = [];
worker.onDidRestart((reason) => restarts.push(reason));

const training = { ...DEFAULT_TRAINING, epochs: 5 };
const generation = { ...DEFAULT_GENERATION, prompt: 'good', length: 15 };

test('what counts as the engine failing: a wasm trap or an abort, not a bad input', () => {
  const { RuntimeError } = (globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }).WebAssembly;
  assert.equal(isEngineFailure(new RuntimeError('memory access out of bounds')), true);
  assert.equal(isEngineFailure(new RuntimeError('unreachable')), true);
  assert.equal(isEngineFailure(new Error('Aborted(OOM). Build with -sASSERTIONS for more info.')), true);
  assert.equal(isEngineFailure(new Error('memory access out of bounds')), true);
  assert.equal(isEngineFailure(new Error('Error in oneHot: depth must be >=2')), false);
  assert.equal(isEngineFailure('memory access out of bounds'), false);
});

test('a training the engine fails is refused with what to lower; the worker restarts, its model gone, and the next run works', async () => {
  await worker.request({ type: 'train', text: TUTORIAL_TEXT, training });
  assert.equal((await worker.request({ type: 'generate', generation })).text.length, 15, 'the model it held');

  const failed = await worker.request({ type: 'train', text: ENGINE_FAILURE_TEXT, training }).then(
    () => assert.fail('the training was expected to fail'),
    (error: unknown) => error,
  );
  assert.ok(failed instanceof WorkerRequestError && failed.userError, String(failed));
  assert.equal(
    failed.message,
    'The training engine ran out of memory and was restarted (memory access out of bounds): lower the batch size, the window or sequence length, or the units, and run again.',
  );
  assert.deepEqual(restarts, [ENGINE_RESTARTED], 'the panels are told once');

  const gone = await worker.request({ type: 'generate', generation }).then(
    () => assert.fail('a fresh worker holds no model'),
    (error: unknown) => error,
  );
  assert.match(String(gone), /No model yet/);
  const again = await worker.request({ type: 'train', text: TUTORIAL_TEXT, training });
  assert.equal(again.epochsRun, 5);
  assert.equal((await worker.request({ type: 'generate', generation })).text.length, 15);
  assert.deepEqual(restarts, [ENGINE_RESTARTED], 'no other restart');
});
