import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { installWasmKernelFixes } from '../../src/core/wasmKernels/install';
import { useBackend, valuesOn } from './support/backends';
import { TestRandom } from './support/random';

/** Runs `f` on cpu and on wasm (fixed kernels) from the same plain data. */
async function bothBackends(f: () => tf.Tensor | tf.Tensor[]): Promise<{ cpu: number[][]; wasm: number[][] }> {
  return { cpu: await valuesOn('cpu', f), wasm: await valuesOn('wasm', f) };
}

/** Every value within 1e-5 relative (1e-5 absolute near 0): products sum in another order. */
function assertClose(actual: number[][], expected: number[][]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((values, t) => {
    assert.equal(values.length, expected[t].length);
    values.forEach((value, i) => {
      const want = expected[t][i];
      assert.ok(Math.abs(value - want) <= 1e-5 * Math.max(1, Math.abs(want)), `output ${t}[${i}]: ${value} vs ${want}`);
    });
  });
}

describe('wasm kernel fixes', () => {
  const random = new TestRandom(7);

  before(async () => {
    await useBackend('wasm');
    assert.equal(installWasmKernelFixes(), true);
  });

  it('is idempotent and leaves other backends alone', async () => {
    await useBackend('wasm');
    const slice = tf.getKernel('Slice', 'wasm');
    assert.equal(installWasmKernelFixes(), true);
    assert.equal(tf.getKernel('Slice', 'wasm'), slice);
    await useBackend('cpu');
    assert.equal(installWasmKernelFixes(), false);
  });

  it('slices every rank 1-5 and dtype exactly as cpu', async () => {
    for (let trial = 0; trial < 40; trial++) {
      const rank = 1 + (trial % 5);
      const shape = Array.from({ length: rank }, () => random.int(1, 5));
      const begin = shape.map((n) => random.int(0, n - 1));
      const size = shape.map((n, axis) => (random.next() < 0.3 ? -1 : random.int(1, n - begin[axis])));
      const data = random.values(tf.util.sizeFromShape(shape));
      const typed = [(x: tf.Tensor) => x, (x: tf.Tensor) => x.mul(9).cast('int32'), (x: tf.Tensor) => x.greater(0)][trial % 3];
      const { cpu, wasm } = await bothBackends(() => tf.slice(typed(tf.tensor(data, shape)), begin, size));
      assert.deepEqual(wasm, cpu, `slice ${shape.join(',')} at ${begin.join(',')} size ${size.join(',')} (dtype ${trial % 3})`);
    }
  });

  it('unstacks every axis of ranks 1-4 exactly as cpu', async () => {
    for (let rank = 1; rank <= 4; rank++) {
      const shape = Array.from({ length: rank }, () => random.int(1, 4));
      const data = random.values(tf.util.sizeFromShape(shape));
      for (let axis = -rank; axis < rank; axis++) {
        const { cpu, wasm } = await bothBackends(() => tf.unstack(tf.tensor(data, shape), axis));
        assert.deepEqual(wasm, cpu, `unstack ${shape.join(',')} on axis ${axis}`);
      }
    }
  });

  it('splits by count and by sizes exactly as cpu', async () => {
    const shape = [4, 6, 3];
    const data = random.values(tf.util.sizeFromShape(shape));
    const splits: Array<[number | number[], number]> = [[2, 0], [[1, 3, 2], 1], [[2, -1], -1], [3, 1]];
    for (const [sizes, axis] of splits) {
      const { cpu, wasm } = await bothBackends(() => tf.split(tf.tensor(data, shape).cast('int32'), sizes, axis));
      assert.deepEqual(wasm, cpu, `split ${String(sizes)} on axis ${axis}`);
      const floats = await bothBackends(() => tf.split(tf.tensor(data, shape), sizes, axis));
      assert.deepEqual(floats.wasm, floats.cpu);
    }
  });

  it('multiplies transposed, batched and broadcast operands as cpu', async () => {
    const cases: Array<[number[], number[]]> = [[[], []], [[3], [3]], [[3], [1]], [[1], [3]], [[2, 3], [2, 3]], [[2, 2], []]];
    for (const [batchA, batchB] of cases) {
      for (const transposeA of [false, true]) {
        for (const transposeB of [false, true]) {
          const [m, k, n] = [random.int(1, 9), random.int(1, 9), random.int(1, 9)];
          const shapeA = [...batchA, ...(transposeA ? [k, m] : [m, k])];
          const shapeB = [...batchB, ...(transposeB ? [n, k] : [k, n])];
          const dataA = random.values(tf.util.sizeFromShape(shapeA));
          const dataB = random.values(tf.util.sizeFromShape(shapeB));
          const product = () => tf.matMul(tf.tensor(dataA, shapeA), tf.tensor(dataB, shapeB), transposeA, transposeB);
          const { cpu, wasm } = await bothBackends(() => {
            const out = product();
            return [out, tf.tensor(out.shape)];
          });
          assertClose(wasm, cpu);
        }
      }
    }
  });

  it('fuses bias and activations into transposed and batched products as cpu', async () => {
    const activations = ['linear', 'relu', 'sigmoid', 'leakyrelu', 'prelu'] as const;
    for (const batch of [1, 3]) {
      for (const activation of activations) {
        for (const [transposeA, transposeB] of [[false, false], [true, false], [false, true], [true, true]]) {
          const [m, k, n] = [random.int(1, 7), random.int(1, 7), random.int(1, 7)];
          const shapeA = [batch, ...(transposeA ? [k, m] : [m, k])];
          const shapeB = [batch, ...(transposeB ? [n, k] : [k, n])];
          const dataA = random.values(tf.util.sizeFromShape(shapeA));
          const dataB = random.values(tf.util.sizeFromShape(shapeB));
          const bias = random.values(n);
          const alphas = random.values(n);
          const { cpu, wasm } = await bothBackends(() =>
            tf.fused.matMul({
              a: tf.tensor(dataA, shapeA),
              b: tf.tensor(dataB, shapeB),
              transposeA,
              transposeB,
              bias: tf.tensor1d(bias),
              activation,
              ...(activation === 'prelu' ? { preluActivationWeights: tf.tensor1d(alphas) } : {}),
              leakyreluAlpha: 0.3,
            }),
          );
          assertClose(wasm, cpu);
        }
      }
    }
  });

  it('keeps gradients through the fixed kernels equal to cpu', async () => {
    const [x, w] = [random.values(5 * 4 * 3), random.values(3 * 2)];
    const gradients = () => {
      const f = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.matMul(tf.reshape(tf.stack(tf.unstack(a, 1), 0), [20, 3]), b)));
      return tf.grads(f)([tf.tensor(x, [5, 4, 3]), tf.tensor(w, [3, 2])]);
    };
    const { cpu, wasm } = await bothBackends(gradients);
    assertClose(wasm, cpu);
  });
});
