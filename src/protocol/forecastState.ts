/**
 * The forecast panel's state as the host knows it, and the pure reducer over the host's
 * messages. Both sides run it: the host keeps its panel's state and sends it whole as a
 * `snapshot` when the webview (re)loads; the webview applies the same messages live. The
 * result is kept as a PlotResult (its lines decimated), so the snapshot and the persisted
 * state stay bounded. The schema checks a snapshot on receipt and the state VS Code hands
 * back after a reload (a bad part is dropped).
 */
import * as v from 'valibot';
import { IngestSummarySchema, SplitInfoSchema } from '../core/forecast/forecastResult';
import { finite, jsonNumber } from '../core/numberSchemas';
import { droppable, LossPointSchema, PANEL_STATE_ENTRIES, type CancelMessage, type LossPoint } from './common';
import type { ForecastHostMessage } from './forecast';
import { MAX_LOSS_POINTS, plotResult, PlotResultSchema, type PlotModel } from './forecastPlot';
import { RunListSchema } from './forecastRuns';
import { RunSettingsSchema } from './forecastRunSettings';
import { appendPoints } from './lossHistory';


/** reading the CSV -> training (or applying a loaded model) -> how it ended. */
const PHASES = ['reading', 'training', 'completed', 'cancelled', 'failed'] as const;
type Phase = (typeof PHASES)[number];

const IngestProgressSchema = v.object({ bytesRead: finite, totalBytes: finite, rows: finite });

const ForecastRunSchema = v.object({
  runId: finite,
  phase: v.picklist(PHASES),
  /** The CSV's file name. */
  file: v.string(),
  /** The last ingest progress (while reading). */
  reading: v.optional(IngestProgressSchema),
  /** The probe the auto recipe fits (after reading, before training). */
  probing: v.optional(v.object({ probe: finite, probes: finite, what: v.string() })),
  /** Known from forecastStarted on. */
  ingest: v.optional(IngestSummarySchema),
  split: v.optional(SplitInfoSchema),
  /** Presets in training order (or the loaded one). */
  models: v.array(v.string()),
  epochs: finite,
  loaded: v.boolean(),
  /** The settings it ran with, as the form shows them (from forecastStarted). */
  settings: v.optional(RunSettingsSchema),
  /** Loss curve of each model, by its index in `models` (thinned when long). */
  curves: v.array(v.array(LossPointSchema)),
  /** Model training now (-1: none yet) and its last epoch and epoch count. */
  ...{ modelIndex: finite, epoch: finite, modelEpochs: finite },
  /** The seed of the model's ensemble training now (0-based member of `members`); absent with one seed. */
  seed: v.optional(v.object({ member: finite, members: finite, epoch: finite })),
  /** Time the run has trained: the finished models' (`doneMs`) and the current one's (`modelElapsedMs`). */
  ...{ elapsedMs: finite, doneMs: finite, modelElapsedMs: finite },
  /** Estimated time left; NaN when not known. */
  remainingMs: jsonNumber,
});
export type ForecastRun = v.InferOutput<typeof ForecastRunSchema>;

/** `modelReleased`: the trained forecasters are gone from the worker (Save model is off). */
export const ForecastStateSchema = v.object({
  ...PANEL_STATE_ENTRIES,
  run: droppable(ForecastRunSchema),
  /** The run's result (`result.runId`): while it trains, what is known so far (the series, then each model done); then the finished one. */
  result: droppable(PlotResultSchema),
  /** The workspace's kept runs (runHistory). */
  runs: droppable(RunListSchema),
});
export type ForecastState = v.InferOutput<typeof ForecastStateSchema>;

/** What the reducer applies: the host's messages (a snapshot replaces the state instead) and the panel's Cancel. */
export type ForecastAction = ForecastHostMessage | CancelMessage;
type Of<T extends ForecastAction['type']> = Extract<ForecastAction, { type: T }>;

export function initialForecastState(): ForecastState {
  return { cancelRequested: false };
}

/** Reading or training: Cancel applies. */
export const isRunning = (s: ForecastState): boolean => s.run?.phase === 'reading' || s.run?.phase === 'training';

/** Said after a reload: the worker started afresh, without the forecasters it had trained. */
export const FORECASTERS_RELEASED = 'VS Code reloaded, and the trained forecasters were not kept: run the forecast again to save one.';

/**
 * The state VS Code kept across a reload, checked part by part (a result without its run is
 * dropped); a fresh state if unusable. A run that was reading or training is over, and the
 * forecasters it trained are gone.
 */
export function restoreForecastState(saved: unknown): ForecastState {
  const parsed = v.safeParse(ForecastStateSchema, saved);
  if (!parsed.success) return initialForecastState();
  const state = parsed.output;
  const run = state.run && isRunning(state) ? { ...state.run, phase: 'cancelled' as const, remainingMs: NaN } : state.run;
  const result = state.result && run?.runId === state.result.runId ? state.result : undefined;
  const trained = result?.models.some((m) => m.loadedFrom === undefined);
  return { ...state, run, result, modelReleased: trained ? FORECASTERS_RELEASED : state.modelReleased, cancelRequested: false };
}

function newRun(runId: number, phase: Phase, file: string): ForecastRun {
  return { runId, phase, file, models: [], epochs: 0, loaded: false, curves: [], modelIndex: -1, epoch: 0, modelEpochs: 0, elapsedMs: 0, doneMs: 0, modelElapsedMs: 0, remainingMs: NaN };
}

/** A new run replaces everything of the last one, and fixes what its error or released models reported. */
function withNewRun<S extends ForecastState>(state: S, run: ForecastRun): S {
  return { ...state, run, result: undefined, error: undefined, savedPath: undefined, modelReleased: undefined, cancelRequested: false };
}

/** The curves of a finished run, from its result. */
function resultCurves(models: readonly PlotModel[]): LossPoint[][] {
  return models.map((m) =>
    m.lossEpochs.map((epoch, i) => (m.valLoss.length === m.loss.length ? { epoch, loss: m.loss[i], valLoss: m.valLoss[i] } : { epoch, loss: m.loss[i] })),
  );
}

function reduceProgress<S extends ForecastState>(state: S, m: Of<'forecastProgress'>): S {
  const run = state.run;
  if (!run || run.runId !== m.runId || run.phase !== 'training') return state;
  if (!Number.isInteger(m.modelIndex) || m.modelIndex < 0 || m.modelIndex >= Math.max(1, run.models.length)) return state;
  const before = run.curves[m.modelIndex] ?? [];
  const after = appendPoints(before, m.points, MAX_LOSS_POINTS) as LossPoint[];
  const curves = [...run.curves];
  while (curves.length <= m.modelIndex) curves.push([]);
  curves[m.modelIndex] = after;
  // Late points of an earlier model are kept, but do not move the progress back.
  if (m.modelIndex < run.modelIndex) return { ...state, run: { ...run, curves } };
  // elapsedMs counts from the start of the model's own training (FitEpoch): a later model adds the last one's time.
  const doneMs = m.modelIndex > run.modelIndex && run.modelIndex >= 0 ? run.doneMs + run.modelElapsedMs : run.doneMs;
  // After a model's first seed no loss points come, only the seed's epoch.
  const epoch = m.seed?.epoch ?? (after.length > 0 ? after[after.length - 1].epoch : 0);
  const progress = {
    modelIndex: m.modelIndex,
    epoch,
    modelEpochs: m.epochs,
    ...(m.seed ? { seed: { ...m.seed } } : {}),
    doneMs,
    modelElapsedMs: m.elapsedMs,
    elapsedMs: doneMs + m.elapsedMs,
    remainingMs: m.remainingMs,
  };
  return { ...state, run: { ...run, curves, ...progress } };
}

function reduceFinished<S extends ForecastState>(state: S, m: Of<'forecastFinished'>): S {
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
    ...(m.settings && !current?.settings ? { settings: m.settings } : {}),
  };
  const base = current ? state : withNewRun(state, run);
  return { ...base, run, result, cancelRequested: false };
}

/** Said when a run fails (or is cancelled in the worker) after training some of its models: the worker dropped them with the run. */
export const FAILED_RUN_RELEASED = 'The run stopped before it finished, and the forecasters it trained were not kept: run the forecast again to save one.';

function reduceFailed<S extends ForecastState>(state: S, m: Of<'forecastFailed'>): S {
  const run = state.run;
  if (run?.runId !== m.runId || !isRunning(state)) return state;
  const phase: Phase = m.cancelled ? 'cancelled' : 'failed';
  const trained = state.result?.runId === m.runId && state.result.models.some((x) => x.loadedFrom === undefined);
  return { ...state, run: { ...run, phase, remainingMs: NaN }, modelReleased: trained ? FAILED_RUN_RELEASED : state.modelReleased, cancelRequested: false };
}

/** `S` is the host's ForecastState, or the webview's state that adds its own UI parts (kept as they are). */
export function reduceForecast<S extends ForecastState>(state: S, action: ForecastAction): S {
  switch (action.type) {
    case 'backend':
      return { ...state, backend: action.backend };
    case 'ingestProgress': {
      const { runId, file, bytesRead, totalBytes, rows } = action;
      const run = state.run;
      if (run?.runId !== runId) return withNewRun(state, { ...newRun(runId, 'reading', file), reading: { bytesRead, totalBytes, rows } });
      // Late (the run trains already) or older than the progress shown.
      if (run.phase !== 'reading' || (run.reading && (bytesRead < run.reading.bytesRead || rows < run.reading.rows))) return state;
      return { ...state, run: { ...run, file, reading: { bytesRead, totalBytes, rows } } };
    }
    case 'forecastProbe': {
      const { runId, probe, probes, what } = action;
      const run = state.run;
      if (run?.runId !== runId || run.phase !== 'reading') return state;
      return { ...state, run: { ...run, probing: { probe, probes, what } } };
    }
    case 'forecastStarted': {
      const { runId, ingest, split, models, epochs, loaded, settings } = action;
      const info = { ingest, split, models, epochs, loaded, settings, file: ingest.file, phase: 'training' as const };
      const run = state.run;
      if (run?.runId === runId && run.phase === 'reading') return { ...state, run: { ...run, ...info, reading: undefined, probing: undefined, curves: [] } };
      return withNewRun(state, { ...newRun(runId, 'training', ingest.file), ...info });
    }
    case 'forecastProgress':
      return reduceProgress(state, action);
    case 'forecastSeries':
    case 'forecastModelDone':
      // Only the training run's, and never over a finished result.
      return state.run?.runId === action.runId && state.run.phase === 'training' ? { ...state, result: action.result } : state;
    case 'forecastFinished':
      return reduceFinished(state, action);
    case 'modelSaved':
      return { ...state, savedPath: action.path };
    case 'runHistory': {
      const { type: _type, ...runs } = action;
      return { ...state, runs };
    }
    case 'modelReleased':
      return { ...state, modelReleased: action.reason };
    case 'forecastFailed':
      return reduceFailed(state, action);
    case 'error':
      // Shown only: an error of another request (an export, a kept run refused) leaves a run training.
      return { ...state, error: { message: action.message, seq: (state.error?.seq ?? 0) + 1 } };
    case 'cancel':
      return isRunning(state) ? { ...state, cancelRequested: true } : state;
  }
}
