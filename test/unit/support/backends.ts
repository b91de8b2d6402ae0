import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';

/** tfjs-backend-wasm's binaries in this checkout (out/test/unit/support -> node_modules). */
const WASM_DIR = path.resolve(__dirname, '../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist');

let wasmPathsSet = false;

/** Makes `name` the active backend; 'wasm' runs single-threaded, as the product does. */
export async function useBackend(name: 'wasm' | 'cpu'): Promise<void> {
  if (name === 'wasm' && !wasmPathsSet) {
    setWasmPaths(`${WASM_DIR}/`);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasmPathsSet = true;
  }
  if (!(await tf.setBackend(name))) throw new Error(`the '${name}' backend did not start`);
  await tf.ready();
}

/** `f`'s result read back as plain numbers on backend `name` (its tensors disposed). */
export async function valuesOn(name: 'wasm' | 'cpu', f: () => tf.Tensor | tf.Tensor[]): Promise<number[][]> {
  await useBackend(name);
  const result = tf.tidy(f);
  const tensors = Array.isArray(result) ? result : [result];
  const values = tensors.map((tensor) => Array.from(tensor.dataSync()));
  tf.dispose(tensors);
  return values;
}
