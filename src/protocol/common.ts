/**
 * What both panels' protocols share: the messages every panel sends or receives (backend,
 * error, saved or released model; ready, cancel, save), the loss point, and how a message is
 * read. Each message has one valibot schema; its type is inferred from it, and both sides
 * validate what they receive with it: a message that does not match is dropped, never
 * half-applied. VS Code sends messages as JSON, so NaN arrives as null (see numberSchemas).
 */
import * as v from 'valibot';
import { BackendStatusSchema } from '../core/backendChoice';
import { finite } from '../core/numberSchemas';

/** One point of a loss curve. */
/** One epoch of a loss curve; valLoss only with a validation part. */
export const LossPointSchema = v.object({ epoch: finite, loss: finite, valLoss: v.optional(finite) });
export type LossPoint = v.InferOutput<typeof LossPointSchema>;

/** The host's last error; `seq` tells a new error from the one the user dismissed. */
const ErrorStateSchema = v.object({ message: v.string(), seq: v.number() });
export type ErrorState = v.InferOutput<typeof ErrorStateSchema>;

/** Host -> webview, the same for every panel. */
const BackendMessageSchema = v.object({ type: v.literal('backend'), backend: BackendStatusSchema });
const ErrorMessageSchema = v.object({ type: v.literal('error'), message: v.string() });
const ModelSavedMessageSchema = v.object({ type: v.literal('modelSaved'), path: v.string() });
/** The worker no longer holds the panel's model (VS Code reloaded, the worker restarted): why. */
const ModelReleasedMessageSchema = v.object({ type: v.literal('modelReleased'), reason: v.string() });
export const COMMON_HOST_MESSAGES = [BackendMessageSchema, ErrorMessageSchema, ModelSavedMessageSchema, ModelReleasedMessageSchema] as const;
export type CommonHostMessage = v.InferOutput<(typeof COMMON_HOST_MESSAGES)[number]>;

/** Webview -> host, the same for every panel. */
const ReadyMessageSchema = v.object({ type: v.literal('ready') });
const CancelMessageSchema = v.object({ type: v.literal('cancel') });
const SaveModelMessageSchema = v.object({ type: v.literal('saveModel') });
export const COMMON_WEBVIEW_MESSAGES = [ReadyMessageSchema, CancelMessageSchema, SaveModelMessageSchema] as const;
export type CommonWebviewMessage = v.InferOutput<(typeof COMMON_WEBVIEW_MESSAGES)[number]>;
export type CancelMessage = v.InferOutput<typeof CancelMessageSchema>;

/** A part of a persisted state that is dropped (undefined) when it does not match, instead of the whole state. */
export function droppable<S extends v.GenericSchema>(schema: S) {
  return v.fallback(v.optional(schema), undefined);
}

/**
 * What every panel's state holds (host side): the backend, where the model was saved, why the
 * worker released it, the last error, and whether Cancel was pressed (until the run ends).
 */
export const PANEL_STATE_ENTRIES = {
  backend: droppable(BackendStatusSchema),
  savedPath: droppable(v.string()),
  /** Why the worker no longer holds the panel's model (what needs it is off until there is one again). */
  modelReleased: droppable(v.string()),
  error: droppable(ErrorStateSchema),
  cancelRequested: v.fallback(v.boolean(), false),
};

/** `data` as `schema`'s output if it matches, else undefined. */
export function parseWith<S extends v.GenericSchema>(schema: S, data: unknown): v.InferOutput<S> | undefined {
  const result = v.safeParse(schema, data);
  return result.success ? result.output : undefined;
}
