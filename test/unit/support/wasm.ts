import assert from 'node:assert/strict';
import { defaultWasmDir, initBackend } from '../../../src/core/backend';

/** The tutorial's three sentences, one per line. */
export const TUTORIAL_TEXT = 'hi how are you\ngood i am fine\nhave a nice day';

/** Starts the wasm backend (the one the extension and CLI use by default) and checks it runs. */
export async function useWasm(): Promise<void> {
  const status = await initBackend('wasm', defaultWasmDir(__dirname));
  assert.equal(status.name, 'wasm', status.fallbackReason);
}
