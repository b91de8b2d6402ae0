/**
 * The training worker: owns TensorFlow.js and the one model of the session, so the
 * extension host never runs a kernel. Requests and replies: see src/workerProtocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend } from '../core/backend';
import type { BackendStatus } from '../core/backendChoice';
import { loadTextModel, saveTextModel } from '../core/modelStore';
import { generateText } from '../core/textGeneration';
import { trainTextModel, type TrainedTextModel } from '../core/textTraining';
import { UserError } from '../core/userError';
import type { ModelSummary, WorkerData, WorkerMessage, WorkerReplies, WorkerRequest } from '../workerProtocol';

const port = parentPort;
if (!port) throw new Error('trainingWorker.js must run as a worker thread');
const data = workerData as WorkerData;
const cancelFlag = new Int32Array(data.cancelFlag);

let backend: Promise<BackendStatus> | undefined;
let current: TrainedTextModel | undefined;

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

function summary(model: TrainedTextModel, sequences: number): ModelSummary {
  return {
    training: model.training,
    vocabularySize: model.vocabulary.size,
    mode: model.mode,
    sequences,
  };
}

function requireModel(): TrainedTextModel {
  if (!current) throw new UserError('No model yet: train one on a selection, or load a saved model.');
  return current;
}

function replace(next: TrainedTextModel): void {
  current?.dispose();
  current = next;
}

async function handle(request: WorkerRequest): Promise<WorkerReplies[keyof WorkerReplies]> {
  backend ??= initBackend(data.backend, data.wasmDir);
  const status = await backend;
  switch (request.type) {
    case 'init':
      return { backend: status };
    case 'train': {
      Atomics.store(cancelFlag, 0, 0);
      const { trained, result } = await trainTextModel(request.text, request.training, {
        onStart: (info) => post({ type: 'started', epochs: request.training.epochs, ...info }),
        onEpoch: (p) => post({ type: 'epoch', ...p }),
        shouldStop: () => Atomics.load(cancelFlag, 0) === 1,
      });
      replace(trained);
      return { ...result, model: summary(trained, result.sequences) };
    }
    case 'generate':
      return { text: generateText(requireModel(), request.generation) };
    case 'save':
      await saveTextModel(requireModel(), request.dir);
      return { dir: request.dir };
    case 'load': {
      const loaded = await loadTextModel(request.dir);
      replace(loaded);
      return { model: summary(loaded, 0) };
    }
  }
}

/** Requests run one at a time, in order: the model is never trained and saved at once. */
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      post({ type: 'reply', id: request.id, body: await handle(request) });
    } catch (error) {
      const userError = error instanceof UserError;
      const message = error instanceof Error ? error.message : String(error);
      post({ type: 'error', id: request.id, message, userError });
    }
  });
});
