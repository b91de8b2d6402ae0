/** The TensorFlow.js backends a user can ask for (setting `rnnStudio.backend`, CLI `--backend`). */
export type BackendChoice = 'auto' | 'wasm' | 'cpu' | 'tensorflow' | 'tensorflow-gpu';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'wasm', 'cpu', 'tensorflow', 'tensorflow-gpu'];

/** Which backend trains, and why it is not the requested one (if not). */
export interface BackendStatus {
  /** Backend in use: 'wasm' | 'cpu' | 'tensorflow' | 'tensorflow-gpu'. */
  name: string;
  /** What was asked for. */
  requested: BackendChoice;
  /** Set when the requested backend could not load: why, and what runs instead. */
  fallbackReason?: string;
}
