import * as tf from '@tensorflow/tfjs';
import { oneHotBatch } from './oneHot';
import { SeededRandom } from './random';
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

/** Logits [V] of the character that follows `context` (symbol indices, at least one). */
function nextLogits(trained: TrainedTextModel, context: readonly number[]): Float32Array {
  const size = trained.vocabulary.size;
  return tf.tidy(() => {
    const inputs = oneHotBatch(Int32Array.from(context), context.length, [0], size);
    const logits = trained.model.predict(inputs) as tf.Tensor3D;
    return logits.slice([0, context.length - 1, 0], [1, 1, size]).dataSync() as Float32Array;
  });
}

/**
 * The seed's `sample()`: feeds the text so far (in 'windows' mode only its last `steps`
 * characters, the context the model was trained on), takes the last step's logits, picks the
 * argmax (temperature 0) or samples softmax(logits / temperature) with the generation seed,
 * appends it, and repeats until the text — prompt included — is `generation.length`
 * characters long. In 'lines' mode the length is capped at the padded line length the model
 * learned (the seed: 15). A prompt at least that long comes back unchanged; an empty prompt
 * starts from the training text's first character. Throws a UserError naming the prompt's
 * characters the model never saw.
 */
export function generateText(trained: TrainedTextModel, generation: GenerationSettings): string {
  const ids = trained.vocabulary.encode(generation.prompt || trained.firstSymbol);
  const length = trained.mode === 'lines' ? Math.min(generation.length, trained.steps + 1) : generation.length;
  const random = new SeededRandom(generation.seed);
  while (ids.length < length) {
    const context = trained.mode === 'windows' ? ids.slice(-trained.steps) : ids;
    const logits = nextLogits(trained, context);
    ids.push(generation.temperature === 0 ? argmax(logits) : sample(logits, generation.temperature, random));
  }
  return trained.vocabulary.decode(ids);
}
