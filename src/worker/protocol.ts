/**
 * The typed messages between the extension host and the training worker
 * (`dist/worker.js`, a `worker_threads` Worker). Requests carry an `id` (1, 2, …); the worker
 * answers each with exactly one reply of the same `id` (or an `error`), and sends events
 * (progress) in between, each with the `requestId` of the request it belongs to.
 * Cancellation does not travel as a message: the host writes the id of the request to stop
 * into a SharedArrayBuffer that the training loop reads before every batch, so it stops
 * within one batch even while the worker's event loop is busy, and no other request is
 * touched. A request whose id is there when its turn comes is never run.
 */
import type { BackendChoice, BackendStatus } from '../core/backendChoice';
import type { CsvOverview } from '../core/csv/csvOverview';
import type { IngestProgress } from '../core/csv/csvIngest';
import type { ShapeProbe } from '../core/forecast/dataShape';
import type { ForecastEpoch, ForecastJobStart } from '../core/forecast/forecastJob';
import type { ForecastJobResult, ModelRun } from '../core/forecast/forecastResult';
import type { ForecastSettings } from '../core/forecast/forecastSettings';
import type { GenerationSettings, TextTrainingSettings } from '../core/text/textSettings';
import type { TrainingStart } from '../core/text/textTraining';
import type { EpochLoss } from '../core/training/fitResult';

/** What the worker is started with (`workerData`). */
export interface WorkerData {
  /** Int32Array view of one element: the id of the request to stop (0: none). */
  cancelFlag: SharedArrayBuffer;
  /** Folder holding tfjs-backend-wasm's .wasm files. */
  wasmDir: string;
  backend: BackendChoice;
}

/** Facts about the model the worker holds. */
export interface ModelSummary {
  /** The settings it was trained with. */
  training: TextTrainingSettings;
  vocabularySize: number;
  mode: 'lines' | 'windows';
  sequences: number;
}

export type WorkerRequest =
  | { id: number; type: 'init' }
  /**
   * Trains on `text`; `source` names it in messages ("notes.txt (selection)"), `settingNames`
   * how the user's messages name each training setting (`rnnStudio.text.batchSize`, the
   * form's field; the key itself where absent).
   */
  | { id: number; type: 'train'; text: string; source?: string; training: TextTrainingSettings; settingNames?: Partial<Record<keyof TextTrainingSettings, string>> }
  | { id: number; type: 'generate'; generation: GenerationSettings }
  | { id: number; type: 'save'; dir: string }
  | { id: number; type: 'load'; dir: string }
  /** Reads a whole CSV once: its numeric columns with ranges, and the time column found. */
  | { id: number; type: 'summarizeCsv'; file: string; timeColumn?: string | null }
  /** Runs the forecast job; with `load`, applies a saved forecaster instead of training. */
  | { id: number; type: 'forecast'; csv: string; settings: Partial<ForecastSettings>; load?: string }
  /** Saves a forecaster of the last forecast run (by preset; default: the one that forecast). */
  | { id: number; type: 'saveForecaster'; dir: string; model?: string };

/** Distributes Omit over a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type WorkerRequestBody = DistributiveOmit<WorkerRequest, 'id'>;

export interface TrainingOutcome {
  lossHistory: number[];
  finalLoss: number;
  epochsRun: number;
  msPerEpoch: number;
  cancelled: boolean;
}

/** The reply to each request type. */
export interface WorkerReplies {
  init: { backend: BackendStatus };
  /** `model`: what it trained, held by the worker only when `epochsRun` > 0 (else the model held before stays). */
  train: TrainingOutcome & { model: ModelSummary };
  generate: { text: string };
  save: { dir: string };
  load: { model: ModelSummary };
  summarizeCsv: CsvOverview;
  forecast: ForecastJobResult;
  saveForecaster: { dir: string };
}

/** Progress of the running request. */
export type WorkerEvent =
  | ({ type: 'started'; epochs: number } & TrainingStart)
  | ({ type: 'epoch' } & EpochLoss)
  | ({ type: 'ingest' } & IngestProgress)
  /** The auto recipe fits probe `probe` of `probes` to choose the transform and window. */
  | ({ type: 'forecastProbe' } & ShapeProbe)
  | ({ type: 'forecastStarted' } & ForecastJobStart)
  | ({ type: 'forecastEpoch' } & ForecastEpoch)
  /** A model of the forecast run is done (trained, evaluated, forecast): `index` in forecastStarted.models. */
  | { type: 'forecastModelDone'; run: ModelRun; index: number };

export type WorkerMessage =
  | { type: 'reply'; id: number; body: WorkerReplies[keyof WorkerReplies] }
  /**
   * `cancelled`: the user stopped it before it produced anything (nothing is wrong);
   * `engineFailed`: the backend ran out of memory or aborted, and the worker is unusable
   * (see engineFailure.ts): the host ends it and starts a fresh one.
   */
  | { type: 'error'; id: number; message: string; userError: boolean; cancelled?: boolean; engineFailed?: boolean }
  /** An event of the request `requestId`. */
  | (WorkerEvent & { requestId: number });

/** The requests the worker stops when asked (the others are quick and always finish). */
export const STOPPABLE_REQUESTS: ReadonlySet<WorkerRequest['type']> = new Set(['train', 'summarizeCsv', 'forecast']);
