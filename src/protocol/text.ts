/**
 * The text panel's messages: one valibot schema per message, the types inferred from them,
 * and the protocol the host's generic panel runs for it (see panelSession.ts). The messages
 * every panel shares (backend, error, modelSaved, modelReleased; ready, cancel, saveModel) are
 * in common.ts.
 */
import * as v from 'valibot';
import { finite, jsonNumber } from '../core/numberSchemas';
import { GenerationSettingsSchema, TextTrainingSettingsSchema } from '../core/text/textSettings';
import { LossPointSchema, type CommonHostMessage, type CommonWebviewMessage } from './common';
import { definePanelProtocol, type Snapshot } from './panelSession';
import { reduceText, restoreTextState, RUN_FACTS, initialTextState, TextStateSchema, type TextState } from './textState';

export type { LossPoint } from './common';

const TEXT_HOST_MESSAGES = [
  /** The settings of the next or current run; `profileReason`: why the profile they came from (textProfiles.ts chooseProfile). */
  v.object({ type: v.literal('settings'), training: TextTrainingSettingsSchema, generation: GenerationSettingsSchema, profileReason: v.optional(v.pipe(v.string(), v.maxLength(500))) }),
  v.object({ type: v.literal('trainingStarted'), ...RUN_FACTS }),
  v.object({
    type: v.literal('progress'),
    runId: finite,
    /** New loss points since the last message, in epoch order. */
    points: v.array(LossPointSchema),
    epochs: finite,
    elapsedMs: finite,
    /** Estimated time left. */
    remainingMs: finite,
  }),
  v.object({
    type: v.literal('trainingFinished'),
    runId: finite,
    outcome: v.picklist(['completed', 'cancelled']),
    /** NaN when the model diverged. */
    finalLoss: jsonNumber,
    epochsRun: finite,
    msPerEpoch: jsonNumber,
  }),
  /**
   * Run `runId` ended without a reply: its request failed (the error follows as `error`, or a
   * notification while the panel is hidden), or was cancelled in the worker. The worker keeps
   * the model it held before, unless it restarted (then `modelReleased` came first).
   */
  v.object({ type: v.literal('trainingFailed'), runId: finite, cancelled: v.boolean() }),
  v.object({ type: v.literal('generated'), runId: finite, prompt: v.string(), text: v.string(), temperature: finite }),
  v.object({ type: v.literal('modelLoaded'), name: v.string(), vocabularySize: finite, cell: v.string() }),
] as const;

/** Host -> text panel: what the text job posts. */
export type TextHostMessage = v.InferOutput<(typeof TEXT_HOST_MESSAGES)[number]> | CommonHostMessage;

/** What the user can do with a generated text. */
const TEXT_ACTIONS = ['insert', 'replace', 'copy', 'openEditor'] as const;
export type TextAction = (typeof TEXT_ACTIONS)[number];

/** Text panel -> host, besides ready (the webview listens: the host sends its snapshot), cancel and saveModel. */
const TEXT_WEBVIEW_MESSAGES = [
  /** Train again on the same text with the form's settings. */
  v.object({ type: v.literal('train'), training: TextTrainingSettingsSchema, generation: GenerationSettingsSchema }),
  /** Generate again from the trained model, without retraining. */
  v.object({ type: v.literal('generate'), generation: GenerationSettingsSchema }),
  v.object({ type: v.literal('textAction'), action: v.picklist(TEXT_ACTIONS), text: v.string() }),
  /** Load a saved model (the panel's Load Model, e.g. after the worker released the trained one). */
  v.object({ type: v.literal('loadModel') }),
] as const;
export type TextWebviewMessage = v.InferOutput<(typeof TEXT_WEBVIEW_MESSAGES)[number]> | CommonWebviewMessage;

const schemas = { host: TEXT_HOST_MESSAGES, webview: TEXT_WEBVIEW_MESSAGES, state: TextStateSchema };

/** What the host's generic panel runs, and how each side reads what it receives (malformed: undefined). */
export const { protocol: TEXT_PROTOCOL, parsePanelMessage: parseTextPanelMessage, parseWebviewMessage: parseTextWebviewMessage } =
  definePanelProtocol({ ...schemas, initialState: initialTextState, restoreState: restoreTextState, reduce: reduceText });
/** Everything the text panel receives: the host's messages and its snapshot. */
export type TextPanelMessage = TextHostMessage | Snapshot<TextState>;
