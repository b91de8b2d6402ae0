/**
 * The training worker: owns TensorFlow.js and the one model of the session, so the
 * extension host never runs a kernel. Requests and replies: see src/worker/protocol.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend } from '../core/backend';
import type { BackendStatus } from '../core/backendChoice';
import { CancelledError } from '../core/cancelledError';
import { summarizeCsv } from '../core/csv/csvOverview';
import { runForecastJob } from '../core/forecast/forecastJob';
import type { ForecastJobResult } from '../core/forecast/forecastResult';
import { copyModelFolder } from '../core/persistence/modelFolder';
import { loadTextModel, saveTextModel } from '../core/text/textModelStore';
import { generateText } from '../core/text/textGeneration';
import type { TextTrainingSettings } from '../core/text/textSettings';
import { trainTextModel, type TrainedTextModel } from '../core/text/textTraining';
import { UserError } from '../core/userError';
import { isEngineFailure } from './engineFailure';
import type { ModelSummary, WorkerData, WorkerEvent, WorkerMessage, WorkerReplies, WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('trainingWorker.js must run as a worker thread');
const data = workerData as WorkerData;
const cancelFlag = new Int32Array(data.cancelFlag);

let backend: Promise<BackendStatus> | undefined;
let current: TrainedTextModel | undefined;
/** The last forecast run, and the folder its models were saved to (copied on "Save Model"). */
let lastForecast: { result: ForecastJobResult; staging: string } | undefined;

/** The id of the request being handled: its events carry it, and only it can be stopped. */
let running = 0;
const stopRequested = () => Atomics.load(cancelFlag, 0) === running;

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

/** Sends progress of the running request. */
function emit(event: WorkerEvent): void {
  post({ ...event, requestId: running });
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
  running = request.id;
  if (stopRequested()) throw new CancelledError('Cancelled before it started.');
  switch (request.type) {
    case 'init':
      return { backend: status };
    case 'train': {
      const { trained, result } = await trainTextModel(request.text, request.training, {
        onStart: (info) => emit({ type: 'started', epochs: request.training.epochs, ...info }),
        onEpoch: (p) => emit({ type: 'epoch', ...p }),
        shouldStop: stopRequested,
      }, request.source, (key) => request.settingNames?.[key as keyof TextTrainingSettings] ?? key);
      // Cancelled before its first epoch: the model held before stays (the host keeps showing it).
      if (result.epochsRun > 0) replace(trained);
      else trained.dispose();
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
    case 'summarizeCsv':
      return summarizeCsv(request.file, {
        timeColumn: request.timeColumn,
        shouldStop: stopRequested,
        onProgress: (p) => emit({ type: 'ingest', ...p }),
      });
    case 'forecast':
      return forecast(request);
    case 'saveForecaster':
      return { dir: await saveForecaster(request.dir, request.model) };
  }
}

/** Runs the forecast job, keeping its trained models in a staging folder for "Save Model". */
async function forecast(request: Extract<WorkerRequest, { type: 'forecast' }>): Promise<ForecastJobResult> {
  if (lastForecast) await rm(lastForecast.staging, { recursive: true, force: true });
  lastForecast = undefined;
  const staging = await mkdtemp(path.join(tmpdir(), 'rnn-studio-forecast-'));
  try {
    const result = await runForecastJob(
      { csv: request.csv, settings: request.settings, load: request.load, save: request.load ? undefined : staging },
      {
        onIngestProgress: (p) => emit({ type: 'ingest', ...p }),
        onProbe: (probe) => emit({ type: 'forecastProbe', ...probe }),
        onStart: (start) => emit({ type: 'forecastStarted', ...start }),
        onEpoch: (epoch) => emit({ type: 'forecastEpoch', ...epoch }),
        onModelDone: (run, index) => emit({ type: 'forecastModelDone', run, index }),
        shouldStop: stopRequested,
      },
    );
    lastForecast = { result, staging };
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Copies a model of the last forecast run into `dir`: `model` by preset, else the one that forecast. */
async function saveForecaster(dir: string, model?: string): Promise<string> {
  const saved = lastForecast?.result.models.filter((run) => run.savedTo !== undefined) ?? [];
  if (!lastForecast || saved.length === 0) {
    throw new UserError('No trained forecaster to save: run "RNN Studio: Forecast CSV" first (a model applied from a saved folder is already saved).');
  }
  const wanted = model ?? lastForecast.result.forecast?.model ?? saved[0].name;
  const run = saved.find((r) => r.name === wanted);
  if (!run?.savedTo) throw new UserError(`The last forecast run has no trained model "${wanted}": it trained ${saved.map((r) => r.name).join(', ')}.`);
  await copyModelFolder(run.savedTo, dir);
  return dir;
}

/** Requests run one at a time, in order: the model is never trained and saved at once. */
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      post({ type: 'reply', id: request.id, body: await handle(request) });
    } catch (error) {
      const userError = error instanceof UserError;
      const cancelled = error instanceof CancelledError;
      const message = error instanceof Error ? error.message : String(error);
      post({ type: 'error', id: request.id, message, userError, cancelled, engineFailed: isEngineFailure(error) });
    }
  });
});
