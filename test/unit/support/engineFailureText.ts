/** The text whose training fails as an exhausted wasm memory does in support/failingWorker.ts (a module of its own: the tests import it without starting a worker). */
export const ENGINE_FAILURE_TEXT = 'this text exhausts the memory';
