/**
 * The panel's state: a pure reducer over the host's messages and the user's own actions.
 * The whole state is persisted with `vscode.setState`, so a hidden or reloaded panel shows
 * the chart and the text again at once; the host then replays what it buffered, and the
 * reducer is idempotent for that replay:
 *  - `trainingStarted` of the run already shown (same `runId`, same facts) changes nothing,
 *    its points and outcome stay; another `runId` starts a new, empty run;
 *  - `progress` only adds points newer than the last one, and only to the current run
 *    (points that contradict those shown mean the host reused the id: a new run);
 *  - `settings` equal to the last ones keep the user's unsent edits of the form.
 * No DOM here: the module is unit-tested under Node.
 */
import {
  parseHostMessage,
  type BackendStatus,
  type HostMessage,
  type LossPoint,
} from '../../src/protocol';
import type { GenerationSettings, TextTrainingSettings } from '../../src/core/text/textSettings';
import { FIELD_IDS, type FormValues } from './fields';
import { appendPoints, bestPoint } from '../shared/lossHistory';

export const STATE_VERSION = 1;

export type RunStatus = 'training' | 'completed' | 'cancelled';

export interface RunState {
  runId: number;
  source: string;
  epochs: number;
  characters: number;
  vocabularySize: number;
  mode: 'lines' | 'windows';
  sequences: number;
  /** The curve as charted (deduplicated, thinned when long). */
  points: readonly LossPoint[];
  /** The newest point received. */
  latest?: LossPoint;
  /** The lowest loss received. */
  best?: LossPoint;
  elapsedMs: number;
  remainingMs: number;
  status: RunStatus;
  finalLoss?: number;
  epochsRun?: number;
  msPerEpoch?: number;
}

export interface GeneratedState {
  runId: number;
  prompt: string;
  text: string;
  temperature: number;
}

export type ModelState =
  | { origin: 'trained'; runId: number }
  | { origin: 'loaded'; name: string; vocabularySize: number; cell: string };

export interface PanelState {
  version: typeof STATE_VERSION;
  backend?: BackendStatus;
  /** The last settings the host sent. */
  settings?: { training: TextTrainingSettings; generation: GenerationSettings };
  /** The form as the user left it, when it differs from `settings`. */
  draft?: FormValues;
  run?: RunState;
  generated?: GeneratedState;
  model?: ModelState;
  savedPath?: string;
  error?: { message: string; seq: number };
  /** Cancel was clicked; the host has not yet said the run ended. */
  cancelRequested: boolean;
  logScale: boolean;
}

/** What the user does in the panel that changes its state. */
export type UiAction =
  | { type: 'ui/formEdited'; values: FormValues }
  | { type: 'ui/dismissError' }
  | { type: 'ui/cancelRequested' }
  | { type: 'ui/logScale'; on: boolean };

export type Action = HostMessage | UiAction;

export function initialState(): PanelState {
  return { version: STATE_VERSION, cancelRequested: false, logScale: false };
}

export const isTraining = (s: PanelState): boolean => s.run?.status === 'training';
export const hasModel = (s: PanelState): boolean => s.model !== undefined;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function runInfo(run: RunState) {
  const { source, epochs, characters, vocabularySize, mode, sequences } = run;
  return { source, epochs, characters, vocabularySize, mode, sequences };
}

/** True when `incoming` has a loss for an epoch shown with another loss. */
function contradicts(shown: readonly LossPoint[], incoming: readonly LossPoint[]): boolean {
  if (shown.length === 0 || incoming.length === 0 || incoming[0].epoch > shown[shown.length - 1].epoch) return false;
  const losses = new Map(shown.map((p) => [p.epoch, p.loss]));
  return incoming.some((p) => losses.has(p.epoch) && losses.get(p.epoch) !== p.loss);
}

function restart(run: RunState): RunState {
  return { ...runInfo(run), runId: run.runId, points: [], elapsedMs: 0, remainingMs: NaN, status: 'training' };
}

export function reduce(state: PanelState, action: Action): PanelState {
  switch (action.type) {
    case 'backend':
      return sameJson(state.backend, action.backend) ? state : { ...state, backend: action.backend };

    case 'settings': {
      const settings = { training: action.training, generation: action.generation };
      // A replay of the same settings keeps the user's edits; new settings replace them.
      return sameJson(state.settings, settings) ? state : { ...state, settings, draft: undefined };
    }

    case 'trainingStarted': {
      const { runId, source, epochs, characters, vocabularySize, mode, sequences } = action;
      const info = { source, epochs, characters, vocabularySize, mode, sequences };
      if (state.run?.runId === runId && sameJson(runInfo(state.run), info)) {
        return state; // a replay of the run shown
      }
      // A new run (or one whose id the host reused, e.g. after VS Code restarted it).
      return {
        ...state,
        run: { runId, ...info, points: [], elapsedMs: 0, remainingMs: NaN, status: 'training' },
        error: undefined,
        cancelRequested: false,
        savedPath: undefined,
      };
    }

    case 'progress': {
      const current = state.run;
      if (!current || current.runId !== action.runId) return state;
      // Points that contradict the ones shown are a new run under a reused id: start over.
      const run = contradicts(current.points, action.points) ? restart(current) : current;
      const points = appendPoints(run.points, action.points);
      const fresh = action.points.filter((p) => !run.latest || p.epoch > run.latest.epoch);
      const latest = fresh.length > 0 ? fresh[fresh.length - 1] : run.latest;
      const live = run.status === 'training';
      return {
        ...state,
        run: {
          ...run,
          points,
          latest: latest && { epoch: latest.epoch, loss: latest.loss },
          best: bestPoint(run.best, action.points),
          epochs: action.epochs,
          elapsedMs: live ? action.elapsedMs : run.elapsedMs,
          remainingMs: live ? action.remainingMs : run.remainingMs,
        },
      };
    }

    case 'trainingFinished': {
      const run = state.run;
      if (!run || run.runId !== action.runId) return state;
      return {
        ...state,
        run: {
          ...run,
          status: action.outcome,
          finalLoss: action.finalLoss,
          epochsRun: action.epochsRun,
          msPerEpoch: action.msPerEpoch,
          remainingMs: 0,
        },
        model: { origin: 'trained', runId: run.runId },
        cancelRequested: false,
      };
    }

    case 'generated': {
      const { runId, prompt, text, temperature } = action;
      return { ...state, generated: { runId, prompt, text, temperature } };
    }

    case 'modelLoaded':
      return {
        ...state,
        model: { origin: 'loaded', name: action.name, vocabularySize: action.vocabularySize, cell: action.cell },
      };

    case 'modelSaved':
      return { ...state, savedPath: action.path };

    case 'error':
      return { ...state, error: { message: action.message, seq: (state.error?.seq ?? 0) + 1 } };

    case 'ui/formEdited':
      return { ...state, draft: action.values };
    case 'ui/dismissError':
      return { ...state, error: undefined };
    case 'ui/cancelRequested':
      return { ...state, cancelRequested: true };
    case 'modelReleased':
      return state; // not shown by this panel yet
    case 'ingestProgress':
    case 'forecastStarted':
    case 'forecastProgress':
    case 'forecastFinished':
      return state; // the forecast panel's messages
    case 'ui/logScale':
      return { ...state, logScale: action.on };
  }
}

// ---- Restoring a persisted state: every part is checked, a bad part is dropped. ----

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number';
const isStr = (v: unknown): v is string => typeof v === 'string';

function restoreRun(v: unknown): RunState | undefined {
  if (!isObject(v)) return undefined;
  const started = parseHostMessage({ ...v, type: 'trainingStarted' });
  const points = v.points;
  const okPoint = (p: unknown): p is LossPoint => isObject(p) && isNum(p.epoch) && isNum(p.loss);
  if (
    !started ||
    !Array.isArray(points) ||
    !points.every(okPoint) ||
    !isNum(v.elapsedMs) ||
    !(v.status === 'training' || v.status === 'completed' || v.status === 'cancelled')
  ) {
    return undefined;
  }
  const optNum = (x: unknown) => (isNum(x) ? x : undefined);
  const optPoint = (x: unknown) => (okPoint(x) ? { epoch: x.epoch, loss: x.loss } : undefined);
  const s = started as Extract<HostMessage, { type: 'trainingStarted' }>;
  return {
    runId: s.runId,
    source: s.source,
    epochs: s.epochs,
    characters: s.characters,
    vocabularySize: s.vocabularySize,
    mode: s.mode,
    sequences: s.sequences,
    points: points.map((p) => ({ epoch: p.epoch, loss: p.loss })),
    latest: optPoint(v.latest),
    best: optPoint(v.best),
    elapsedMs: v.elapsedMs,
    // JSON turns NaN into null: "not known yet".
    remainingMs: isNum(v.remainingMs) ? v.remainingMs : NaN,
    status: v.status,
    finalLoss: optNum(v.finalLoss),
    epochsRun: optNum(v.epochsRun),
    msPerEpoch: optNum(v.msPerEpoch),
  };
}

function restoreModel(v: unknown): ModelState | undefined {
  if (!isObject(v)) return undefined;
  if (v.origin === 'trained' && isNum(v.runId)) return { origin: 'trained', runId: v.runId };
  if (v.origin === 'loaded' && isStr(v.name) && isNum(v.vocabularySize) && isStr(v.cell)) {
    return { origin: 'loaded', name: v.name, vocabularySize: v.vocabularySize, cell: v.cell };
  }
  return undefined;
}

function restoreDraft(v: unknown): FormValues | undefined {
  if (!isObject(v) || !FIELD_IDS.every((id) => isStr(v[id]))) return undefined;
  return Object.fromEntries(FIELD_IDS.map((id) => [id, v[id]])) as FormValues;
}

/** The state saved by `vscode.setState`, checked part by part; a fresh state if unusable. */
export function restoreState(saved: unknown): PanelState {
  const state = initialState();
  if (!isObject(saved) || saved.version !== STATE_VERSION) return state;
  const backend = parseHostMessage({ type: 'backend', backend: saved.backend });
  if (backend?.type === 'backend') state.backend = backend.backend;
  const settings = isObject(saved.settings) ? parseHostMessage({ ...saved.settings, type: 'settings' }) : undefined;
  if (settings?.type === 'settings') state.settings = { training: settings.training, generation: settings.generation };
  state.draft = restoreDraft(saved.draft);
  state.run = restoreRun(saved.run);
  const generated = isObject(saved.generated) ? parseHostMessage({ ...saved.generated, type: 'generated' }) : undefined;
  if (generated?.type === 'generated') {
    const { runId, prompt, text, temperature } = generated;
    state.generated = { runId, prompt, text, temperature };
  }
  state.model = restoreModel(saved.model);
  if (isStr(saved.savedPath)) state.savedPath = saved.savedPath;
  if (isObject(saved.error) && isStr(saved.error.message) && isNum(saved.error.seq)) {
    state.error = { message: saved.error.message, seq: saved.error.seq };
  }
  state.cancelRequested = saved.cancelRequested === true && state.run?.status === 'training';
  state.logScale = saved.logScale === true;
  return state;
}
