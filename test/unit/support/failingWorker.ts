/**
 * The training worker (src/worker/trainingWorker.ts) whose text training fails as the wasm
 * backend does when it runs out of memory — a WebAssembly.RuntimeError "memory access out of
 * bounds" — for a text of ENGINE_FAILURE_TEXT, and works for any other. The tests start it
 * in place of the real worker's script, as the host starts that one.
 */
import * as textTraining from '../../../src/core/text/textTraining';
import '../../../src/worker/trainingWorker';
import { ENGINE_FAILURE_TEXT } from './engineFailureText';

/** The error a trap in a wasm module throws (not in the compiler's WebAssembly types). */
const { RuntimeError } = (globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }).WebAssembly;

// The worker calls the module's export when a request comes, so the replacement is what it calls.
const mutable: { trainTextModel: typeof textTraining.trainTextModel } = textTraining;
const train = mutable.trainTextModel;
mutable.trainTextModel = (text, ...rest) =>
  text === ENGINE_FAILURE_TEXT ? Promise.reject(new RuntimeError('memory access out of bounds')) : train(text, ...rest);
