import * as tf from '@tensorflow/tfjs';

/** Shapes [m, k, n] of the products the workloads spend their time in. */
const SHAPES: Array<[number, number, number]> = [
  [64, 512, 512],
  [512, 512, 512],
  [64, 256, 1024],
  [4096, 256, 1024],
];

/**
 * The active backend's best measured matMul rate in GFLOP/s over SHAPES (median of 7 runs
 * each after a warm-up): the ceiling the workloads' GFLOP/s are read against.
 */
export function matMulPeak(): number {
  let best = 0;
  for (const [m, k, n] of SHAPES) {
    const [a, b] = [tf.randomNormal([m, k]), tf.randomNormal([k, n])];
    const run = () => {
      const started = performance.now();
      const product = tf.matMul(a, b);
      product.dataSync();
      product.dispose();
      return performance.now() - started;
    };
    run();
    const times = Array.from({ length: 7 }, run).sort((x, y) => x - y);
    best = Math.max(best, (2 * m * k * n) / (times[3] * 1e6));
    tf.dispose([a, b]);
  }
  return best;
}
