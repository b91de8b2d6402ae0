import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { installWasmKernelFixes } from '../../src/core/wasmKernels/install';
import { useBackend } from './support/backends';

/**
 * Which path the fixed kernels take inside tfjs-backend-wasm, watched from outside: a spy
 * registered before the fixes sees every call the fixes make to the original kernel. (A
 * file of its own: the fixes are installed once per process.)
 */
describe('wasm kernel fixes take the fast paths', () => {
  const productCalls: Array<{ a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }> = [];
  let heapReads = 0;

  before(async () => {
    await useBackend('wasm');
    for (const name of ['BatchMatMul', '_FusedMatMul']) {
      const original = tf.getKernel(name, 'wasm');
      tf.unregisterKernel(name, 'wasm');
      tf.registerKernel({
        ...original,
        kernelFunc: (args) => {
          const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
          productCalls.push({ a: (args.inputs.a as tf.TensorInfo).shape, b: (args.inputs.b as tf.TensorInfo).shape, transposeA, transposeB });
          return original.kernelFunc(args);
        },
      });
    }
    const backend = tf.backend() as unknown as { readSync: (...args: unknown[]) => unknown };
    const readSync = backend.readSync.bind(backend);
    backend.readSync = (...args: unknown[]) => {
      heapReads++;
      return readSync(...args);
    };
    installWasmKernelFixes();
  });

  it('multiplies only non-transposed operands with a batch of 1', () => {
    productCalls.length = 0;
    tf.tidy(() => {
      tf.matMul(tf.ones([4, 3]), tf.ones([2, 3]), false, true);
      tf.matMul(tf.ones([3, 4]), tf.ones([3, 2]), true, false);
      tf.matMul(tf.ones([5, 4, 3]), tf.ones([3, 2]));
      tf.matMul(tf.ones([2, 4, 3]), tf.ones([2, 2, 3]), false, true);
      tf.fused.matMul({ a: tf.ones([3, 4]), b: tf.ones([2, 3]), transposeA: true, transposeB: true, bias: tf.ones([2]), activation: 'relu' });
    });
    assert.ok(productCalls.length >= 5);
    for (const call of productCalls) {
      assert.deepEqual([call.transposeA, call.transposeB, call.a[0], call.b[0]], [false, false, 1, 1], JSON.stringify(call));
    }
  });

  it('slices, unstacks and splits without reading the input out of the heap', () => {
    heapReads = 0;
    tf.tidy(() => {
      const x = tf.ones([8, 6, 4]);
      tf.slice(x, [1, 2, 0], [3, 2, 4]);
      tf.unstack(x, 1);
      tf.split(x, [1, 3], 2);
    });
    assert.equal(heapReads, 0);
  });
});
