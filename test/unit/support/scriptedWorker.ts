/**
 * A stand-in for dist/worker.js that speaks its protocol (src/worker/protocol.ts) and fails
 * as its request says, so the host's handling of each failure runs under plain Node: `train`
 * sends `started` and three epochs, `forecast` one reading event, then each does what its
 * text (train) or csv (forecast) names — `userError`, `error` (a plain Error), `cancelled`
 * (stopped in the worker), `exit` (process.exit in the worker thread), `throw` (an uncaught
 * throw in it) or `hang` (no reply: the host restarts it). `init` replies with wasm.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerEvent, WorkerMessage, WorkerRequest } from '../../../src/worker/protocol';

const port = parentPort;
if (!port) throw new Error('scriptedWorker.js must run as a worker thread');

const post = (message: WorkerMessage) => port.postMessage(message);

function fail(id: number, how: string): void {
  switch (how) {
    case 'userError':
      return post({ type: 'error', id, message: 'The text has one distinct symbol: a model needs two or more.', userError: true });
    case 'error':
      return post({ type: 'error', id, message: 'memory access out of bounds', userError: false });
    case 'cancelled':
      return post({ type: 'error', id, message: 'Cancelled.', userError: true, cancelled: true });
    case 'exit':
      process.exit(3);
      return;
    case 'throw':
      setImmediate(() => {
        throw new Error('a worker bug');
      });
      return;
    default:
      return; // 'hang'
  }
}

port.on('message', (request: WorkerRequest) => {
  const emit = (event: WorkerEvent) => post({ ...event, requestId: request.id });
  switch (request.type) {
    case 'init':
      return post({ type: 'reply', id: request.id, body: { backend: { name: 'wasm', requested: 'wasm' } } });
    case 'train':
      emit({ type: 'started', epochs: 10, characters: 40, vocabularySize: 9, mode: 'lines', sequences: 3, validationCharacters: 0 });
      for (let epoch = 1; epoch <= 3; epoch++) emit({ type: 'epoch', epoch, epochs: 10, loss: 3 - epoch / 2, elapsedMs: epoch * 5 });
      return fail(request.id, request.text);
    case 'forecast':
      emit({ type: 'ingest', bytesRead: 50, totalBytes: 100, rows: 4 });
      return fail(request.id, request.csv);
    default:
      return post({ type: 'error', id: request.id, message: `scriptedWorker does not do ${request.type}`, userError: false });
  }
});
