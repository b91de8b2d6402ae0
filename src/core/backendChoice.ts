import * as v from 'valibot';

/** The TensorFlow.js backends a user can ask for (setting `rnnStudio.backend`, CLI `--backend`). */
export const BACKEND_CHOICES = ['auto', 'wasm', 'cpu', 'tensorflow', 'tensorflow-gpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Which backend trains, and why it is not the requested one (if not). */
export const BackendStatusSchema = v.object({
  /** Backend in use: 'wasm' | 'cpu' | 'tensorflow' | 'tensorflow-gpu'. */
  name: v.string(),
  /** What was asked for. */
  requested: v.picklist(BACKEND_CHOICES),
  /** Set when the requested backend could not load: why, and what runs instead. */
  fallbackReason: v.optional(v.string()),
});
export type BackendStatus = v.InferOutput<typeof BackendStatusSchema>;
