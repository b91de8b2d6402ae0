import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { defaultWasmDir, initBackend } from '../../src/core/backend';

const wasmDir = defaultWasmDir(__dirname);

test('defaultWasmDir finds the .wasm files in node_modules above a folder without them', () => {
  assert.equal(wasmDir, path.resolve(__dirname, '../../../node_modules/@tensorflow/tfjs-backend-wasm/dist'));
  assert.equal(defaultWasmDir(wasmDir), wasmDir);
});

// tfjs-node is not a dependency: asking for it must fall back to wasm and say why.
test("'tensorflow' without tfjs-node falls back to wasm, saying why", async () => {
  const status = await initBackend('tensorflow', wasmDir);
  assert.equal(status.name, 'wasm');
  assert.equal(tf.getBackend(), 'wasm');
  assert.equal(status.requested, 'tensorflow');
  assert.match(status.fallbackReason ?? '', /^@tensorflow\/tfjs-node could not load \(Cannot find module '@tensorflow\/tfjs-node'\); using wasm instead\.$/);
});

test("'auto' without native bindings runs wasm without a fallback reason", async () => {
  assert.deepEqual(await initBackend('auto', wasmDir), { name: 'wasm', requested: 'auto' });
});

test('wasm without its binaries falls back to cpu, naming the folder', async () => {
  const empty = await mkdtemp(path.join(tmpdir(), 'rnn-studio-nowasm-'));
  try {
    // tfjs-node-gpu is not installed either, so this goes native -> wasm (no binaries) -> cpu.
    const status = await initBackend('tensorflow-gpu', empty);
    assert.equal(status.name, 'cpu');
    assert.equal(tf.getBackend(), 'cpu');
    assert.match(status.fallbackReason ?? '', /tfjs-node-gpu could not load .* wasm failed: tfjs-backend-wasm\.wasm is not in .*rnn-studio-nowasm-.*; using the slower cpu backend\./);
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});
