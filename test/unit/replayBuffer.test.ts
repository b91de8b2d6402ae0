import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bufferMessage } from '../../src/extension/replayBuffer';
import type { HostMessage } from '../../src/protocol';

const backend: HostMessage = { type: 'backend', backend: { name: 'wasm', requested: 'auto' } };
const started = (runId: number): HostMessage => ({
  type: 'trainingStarted', runId, source: 'a.txt (selection)', epochs: 2, characters: 10, vocabularySize: 5, mode: 'lines', sequences: 2,
});
const progress = (runId: number, epoch: number): HostMessage => ({
  type: 'progress', runId, points: [{ epoch, loss: 1 / epoch }], epochs: 2, elapsedMs: epoch, remainingMs: 2 - epoch,
});

const replay = (...messages: HostMessage[]) => messages.reduce(bufferMessage, [] as HostMessage[]);

test('a new run replaces the previous run but keeps the backend', () => {
  const history = replay(backend, started(1), progress(1, 1), progress(1, 2), started(2), progress(2, 1));
  assert.deepEqual(history, [backend, started(2), progress(2, 1)]);
});

test('only the latest backend and settings are kept, and errors are not replayed', () => {
  const other: HostMessage = { type: 'backend', backend: { name: 'cpu', requested: 'cpu' } };
  const history = replay(backend, started(1), { type: 'error', message: 'boom' }, other);
  assert.deepEqual(history, [started(1), other]);
});

test('a loaded model starts a fresh history like a run', () => {
  const loaded: HostMessage = { type: 'modelLoaded', name: 'm', vocabularySize: 17, cell: 'rnn' };
  assert.deepEqual(replay(backend, started(1), progress(1, 1), loaded), [backend, loaded]);
});

test('forecast runs: the latest reading progress, then the run; a new run replaces it', () => {
  const ingest = (runId: number, rows: number): HostMessage => ({ type: 'ingestProgress', runId, file: 'p.csv', bytesRead: rows, totalBytes: 10, rows });
  const epoch = (runId: number): HostMessage => ({ type: 'forecastProgress', runId, model: 'mlp', modelIndex: 0, points: [{ epoch: 1, loss: 1 }], epochs: 1, elapsedMs: 1, remainingMs: 0 });
  assert.deepEqual(replay(backend, ingest(1, 2), ingest(1, 5), epoch(1)), [backend, ingest(1, 5), epoch(1)]);
  assert.deepEqual(replay(backend, ingest(1, 2), epoch(1), ingest(2, 3)), [backend, ingest(2, 3)]);
});
