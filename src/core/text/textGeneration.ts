import * as tf from '@tensorflow/tfjs';
import { FusedStackWithHead } from '../fused/fusedStackWithHead';
import type { StackState } from '../fused/fusedRecurrentStack';
import { oneHotBatch } from './oneHot';
import { SeededRandom } from '../random';
import type { GenerationSettings } from './textSettings';
import type { TrainedTextModel } from './trainedTextModel';

/** Index of the largest value; the first one on ties (as torch.max). */
function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** An index drawn from softmax(logits / temperature), temperature > 0. */
function sample(logits: Float32Array, temperature: number, random: SeededRandom): number {
  let max = -Infinity;
  for (const logit of logits) max = Math.max(max, logit);
  const weights = Array.from(logits, (logit) => Math.exp((logit - max) / temperature));
  let remaining = random.next() * weights.reduce((sum, weight) => sum + weight, 0);
  for (let i = 0; i < weights.length; i++) {
    remaining -= weights[i];
    if (remaining < 0) return i;
  }
  return argmax(logits);
}

/** Feeds one symbol to `model` from `state` (which it disposes): the next logits [V] and state. */
function feed(model: FusedStackWithHead, symbol: number, state: StackState, size: number): { logits: Float32Array; state: StackState } {
  const next = tf.tidy(() => model.step(oneHotBatch(Int32Array.of(symbol), 1, [0], size).reshape([1, size]), state));
  tf.dispose(state);
  const logits = next.output.dataSync() as Float32Array;
  next.output.dispose();
  return { logits, state: next.state };
}

/**
 * The tutorial's `sample()`, stepping the recurrent cells with their carried state instead of
 * feeding the whole text again for every character: feeds the prompt one character at a
 * time, picks the argmax of the last logits (temperature 0) or samples
 * softmax(logits / temperature) with the generation seed, feeds that, and repeats until the
 * text — prompt included — is `generation.length` characters long: the same result as
 * re-running the prefix each time, and in 'windows' mode the state carries on past the
 * training window. In 'lines' mode the length is capped at the padded line length the model
 * learned (the tutorial: 15). A prompt at least that long comes back unchanged; an empty prompt
 * starts from the training text's first character. Throws a UserError naming the prompt's
 * characters the model never saw.
 */
export function generateText(trained: TrainedTextModel, generation: GenerationSettings): string {
  const ids = trained.vocabulary.encode(generation.prompt || trained.firstSymbol);
  const length = trained.mode === 'lines' ? Math.min(generation.length, trained.steps + 1) : generation.length;
  if (ids.length >= length) return trained.vocabulary.decode(ids);
  const random = new SeededRandom(generation.seed);
  const size = trained.vocabulary.size;
  const model = FusedStackWithHead.fromLayersModel(trained.model);
  let state = model.zeroState(1);
  try {
    let logits: Float32Array = new Float32Array(size);
    for (const id of ids) ({ logits, state } = feed(model, id, state, size));
    while (ids.length < length) {
      ids.push(generation.temperature === 0 ? argmax(logits) : sample(logits, generation.temperature, random));
      if (ids.length < length) ({ logits, state } = feed(model, ids[ids.length - 1], state, size));
    }
  } finally {
    tf.dispose(state);
    model.dispose();
  }
  return trained.vocabulary.decode(ids);
}
