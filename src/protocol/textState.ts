/**
 * The text panel's state as the host knows it, and the pure reducer over the host's messages.
 * Both sides run it: the host keeps the state of its panel and sends it whole as a `snapshot`
 * when the webview (re)loads; the webview applies the same messages live. The schema checks a
 * snapshot on receipt and the state VS Code hands back after a reload (a bad part is dropped).
 */
import * as v from 'valibot';
import { finite, jsonNumber } from '../core/numberSchemas';
import { GenerationSettingsSchema, TextTrainingSettingsSchema } from '../core/text/textSettings';
import { droppable, LossPointSchema, PANEL_STATE_ENTRIES, type CancelMessage, type LossPoint } from './common';
import { appendPoints, bestPoint } from './lossHistory';
import type { TextHostMessage } from './text';

/** What `trainingStarted` says about a run. */
export const RUN_FACTS = {
  runId: finite,
  /** Where the text came from, e.g. 'notes.txt (selection)'. */
  source: v.string(),
  epochs: finite,
  characters: finite,
  vocabularySize: finite,
  /** 'lines': the tutorial's padded sentences; 'windows': sliding windows over prose. */
  mode: v.picklist(['lines', 'windows']),
  sequences: finite,
};

export const SettingsSchema = v.object({
  training: TextTrainingSettingsSchema,
  generation: GenerationSettingsSchema,
  profileReason: v.optional(v.pipe(v.string(), v.maxLength(500))),
});

const RunStateSchema = v.object({
  ...RUN_FACTS,
  /** The curve as charted (deduplicated, thinned when long). */
  points: v.array(LossPointSchema),
  /** The newest point received, and the lowest loss received. */
  latest: v.optional(LossPointSchema),
  best: v.optional(LossPointSchema),
  elapsedMs: finite,
  /** Estimated time left; NaN while not known. */
  remainingMs: jsonNumber,
  /** 'failed': its request failed (the error is the state's `error`). */
  status: v.picklist(['training', 'completed', 'cancelled', 'failed']),
  finalLoss: v.optional(jsonNumber),
  epochsRun: v.optional(finite),
  msPerEpoch: v.optional(jsonNumber),
});
export type RunState = v.InferOutput<typeof RunStateSchema>;

const GeneratedStateSchema = v.object({ runId: finite, prompt: v.string(), text: v.string(), temperature: finite });
export type GeneratedState = v.InferOutput<typeof GeneratedStateSchema>;

/** The model the worker holds for this panel: the one trained in run `runId`, or a loaded one. */
const ModelStateSchema = v.variant('origin', [
  v.object({ origin: v.literal('trained'), runId: finite }),
  v.object({ origin: v.literal('loaded'), name: v.string(), vocabularySize: finite, cell: v.string() }),
]);

/** `modelReleased`: Generate and Save are off until a model is trained or loaded. */
export const TextStateSchema = v.object({
  ...PANEL_STATE_ENTRIES,
  /** The last settings the host sent. */
  settings: droppable(SettingsSchema),
  run: droppable(RunStateSchema),
  generated: droppable(GeneratedStateSchema),
  model: droppable(ModelStateSchema),
});
export type TextState = v.InferOutput<typeof TextStateSchema>;

/** What the reducer applies: the host's messages (a snapshot replaces the state instead) and the panel's Cancel. */
export type TextAction = Exclude<TextHostMessage, { type: 'snapshot' }> | CancelMessage;

export function initialTextState(): TextState {
  return { cancelRequested: false };
}

export const isTraining = (s: TextState): boolean => s.run?.status === 'training';
export const hasModel = (s: TextState): boolean => s.model !== undefined;

/** Said after a reload: the worker started afresh, without the model. */
export const RELOADED = 'VS Code reloaded, and the trained model was not kept: load a saved model or train again.';

/**
 * The state VS Code kept across a reload (what the webview last persisted), checked part by
 * part; a fresh state if unusable. Nothing survives in the worker: a run that was training
 * is over, and a model it held is released.
 */
export function restoreTextState(saved: unknown): TextState {
  const result = v.safeParse(TextStateSchema, saved);
  if (!result.success) return initialTextState();
  const state = result.output;
  const run = state.run?.status === 'training' ? { ...state.run, status: 'cancelled' as const, remainingMs: 0 } : state.run;
  const released = state.model ? RELOADED : state.modelReleased;
  return { ...state, run, model: undefined, modelReleased: released, cancelRequested: false };
}

/** `S` is the host's TextState, or the webview's state that adds its own UI parts (kept as they are). */
export function reduceText<S extends TextState>(state: S, action: TextAction): S {
  switch (action.type) {
    case 'backend':
      return { ...state, backend: action.backend };
    case 'settings':
      return { ...state, settings: { training: action.training, generation: action.generation, ...(action.profileReason ? { profileReason: action.profileReason } : {}) } };
    case 'trainingStarted': {
      const { runId, source, epochs, characters, vocabularySize, mode, sequences } = action;
      const run: RunState = { runId, source, epochs, characters, vocabularySize, mode, sequences, points: [], elapsedMs: 0, remainingMs: NaN, status: 'training' };
      // A run that starts fixes what the last error or a released model reported.
      return { ...state, run, error: undefined, modelReleased: undefined, cancelRequested: false, savedPath: undefined };
    }
    case 'progress':
      return reduceProgress(state, action);
    case 'trainingFinished': {
      const run = state.run;
      if (!run || run.runId !== action.runId) return state;
      const { outcome: status, finalLoss, epochsRun, msPerEpoch } = action;
      // Cancelled before its first epoch: the worker keeps the model it held before (if any).
      const model = epochsRun > 0 ? { origin: 'trained' as const, runId: run.runId } : state.model;
      return { ...state, run: { ...run, status, finalLoss, epochsRun, msPerEpoch, remainingMs: 0 }, model, cancelRequested: false };
    }
    case 'trainingFailed': {
      const run = state.run;
      if (!run || run.runId !== action.runId || run.status !== 'training') return state;
      // The model is the one the worker held before (or none after a restart: modelReleased said so).
      return { ...state, run: { ...run, status: action.cancelled ? 'cancelled' : 'failed', remainingMs: 0 }, cancelRequested: false };
    }
    case 'generated': {
      const { runId, prompt, text, temperature } = action;
      return { ...state, generated: { runId, prompt, text, temperature } };
    }
    case 'modelLoaded': {
      const { name, vocabularySize, cell } = action;
      return { ...state, model: { origin: 'loaded', name, vocabularySize, cell }, modelReleased: undefined };
    }
    case 'modelSaved':
      return { ...state, savedPath: action.path };
    case 'modelReleased':
      return { ...state, model: undefined, modelReleased: action.reason };
    case 'error':
      return { ...state, error: { message: action.message, seq: (state.error?.seq ?? 0) + 1 } };
    case 'cancel':
      return isTraining(state) ? { ...state, cancelRequested: true } : state;
  }
}

function reduceProgress<S extends TextState>(state: S, action: Extract<TextAction, { type: 'progress' }>): S {
  const run = state.run;
  if (!run || run.runId !== action.runId) return state;
  const fresh = action.points.filter((p) => !run.latest || p.epoch > run.latest.epoch);
  const latest: LossPoint | undefined = fresh.length > 0 ? fresh[fresh.length - 1] : run.latest;
  const live = run.status === 'training';
  return {
    ...state,
    run: {
      ...run,
      points: appendPoints(run.points, action.points) as LossPoint[],
      latest: latest && { epoch: latest.epoch, loss: latest.loss },
      best: bestPoint(run.best, action.points),
      epochs: action.epochs,
      elapsedMs: live ? action.elapsedMs : run.elapsedMs,
      remainingMs: live ? action.remainingMs : run.remainingMs,
    },
  };
}
