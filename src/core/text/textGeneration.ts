import * as tf from '@tensorflow/tfjs';
import { FusedStackWithHead } from '../fused/fusedStackWithHead';
import type { StackState } from '../fused/fusedRecurrentStack';
import { oneHotBatch } from './oneHot';
import { SeededRandom } from '../random';
import { RepetitionGuard } from './repetitionGuard';
import { nextSymbol } from './sampling';
import type { GenerationSettings } from './textSettings';
import type { TrainedTextModel } from './trainedTextModel';

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
 * time, picks the next character from the last logits (sampling.ts: greedy at temperature 0,
 * else softmax(logits / temperature) within top-k and top-p, drawn with the generation seed;
 * with the repetition guard, never a third copy of a word), feeds that, and repeats until the
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
    const guard = generation.repetitionGuard ? new RepetitionGuard(trained.vocabulary) : undefined;
    const symbols = trained.vocabulary.symbols;
    let logits: Float32Array = new Float32Array(size);
    for (const id of ids) {
      ({ logits, state } = feed(model, id, state, size));
      guard?.push(symbols[id]);
    }
    while (ids.length < length) {
      const id = nextSymbol(logits, generation, random, guard?.banned());
      ids.push(id);
      guard?.push(symbols[id]);
      if (ids.length < length) ({ logits, state } = feed(model, id, state, size));
    }
  } finally {
    tf.dispose(state);
    model.dispose();
  }
  return trained.vocabulary.decode(ids);
}
