/**
 * Whether an error thrown in the worker means its TensorFlow.js engine is unusable: the wasm
 * backend ran out of its memory (4 GB at most) or aborted. Its heap is then corrupt and every
 * later request fails the same way, so the host ends the worker and starts a fresh one.
 */

/** What WebAssembly and Emscripten say when the wasm memory is exhausted or the module aborted. */
const ENGINE_FAILURE = /memory access out of bounds|^Aborted\(|out of memory|Cannot enlarge memory/i;

/** A WebAssembly.RuntimeError (a trap: out-of-bounds access, unreachable) or Emscripten's abort. */
export function isEngineFailure(error: unknown): boolean {
  return error instanceof Error && (error.name === 'RuntimeError' || ENGINE_FAILURE.test(error.message));
}
