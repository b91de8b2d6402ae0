import * as tf from '@tensorflow/tfjs';
import { fixedBatchMatMul } from './batchMatMul';
import { fixedFusedMatMul } from './fusedMatMul';
import { fixedSlice } from './slice';
import { fixedSplitV } from './splitV';
import { fixedUnpack } from './unpack';

/** Marks a kernel config as ours, across module copies (each bundle has its own). */
const FIXED = Symbol.for('rnn-studio.wasmKernelFix');
type MarkedConfig = tf.KernelConfig & { [FIXED]?: true };

/** Replaces the 'wasm' kernel `name` by `fix(original)`, unless it is already replaced. */
function replace(name: string, fix: (original: tf.KernelConfig) => tf.KernelConfig): void {
  const current = tf.getKernel(name, 'wasm') as MarkedConfig | undefined;
  if (!current) throw new Error(`The wasm backend has no '${name}' kernel to fix.`);
  if (current[FIXED]) return;
  const fixed: MarkedConfig = { ...fix(current), [FIXED]: true };
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel(fixed);
}

/**
 * Re-registers five tfjs-backend-wasm 4.22 kernels with faster, numerically identical
 * versions: Slice / Unpack / SplitV copy only the slice, BatchMatMul / _FusedMatMul reach
 * XNNPACK for transposed and batched operands. Only while 'wasm' is the active backend
 * (its kernels are set up then); other backends are left alone. Idempotent.
 * @returns whether the fixes are in place.
 */
export function installWasmKernelFixes(): boolean {
  if (tf.getBackend() !== 'wasm') return false;
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) throw new Error("The wasm backend has no 'Transpose' kernel.");
  replace('Slice', fixedSlice);
  replace('Unpack', fixedUnpack);
  replace('SplitV', fixedSplitV);
  replace('BatchMatMul', (original) => fixedBatchMatMul(original, transpose.kernelFunc));
  replace('_FusedMatMul', (original) => fixedFusedMatMul(original, transpose.kernelFunc));
  return true;
}
