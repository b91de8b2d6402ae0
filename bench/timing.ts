import * as tf from '@tensorflow/tfjs';
import { FusedTwin } from './fusedTwin';
import type { Workload } from './workloads';

export type Implementation = 'layers' | 'fused';

/** A measured workload: in its report's unit, and as training GFLOP/s. */
export interface Measurement {
  /** Seconds per epoch ('epoch'), seconds for the run ('run') or characters per second ('chars'). */
  value: number;
  gflops: number;
  /** Batches actually timed. */
  timedBatches: number;
}

/** How many batches to time: every one of an epoch, or a few (`quick`) extrapolated. */
function batchesToTime(workload: Workload, quick: boolean): number {
  if (workload.report === 'run') return workload.epochs;
  if (workload.report === 'chars') return quick ? 3 : 8;
  return quick ? 3 : Math.ceil(workload.batchesPerEpoch);
}

/** The report's value and GFLOP/s of `count` batches (of `characters` each) timed in `seconds`. */
function summarize(workload: Workload, seconds: number, count: number, characters: number): Measurement {
  const perBatch = seconds / count;
  const flops = 3 * workload.forwardFlops;
  if (workload.report === 'run') return { value: seconds, gflops: (flops * workload.epochs) / seconds / 1e9, timedBatches: count };
  if (workload.report === 'chars') return { value: characters / perBatch, gflops: flops / perBatch / 1e9, timedBatches: count };
  const perEpoch = count >= workload.batchesPerEpoch ? seconds : perBatch * workload.batchesPerEpoch;
  return { value: perEpoch, gflops: flops / perEpoch / 1e9, timedBatches: count };
}

/**
 * Trains `workload` with Adam on one implementation, as the product does (one minimize and
 * one loss read per batch), after one warm-up batch: tfjs-layers' own layers, or their
 * fused twin from the same starting weights.
 */
export function measure(workload: Workload, implementation: Implementation, quick: boolean): Measurement {
  const model = workload.model();
  const twin = implementation === 'fused' ? FusedTwin.of(model) : undefined;
  const predict = (x: tf.Tensor3D) => (twin ? twin.predict(x, true) : (model.apply(x, { training: true }) as tf.Tensor));
  const variables = twin ? twin.trainableVariables : model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const optimizer = tf.train.adam(0.001);
  const batches = workload.batches();
  const step = (index: number) => {
    const { x, y } = batches[index % batches.length];
    const loss = optimizer.minimize(() => workload.loss(y, predict(x)), true, variables) as tf.Scalar;
    loss.dataSync();
    loss.dispose();
  };
  try {
    step(0);
    const count = batchesToTime(workload, quick);
    const started = performance.now();
    for (let index = 0; index < count; index++) step(index);
    const seconds = (performance.now() - started) / 1000;
    const [batch, steps] = batches[0].x.shape;
    return summarize(workload, seconds, count, batch * steps);
  } finally {
    optimizer.dispose();
    twin?.dispose();
    model.dispose();
    for (const { x, y } of batches) tf.dispose([x, y]);
  }
}
