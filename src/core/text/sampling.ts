/**
 * How the next character is chosen from the model's logits [V]: greedy (temperature 0, the
 * tutorial), or drawn from softmax(logits / temperature) restricted to the `topK` most likely
 * symbols and to the nucleus — the fewest most likely symbols whose probabilities add up to
 * at least `topP` (Holtzman et al. 2019) — renormalised. Symbols in `banned` are never chosen
 * while another one is allowed (see repetitionGuard.ts).
 */
import type { SeededRandom } from '../random';

export interface SamplingOptions {
  /** 0 = greedy argmax; > 0 divides the logits before the softmax (below 1: more conservative). */
  temperature: number;
  /** Only the k most likely symbols can be drawn; 0 = no limit. */
  topK: number;
  /** Only the nucleus of probability mass `topP` can be drawn, (0, 1]; 1 = no limit. */
  topP: number;
}

/** Indices of `logits` not in `banned`, most likely first (ties: lower index first). */
function rankedAllowed(logits: Float32Array, banned: ReadonlySet<number>): number[] {
  const allowed: number[] = [];
  for (let i = 0; i < logits.length; i++) if (!banned.has(i)) allowed.push(i);
  return allowed.sort((a, b) => logits[b] - logits[a] || a - b);
}

/**
 * The index to emit next (0..V-1). Greedy takes the most likely allowed symbol; sampling keeps
 * the top-k, then the nucleus, of the allowed symbols, and draws one with `random` (one draw
 * per call, so a seed gives the same text). When every symbol is banned the ban is ignored.
 */
export function nextSymbol(logits: Float32Array, options: SamplingOptions, random: SeededRandom, banned: ReadonlySet<number> = new Set()): number {
  const ranked = rankedAllowed(logits, banned.size < logits.length ? banned : new Set());
  if (options.temperature === 0) return ranked[0];
  const kept = options.topK > 0 ? ranked.slice(0, options.topK) : ranked;
  const top = logits[kept[0]];
  const weights = kept.map((i) => Math.exp((logits[i] - top) / options.temperature));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // The nucleus: the first `nucleus` of `kept`, whose mass reaches topP.
  let nucleus = 0;
  let nucleusTotal = 0;
  while (nucleus < kept.length && (nucleus === 0 || nucleusTotal < options.topP * total)) nucleusTotal += weights[nucleus++];
  let remaining = random.next() * nucleusTotal;
  for (let k = 0; k < nucleus; k++) {
    remaining -= weights[k];
    if (remaining < 0) return kept[k];
  }
  return kept[nucleus - 1];
}
