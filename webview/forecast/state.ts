/**
 * The forecast panel's state: a pure reducer over the host's messages and the user's own
 * actions, persisted whole with `vscode.setState` (bounded: the result is kept as PlotResult,
 * its lines decimated), so a hidden or reloaded panel shows its charts and tables at once.
 * The host then replays what it buffered, and the reducer is idempotent for that replay:
 *  - `ingestProgress` of the run shown only moves forward (never back, never after the start);
 *  - `forecastStarted` of the run shown, with the same facts, changes nothing; another
 *    `runId` (or other facts under the same id: the host reused it) starts a new, empty run;
 *  - `forecastProgress` only adds epochs newer than a model's last one;
 *  - `forecastFinished` of the result shown changes nothing.
 * No DOM here: the module is unit-tested under Node.
 */
import {
  parseHostMessage,
  type BackendStatus,
  type ForecastHostMessage,
  type ForecastLossPoint,
  type HostMessage,
  type IngestSummary,
  type SplitInfo,
} from '../../src/protocol';
import { appendPoints } from '../shared/lossHistory';
import { MAX_LOSS_POINTS, plotResult, type PlotLeaderboardEntry, type PlotLine, type PlotMetrics, type PlotModel, type PlotResult } from './plotData';

export const FORECAST_STATE_VERSION = 1;

/** reading the CSV -> training (or applying a loaded model) -> how it ended. */
export type Phase = 'reading' | 'training' | 'completed' | 'cancelled' | 'failed';

export interface IngestProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ForecastRun {
  runId: number;
  phase: Phase;
  /** The CSV's file name. */
  file: string;
  /** The last ingest progress (while reading). */
  reading?: IngestProgress;
  /** Known from forecastStarted on. */
  ingest?: IngestSummary;
  split?: SplitInfo;
  /** Presets in training order (or the loaded one). */
  models: string[];
  epochs: number;
  loaded: boolean;
  /** Loss curve of each model, by its index in `models` (thinned when long). */
  curves: Array<readonly ForecastLossPoint[]>;
  /** Model training now (-1: none yet) and its last epoch and epoch count. */
  modelIndex: number;
  epoch: number;
  modelEpochs: number;
  /** Time the run has trained: the finished models' (`doneMs`) and the current one's (`modelElapsedMs`). */
  elapsedMs: number;
  doneMs: number;
  modelElapsedMs: number;
  /** Estimated time left; NaN when not known. */
  remainingMs: number;
}

export interface ForecastState {
  version: typeof FORECAST_STATE_VERSION;
  backend?: BackendStatus;
  run?: ForecastRun;
  /** The finished run's result (`result.runId`). */
  result?: PlotResult;
  savedPath?: string;
  error?: { message: string; seq: number };
  /** Cancel was clicked; the host has not yet said the run ended. */
  cancelRequested: boolean;
  /** The loss chart's y axis. */
  logScale: boolean;
}

export type ForecastUiAction = { type: 'ui/dismissError' } | { type: 'ui/cancelRequested' } | { type: 'ui/logScale'; on: boolean };

export type ForecastAction = HostMessage | ForecastUiAction;

type Of<T extends ForecastHostMessage['type']> = Extract<ForecastHostMessage, { type: T }>;

export function initialForecastState(): ForecastState {
  return { version: FORECAST_STATE_VERSION, cancelRequested: false, logScale: false };
}

/** Reading or training: Cancel applies. */
export const isRunning = (s: ForecastState): boolean => s.run?.phase === 'reading' || s.run?.phase === 'training';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function startInfo(m: Pick<Of<'forecastStarted'>, 'ingest' | 'split' | 'models' | 'epochs' | 'loaded'>) {
  return { ingest: m.ingest, split: m.split, models: m.models, epochs: m.epochs, loaded: m.loaded };
}

function newRun(runId: number, phase: Phase, file: string): ForecastRun {
  return { runId, phase, file, models: [], epochs: 0, loaded: false, curves: [], modelIndex: -1, epoch: 0, modelEpochs: 0, elapsedMs: 0, doneMs: 0, modelElapsedMs: 0, remainingMs: NaN };
}

/** A new run replaces everything of the last one. */
function withNewRun(state: ForecastState, run: ForecastRun): ForecastState {
  return { ...state, run, result: undefined, error: undefined, savedPath: undefined, cancelRequested: false };
}

const copyPoint = (p: ForecastLossPoint): ForecastLossPoint =>
  p.valLoss === undefined ? { epoch: p.epoch, loss: p.loss } : { epoch: p.epoch, loss: p.loss, valLoss: p.valLoss };

/** The curves of a finished run, from its result. */
function resultCurves(models: readonly PlotModel[]): Array<readonly ForecastLossPoint[]> {
  return models.map((m) =>
    m.lossEpochs.map((epoch, i) => (m.valLoss.length === m.loss.length ? { epoch, loss: m.loss[i], valLoss: m.valLoss[i] } : { epoch, loss: m.loss[i] })),
  );
}

function reduceProgress(state: ForecastState, m: Of<'forecastProgress'>): ForecastState {
  const run = state.run;
  if (!run || run.runId !== m.runId || run.phase !== 'training') return state;
  if (!Number.isInteger(m.modelIndex) || m.modelIndex < 0 || m.modelIndex >= Math.max(1, run.models.length)) return state;
  const before = run.curves[m.modelIndex] ?? [];
  const after = appendPoints(before, m.points, MAX_LOSS_POINTS, copyPoint);
  const lastEpoch = after.length > 0 ? after[after.length - 1].epoch : 0;
  // Newer: a later model, or a later epoch of the model training now.
  const newer = m.modelIndex > run.modelIndex || (m.modelIndex === run.modelIndex && (lastEpoch > run.epoch || after !== before));
  if (after === before && !newer) return state;
  const curves = [...run.curves];
  while (curves.length <= m.modelIndex) curves.push([]);
  curves[m.modelIndex] = after;
  if (!newer) return { ...state, run: { ...run, curves } };
  // elapsedMs counts from the start of the model's own training (FitEpoch): a later model adds the last one's time.
  const doneMs = m.modelIndex > run.modelIndex && run.modelIndex >= 0 ? run.doneMs + run.modelElapsedMs : run.doneMs;
  return {
    ...state,
    run: {
      ...run,
      curves,
      modelIndex: m.modelIndex,
      epoch: lastEpoch,
      modelEpochs: m.epochs,
      doneMs,
      modelElapsedMs: m.elapsedMs,
      elapsedMs: doneMs + m.elapsedMs,
      remainingMs: m.remainingMs,
    },
  };
}

function reduceFinished(state: ForecastState, m: Of<'forecastFinished'>): ForecastState {
  if (state.result?.runId === m.runId) return state; // a replay of the result shown
  const result = plotResult(m.runId, m.result);
  const phase: Phase = m.result.cancelled ? 'cancelled' : 'completed';
  const current = state.run?.runId === m.runId ? state.run : undefined;
  const models = current && current.models.length > 0 ? current.models : result.models.map((x) => x.name);
  const run: ForecastRun = {
    ...(current ?? newRun(m.runId, phase, result.ingest.file)),
    phase,
    file: result.ingest.file,
    reading: undefined,
    ingest: result.ingest,
    split: result.split,
    models,
    epochs: current?.epochs || Math.max(0, ...result.models.map((x) => x.epochs)),
    loaded: current?.loaded ?? (result.models.length > 0 && result.models.every((x) => x.loadedFrom !== undefined)),
    curves: resultCurves(result.models),
    // Without progress messages: the models' training time from the result.
    elapsedMs: current && current.elapsedMs > 0 ? current.elapsedMs : result.models.reduce((sum, x) => sum + (Number.isFinite(x.msPerEpoch) ? x.msPerEpoch * x.epochsRun : 0), 0),
    remainingMs: 0,
  };
  const base = current ? state : withNewRun(state, run);
  return { ...base, run, result, cancelRequested: false };
}

export function reduceForecast(state: ForecastState, action: ForecastAction): ForecastState {
  switch (action.type) {
    case 'backend':
      return sameJson(state.backend, action.backend) ? state : { ...state, backend: action.backend };

    case 'ingestProgress': {
      const { runId, file, bytesRead, totalBytes, rows } = action;
      const run = state.run;
      if (run?.runId === runId) {
        if (run.phase !== 'reading') return state; // late or replayed
        const r = run.reading;
        if (r && (bytesRead < r.bytesRead || rows < r.rows || (bytesRead === r.bytesRead && rows === r.rows && totalBytes === r.totalBytes))) {
          return state; // older, or the same
        }
        return { ...state, run: { ...run, file, reading: { bytesRead, totalBytes, rows } } };
      }
      return withNewRun(state, { ...newRun(runId, 'reading', file), reading: { bytesRead, totalBytes, rows } });
    }

    case 'forecastStarted': {
      const info = startInfo(action);
      const run = state.run;
      if (run?.runId === action.runId && run.phase !== 'reading' && run.ingest && sameJson(startInfo({ ...run, ingest: run.ingest, split: run.split as SplitInfo }), info)) {
        return state; // a replay of the run shown
      }
      if (run?.runId === action.runId && run.phase === 'reading') {
        return { ...state, run: { ...run, ...info, phase: 'training', file: action.ingest.file, reading: undefined, curves: [] } };
      }
      return withNewRun(state, { ...newRun(action.runId, 'training', action.ingest.file), ...info });
    }

    case 'forecastProgress':
      return reduceProgress(state, action);

    case 'forecastFinished':
      return reduceFinished(state, action);

    case 'modelSaved':
      return state.savedPath === action.path ? state : { ...state, savedPath: action.path };

    case 'error': {
      const error = { message: action.message, seq: (state.error?.seq ?? 0) + 1 };
      // An error while reading or training ends the run (after Cancel: as cancelled).
      const run = state.run && isRunning(state) ? { ...state.run, phase: (state.cancelRequested ? 'cancelled' : 'failed') as Phase, remainingMs: NaN } : state.run;
      return { ...state, run, error, cancelRequested: run !== state.run ? false : state.cancelRequested };
    }

    case 'ui/dismissError':
      return state.error ? { ...state, error: undefined } : state;

    case 'ui/cancelRequested':
      return isRunning(state) && !state.cancelRequested ? { ...state, cancelRequested: true } : state;

    case 'ui/logScale':
      return state.logScale === action.on ? state : { ...state, logScale: action.on };

    default:
      return state; // the text panel's messages
  }
}

// ---- Restoring a persisted state: every part is checked, a bad part is dropped. ----

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number';
const isStr = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
/** JSON turned NaN into null: back to NaN. */
const num = (v: unknown): number => (isNum(v) ? v : NaN);
const isNumOrNull = (v: unknown) => isNum(v) || v === null;

/** An array of numbers (null read as NaN), or undefined. */
function nums(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.every(isNumOrNull) ? v.map(num) : undefined;
}

function line(v: unknown): PlotLine | undefined {
  if (!isObject(v)) return undefined;
  const t = nums(v.t);
  const value = nums(v.value);
  return t && value && t.length === value.length ? { t, value } : undefined;
}

function metrics(v: unknown): PlotMetrics | undefined {
  if (!isObject(v) || !['mae', 'rmse', 'mape', 'mase'].every((k) => isNumOrNull(v[k]))) return undefined;
  const m = (x: unknown) => (isNum(x) && Number.isFinite(x) ? x : null);
  return { mae: m(v.mae), rmse: m(v.rmse), mape: m(v.mape), mase: m(v.mase) };
}

function restoreModel(v: unknown, heldOut: number): PlotModel | undefined {
  if (!isObject(v) || !isStr(v.name) || !isStr(v.label)) return undefined;
  const lossEpochs = nums(v.lossEpochs);
  const loss = nums(v.loss);
  const valLoss = nums(v.valLoss);
  const predicted = nums(v.predicted);
  const forecast = line(v.forecast);
  const m = metrics(v.metrics);
  if (!lossEpochs || !loss || !valLoss || lossEpochs.length !== loss.length || (valLoss.length !== 0 && valLoss.length !== loss.length)) return undefined;
  if (!predicted || predicted.length !== heldOut || !forecast || !m) return undefined;
  if (!['epochs', 'epochsRun', 'bestEpoch'].every((k) => isNum(v[k])) || !isBool(v.stoppedEarly) || !isBool(v.cancelled)) return undefined;
  return {
    name: v.name,
    label: v.label,
    ...(isStr(v.loadedFrom) ? { loadedFrom: v.loadedFrom } : {}),
    ...(isStr(v.savedTo) ? { savedTo: v.savedTo } : {}),
    epochs: num(v.epochs),
    epochsRun: num(v.epochsRun),
    bestEpoch: num(v.bestEpoch),
    stoppedEarly: v.stoppedEarly,
    cancelled: v.cancelled,
    msPerEpoch: num(v.msPerEpoch),
    finalLoss: num(v.finalLoss),
    lossEpochs,
    loss,
    valLoss,
    metrics: m,
    predicted,
    forecast,
  };
}

function restoreEntry(v: unknown): PlotLeaderboardEntry | undefined {
  const m = isObject(v) ? metrics(v.metrics) : undefined;
  if (!isObject(v) || !m || !isStr(v.name) || !isStr(v.label) || !isBool(v.baseline) || !isBool(v.beatsBaseline) || !isNum(v.rank)) return undefined;
  return { name: v.name, label: v.label, baseline: v.baseline, metrics: m, beatsBaseline: v.beatsBaseline, rank: v.rank };
}

/** The facts of forecastStarted, checked by the protocol's own validator. */
function started(v: Fields, models: unknown = []): Of<'forecastStarted'> | undefined {
  const m = parseHostMessage({ type: 'forecastStarted', runId: v.runId, ingest: v.ingest, split: v.split, models, epochs: 0, loaded: false });
  return m?.type === 'forecastStarted' ? m : undefined;
}

export function restoreResult(v: unknown): PlotResult | undefined {
  if (!isObject(v) || !isNum(v.runId) || !isNum(v.horizon) || !isBool(v.cancelled)) return undefined;
  const facts = started(v);
  const series = line(v.series);
  const heldOut = line(v.heldOut);
  if (!facts || !series || !heldOut || !isNum(v.seriesPoints) || !isNum(v.heldOutPoints)) return undefined;
  if (!Array.isArray(v.warnings) || !v.warnings.every(isStr) || !isObject(v.baseline)) return undefined;
  const baselinePredicted = nums(v.baseline.predicted);
  const baselineMetrics = metrics(v.baseline.metrics);
  if (!baselinePredicted || baselinePredicted.length !== heldOut.t.length || !baselineMetrics) return undefined;
  if (!Array.isArray(v.models) || !Array.isArray(v.leaderboard)) return undefined;
  const models = v.models.map((m) => restoreModel(m, heldOut.t.length));
  const leaderboard = v.leaderboard.map(restoreEntry);
  if (!models.every((m) => m !== undefined) || !leaderboard.every((e) => e !== undefined)) return undefined;
  let forecast: PlotResult['forecast'] = null;
  if (v.forecast !== null) {
    const f = isObject(v.forecast) ? line(v.forecast) : undefined;
    if (!f || !isObject(v.forecast) || !isStr(v.forecast.model) || !isNum(v.forecast.modelIndex) || !models[v.forecast.modelIndex]) return undefined;
    forecast = { ...f, model: v.forecast.model, modelIndex: v.forecast.modelIndex };
  }
  return {
    runId: v.runId,
    ingest: facts.ingest,
    split: facts.split,
    horizon: v.horizon,
    warnings: v.warnings,
    moreWarnings: isNum(v.moreWarnings) ? v.moreWarnings : 0,
    cancelled: v.cancelled,
    series,
    seriesPoints: v.seriesPoints,
    heldOut,
    heldOutPoints: v.heldOutPoints,
    baseline: { predicted: baselinePredicted, metrics: baselineMetrics },
    models,
    leaderboard,
    forecast,
  };
}

const PHASES: readonly Phase[] = ['reading', 'training', 'completed', 'cancelled', 'failed'];

function restoreRun(v: unknown): ForecastRun | undefined {
  if (!isObject(v) || !isNum(v.runId) || !isStr(v.file) || !PHASES.includes(v.phase as Phase)) return undefined;
  if (!Array.isArray(v.models) || !v.models.every(isStr) || !isNum(v.epochs) || !isBool(v.loaded)) return undefined;
  if (!Array.isArray(v.curves)) return undefined;
  const okPoint = (p: unknown): p is ForecastLossPoint =>
    isObject(p) && isNum(p.epoch) && isNum(p.loss) && (p.valLoss === undefined || isNum(p.valLoss));
  if (!v.curves.every((c) => Array.isArray(c) && c.every(okPoint))) return undefined;
  const run: ForecastRun = {
    ...newRun(v.runId, v.phase as Phase, v.file),
    models: v.models,
    epochs: v.epochs,
    loaded: v.loaded,
    curves: (v.curves as ForecastLossPoint[][]).map((c) => c.map(copyPoint)),
    modelIndex: isNum(v.modelIndex) ? v.modelIndex : -1,
    epoch: isNum(v.epoch) ? v.epoch : 0,
    modelEpochs: isNum(v.modelEpochs) ? v.modelEpochs : 0,
    elapsedMs: isNum(v.elapsedMs) ? v.elapsedMs : 0,
    doneMs: isNum(v.doneMs) ? v.doneMs : 0,
    modelElapsedMs: isNum(v.modelElapsedMs) ? v.modelElapsedMs : 0,
    remainingMs: num(v.remainingMs),
  };
  if (isObject(v.reading) && isNum(v.reading.bytesRead) && isNum(v.reading.totalBytes) && isNum(v.reading.rows)) {
    run.reading = { bytesRead: v.reading.bytesRead, totalBytes: v.reading.totalBytes, rows: v.reading.rows };
  }
  if (v.ingest !== undefined) {
    const facts = started(v, v.models);
    if (!facts) return undefined;
    run.ingest = facts.ingest;
    run.split = facts.split;
  }
  if (run.phase !== 'reading' && run.phase !== 'training' && !run.ingest) return undefined;
  return run;
}

/** The state saved by `vscode.setState`, checked part by part; a fresh state if unusable. */
export function restoreForecastState(saved: unknown): ForecastState {
  const state = initialForecastState();
  if (!isObject(saved) || saved.version !== FORECAST_STATE_VERSION) return state;
  const backend = parseHostMessage({ type: 'backend', backend: saved.backend });
  if (backend?.type === 'backend') state.backend = backend.backend;
  state.run = restoreRun(saved.run);
  const result = restoreResult(saved.result);
  if (result && state.run?.runId === result.runId) state.result = result;
  if (isStr(saved.savedPath)) state.savedPath = saved.savedPath;
  if (isObject(saved.error) && isStr(saved.error.message) && isNum(saved.error.seq)) {
    state.error = { message: saved.error.message, seq: saved.error.seq };
  }
  state.cancelRequested = saved.cancelRequested === true && isRunning(state);
  state.logScale = saved.logScale === true;
  return state;
}
