/**
 * What a training run may take, checked by both jobs' settings validators before anything
 * is allocated: at most MAX_WEIGHTS weights (what trains, and initialises, in reasonable
 * time and memory) and at most MEMORY_BUDGET bytes at the peak of a training step (the wasm
 * backend's memory ends at 4 GB, and fragments; native backends get the same bound, so a
 * setting means the same everywhere). A run over either is refused with a message naming
 * the settings to lower.
 */
import { netWeights, trainingBytes, type NetShape } from '../training/memoryEstimate';
import { UserError } from '../userError';

/** Bytes a training step may take at its peak. */
const MEMORY_BUDGET = 2e9;
/** Weights a model may have. */
const MAX_WEIGHTS = 10_000_000;

/** A setting the message names, with its value: `--batch (4096)`. */
export interface NamedSetting {
  name: string;
  value: number;
}

/** One model a run trains, and the settings that size it. */
export interface RunPlan {
  /** The model in words: 'the LSTM 2×64', 'the character model (LSTM, 2 layers of 512)'. */
  model: string;
  shape: NetShape;
  /** Windows or sequences per training batch. */
  batch: number;
  /** The settings that make its activations (batch, window or sequence length, units, layers), the first named as the field. */
  activations: readonly NamedSetting[];
  /** The settings that make its weights (units, layers); empty for a model of fixed size (its activations' are named then). */
  weights: readonly NamedSetting[];
}

/** "1.5 GB", "26 GB". */
const gigabytes = (bytes: number) => `${Number((bytes / 1e9).toPrecision(2))} GB`;
/** "12.6 million". */
const millions = (count: number) => `${Number((count / 1e6).toPrecision(3))} million`;

/** "a (2), b (3) or c (4)": the settings that can be lowered (above 1), all of them if none can. */
function either(settings: readonly NamedSetting[]): string {
  const lowerable = settings.filter(({ value }) => value > 1);
  const named = (lowerable.length > 0 ? lowerable : settings).map(({ name, value }) => `${name} (${value})`);
  return named.length < 2 ? named.join('') : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/** Throws a UserError when `plan` has more than MAX_WEIGHTS weights (what can be known before the data is read: see textRunPlan). */
export function checkWeightBounds(plan: RunPlan): void {
  const weights = netWeights(plan.shape);
  if (weights > MAX_WEIGHTS) {
    const sizes = plan.weights.length > 0 ? plan.weights : plan.activations;
    throw new UserError(
      `${capitalized(plan.model)} has about ${millions(weights)} weights, more than the ${millions(MAX_WEIGHTS)} that train in reasonable time and memory: lower ${either(sizes)}.`,
      sizes[0]?.name,
    );
  }
}

/** Throws a UserError when `plan` has more than MAX_WEIGHTS weights or needs more than MEMORY_BUDGET to train. */
export function checkRunBounds(plan: RunPlan): void {
  checkWeightBounds(plan);
  const bytes = trainingBytes(plan.shape, plan.batch);
  if (bytes > MEMORY_BUDGET) {
    throw new UserError(
      `Training ${plan.model} on batches of ${plan.batch} × ${plan.shape.steps} steps needs about ${gigabytes(bytes)}, more than the ${gigabytes(MEMORY_BUDGET)} the training engine can use (WebAssembly's memory ends at 4 GB): lower ${either(plan.activations)}.`,
      plan.activations[0]?.name,
    );
  }
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
