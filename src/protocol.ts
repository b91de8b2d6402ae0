/**
 * The typed messages between the extension host and the panel's webview. Both sides import
 * this module (the webview through esbuild), and both validate what they receive with the
 * `parse*` functions below: a message that does not match is dropped, never half-applied.
 */
import { BACKEND_CHOICES, type BackendChoice, type BackendStatus } from './core/backendChoice';
import type { ForecastJobResult, IngestSummary, SplitInfo } from './core/forecast/forecastResult';
import type { GenerationSettings, TextTrainingSettings } from './core/text/textSettings';

export type { BackendStatus } from './core/backendChoice';
export type { ForecastJobResult, IngestSummary, ModelRun, SeriesPoints, SplitInfo } from './core/forecast/forecastResult';
export type { LeaderboardEntry } from './core/forecast/leaderboard';
export type { ForecastMetrics } from './core/forecast/metrics';

/** One point of the loss curve. */
export interface LossPoint {
  epoch: number;
  loss: number;
}

/** Host -> webview. */
export type HostMessage =
  | { type: 'backend'; backend: BackendStatus }
  | { type: 'settings'; training: TextTrainingSettings; generation: GenerationSettings }
  | {
      type: 'trainingStarted';
      runId: number;
      /** Where the text came from, e.g. 'notes.txt (selection)'. */
      source: string;
      epochs: number;
      characters: number;
      vocabularySize: number;
      /** 'lines': the seed's padded sentences; 'windows': sliding windows over prose. */
      mode: 'lines' | 'windows';
      sequences: number;
    }
  | {
      type: 'progress';
      runId: number;
      /** New loss points since the last message, in epoch order. */
      points: LossPoint[];
      epochs: number;
      elapsedMs: number;
      /** Estimated time left. */
      remainingMs: number;
    }
  | {
      type: 'trainingFinished';
      runId: number;
      outcome: 'completed' | 'cancelled';
      finalLoss: number;
      epochsRun: number;
      msPerEpoch: number;
    }
  | { type: 'generated'; runId: number; prompt: string; text: string; temperature: number }
  | { type: 'modelLoaded'; name: string; vocabularySize: number; cell: string }
  | { type: 'modelSaved'; path: string }
  | { type: 'error'; message: string }
  /** The worker no longer holds the panel's model (restart, reload): what happened and what to do. */
  | { type: 'modelReleased'; reason: string }
  | ForecastHostMessage;

/** One epoch of one forecasting model; valLoss only with a validation split. */
export interface ForecastLossPoint {
  epoch: number;
  loss: number;
  valLoss?: number;
}

/** Host -> forecast panel. */
export type ForecastHostMessage =
  | {
      type: 'ingestProgress';
      runId: number;
      /** The CSV's file name. */
      file: string;
      bytesRead: number;
      totalBytes: number;
      rows: number;
    }
  | {
      type: 'forecastStarted';
      runId: number;
      ingest: IngestSummary;
      split: SplitInfo;
      /** Presets about to train, in order ('mlp', 'rnn', 'lstm', 'gru'), or the loaded one. */
      models: string[];
      epochs: number;
      /** A saved model is applied: nothing trains. */
      loaded: boolean;
    }
  | {
      type: 'forecastProgress';
      runId: number;
      /** Preset training now, and its 0-based position in `forecastStarted.models`. */
      model: string;
      modelIndex: number;
      /** New points since the last message of this model, in epoch order. */
      points: ForecastLossPoint[];
      epochs: number;
      elapsedMs: number;
      remainingMs: number;
    }
  | { type: 'forecastFinished'; runId: number; result: ForecastJobResult };

/** What the user can do with a generated text. */
export type TextAction = 'insert' | 'replace' | 'copy' | 'openEditor';
export const TEXT_ACTIONS: readonly TextAction[] = ['insert', 'replace', 'copy', 'openEditor'];

/** Webview -> host. */
export type WebviewMessage =
  /** The webview has loaded and listens: the host replays what it missed. */
  | { type: 'ready' }
  /** Train again on the same text with the form's settings. */
  | { type: 'train'; training: TextTrainingSettings; generation: GenerationSettings }
  | { type: 'cancel' }
  /** Generate again from the trained model, without retraining. */
  | { type: 'generate'; generation: GenerationSettings }
  | { type: 'textAction'; action: TextAction; text: string }
  | { type: 'saveModel' }
  /** Text panel: run "Load Model". */
  | { type: 'loadModel' }
  /** Forecast panel: write the forecast (and held-out predictions) as CSV. */
  | { type: 'exportForecastCsv' }
  /** Forecast panel: save a chart the webview rendered (`data`: SVG text, or a PNG data URL). */
  | { type: 'exportChart'; chart: string; format: 'svg' | 'png'; data: string };

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isTraining(v: unknown): v is TextTrainingSettings {
  return (
    isObject(v) &&
    (v.cell === 'rnn' || v.cell === 'lstm' || v.cell === 'gru') &&
    ['hiddenSize', 'layers', 'epochs', 'learningRate', 'batchSize', 'sequenceLength', 'seed'].every(
      (k) => isNumber(v[k]),
    )
  );
}

function isGeneration(v: unknown): v is GenerationSettings {
  return (
    isObject(v) && isString(v.prompt) && isNumber(v.length) && isNumber(v.temperature) && isNumber(v.seed)
  );
}

function isLossPoints(v: unknown): v is LossPoint[] {
  return Array.isArray(v) && v.every((p) => isObject(p) && isNumber(p.epoch) && isNumber(p.loss));
}

function isBackend(v: unknown): v is BackendStatus {
  return (
    isObject(v) &&
    isString(v.name) &&
    BACKEND_CHOICES.includes(v.requested as BackendChoice) &&
    (v.fallbackReason === undefined || isString(v.fallbackReason))
  );
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
/** A metric: a number, or NaN / null where it cannot be computed. */
const isMetric = (v: unknown) => typeof v === 'number' || v === null;
/** Numbers; VS Code sends messages as JSON, so a NaN (a diverged model) arrives as null. */
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' || x === null);

function isSeries(v: unknown): boolean {
  return isObject(v) && isNumbers(v.t) && isNumbers(v.value) && v.t.length === v.value.length;
}

function isMetrics(v: unknown): boolean {
  return isObject(v) && ['mae', 'rmse', 'mape', 'mase'].every((k) => isMetric(v[k]));
}

function isSplit(v: unknown): v is SplitInfo {
  return isObject(v) && ['index', 'time', 'trainPoints', 'testPoints', 'window', 'windows'].every((k) => isNumber(v[k]));
}

/** Deep enough that the panel can plot it without further checks. */
function isForecastResult(v: unknown): v is ForecastJobResult {
  if (!isObject(v) || !isSeries(v.series) || !isSeries(v.heldOut) || !isSplit(v.split)) return false;
  const heldOut = (v.heldOut as { t: number[] }).t.length;
  const predicts = (p: unknown) => isNumbers(p) && p.length === heldOut;
  return (
    isObject(v.ingest) &&
    isString(v.ingest.file) &&
    isString(v.ingest.column) &&
    isObject(v.baseline) &&
    predicts(v.baseline.predicted) &&
    isMetrics(v.baseline.metrics) &&
    Array.isArray(v.models) &&
    v.models.every(
      (m) =>
        isObject(m) &&
        isString(m.name) &&
        isString(m.label) &&
        isNumbers(m.lossHistory) &&
        isNumbers(m.valLossHistory) &&
        predicts(m.predicted) &&
        isMetrics(m.metrics) &&
        isSeries(m.forecast),
    ) &&
    Array.isArray(v.leaderboard) &&
    v.leaderboard.every((e) => isObject(e) && isString(e.name) && isString(e.label) && isMetrics(e.metrics) && isNumber(e.rank)) &&
    (v.forecast === null || (isSeries(v.forecast) && isString((v.forecast as Fields).model))) &&
    isStrings(v.warnings) &&
    typeof v.cancelled === 'boolean'
  );
}

/** The webview's message if `data` is a well-formed one, else undefined. */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'ready':
    case 'cancel':
    case 'saveModel':
    case 'loadModel':
    case 'exportForecastCsv':
      return { type: data.type };
    case 'exportChart':
      return isString(data.chart) && /^[\w-]{1,40}$/.test(data.chart) && (data.format === 'svg' || data.format === 'png') && isString(data.data)
        ? { type: 'exportChart', chart: data.chart, format: data.format, data: data.data }
        : undefined;
    case 'train':
      return isTraining(data.training) && isGeneration(data.generation)
        ? { type: 'train', training: data.training, generation: data.generation }
        : undefined;
    case 'generate':
      return isGeneration(data.generation) ? { type: 'generate', generation: data.generation } : undefined;
    case 'textAction':
      return TEXT_ACTIONS.includes(data.action as TextAction) && isString(data.text)
        ? { type: 'textAction', action: data.action as TextAction, text: data.text }
        : undefined;
    default:
      return undefined;
  }
}

/** The host's message if `data` is a well-formed one, else undefined. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isObject(data)) return undefined;
  const d = data;
  const ok = (valid: boolean) => (valid ? (d as unknown as HostMessage) : undefined);
  switch (d.type) {
    case 'backend':
      return ok(isBackend(d.backend));
    case 'settings':
      return ok(isTraining(d.training) && isGeneration(d.generation));
    case 'trainingStarted':
      return ok(
        isNumber(d.runId) &&
          isString(d.source) &&
          isNumber(d.epochs) &&
          isNumber(d.characters) &&
          isNumber(d.vocabularySize) &&
          (d.mode === 'lines' || d.mode === 'windows') &&
          isNumber(d.sequences),
      );
    case 'progress':
      return ok(
        isNumber(d.runId) &&
          isLossPoints(d.points) &&
          isNumber(d.epochs) &&
          isNumber(d.elapsedMs) &&
          isNumber(d.remainingMs),
      );
    case 'trainingFinished':
      return ok(
        isNumber(d.runId) &&
          (d.outcome === 'completed' || d.outcome === 'cancelled') &&
          isNumber(d.finalLoss) &&
          isNumber(d.epochsRun) &&
          isNumber(d.msPerEpoch),
      );
    case 'generated':
      return ok(isNumber(d.runId) && isString(d.prompt) && isString(d.text) && isNumber(d.temperature));
    case 'modelLoaded':
      return ok(isString(d.name) && isNumber(d.vocabularySize) && isString(d.cell));
    case 'modelSaved':
      return ok(isString(d.path));
    case 'error':
      return ok(isString(d.message));
    case 'modelReleased':
      return ok(isString(d.reason));
    case 'ingestProgress':
      return ok(isNumber(d.runId) && isString(d.file) && isNumber(d.bytesRead) && isNumber(d.totalBytes) && isNumber(d.rows));
    case 'forecastStarted':
      return ok(
        isNumber(d.runId) &&
          isObject(d.ingest) &&
          isString(d.ingest.file) &&
          isString(d.ingest.column) &&
          isSplit(d.split) &&
          isStrings(d.models) &&
          isNumber(d.epochs) &&
          typeof d.loaded === 'boolean',
      );
    case 'forecastProgress':
      return ok(
        isNumber(d.runId) &&
          isString(d.model) &&
          isNumber(d.modelIndex) &&
          Array.isArray(d.points) &&
          d.points.every((p) => isObject(p) && isNumber(p.epoch) && isNumber(p.loss) && (p.valLoss === undefined || isNumber(p.valLoss))) &&
          isNumber(d.epochs) &&
          isNumber(d.elapsedMs) &&
          isNumber(d.remainingMs),
      );
    case 'forecastFinished':
      return ok(isNumber(d.runId) && isForecastResult(d.result));
    default:
      return undefined;
  }
}
