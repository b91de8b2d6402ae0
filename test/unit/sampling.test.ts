import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRandom } from '../../src/core/random';
import { RepetitionGuard } from '../../src/core/text/repetitionGuard';
import { nextSymbol, type SamplingOptions } from '../../src/core/text/sampling';
import { Vocabulary } from '../../src/core/text/vocabulary';

/** Logits whose softmax at temperature 1 is `probabilities`. */
const logitsOf = (probabilities: number[]) => Float32Array.from(probabilities, Math.log);
const PROBABILITIES = [0.05, 0.5, 0.3, 0.15];
const options = (o: Partial<SamplingOptions>): SamplingOptions => ({ temperature: 1, topK: 0, topP: 1, ...o });

/** How often each index is drawn in `n` draws. */
function drawCounts(o: SamplingOptions, n = 4000, banned?: ReadonlySet<number>): number[] {
  const random = new SeededRandom(7);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) counts[nextSymbol(logitsOf(PROBABILITIES), o, random, banned)]++;
  return counts;
}

test('temperature 0 is the argmax; a banned argmax gives the next most likely', () => {
  const random = new SeededRandom(1);
  assert.equal(nextSymbol(logitsOf(PROBABILITIES), options({ temperature: 0 }), random), 1);
  assert.equal(nextSymbol(logitsOf(PROBABILITIES), options({ temperature: 0 }), random, new Set([1])), 2);
  assert.equal(nextSymbol(logitsOf(PROBABILITIES), options({ temperature: 0 }), random, new Set([0, 1, 2, 3])), 1, 'all banned: the ban is ignored');
});

test('plain sampling draws each symbol about as often as its probability', () => {
  const counts = drawCounts(options({}));
  counts.forEach((count, i) => assert.ok(Math.abs(count / 4000 - PROBABILITIES[i]) < 0.03, `index ${i}: ${count / 4000} vs ${PROBABILITIES[i]}`));
});

test('top-k keeps only the k most likely, renormalised', () => {
  const counts = drawCounts(options({ topK: 2 }));
  assert.equal(counts[0], 0);
  assert.equal(counts[3], 0);
  assert.ok(Math.abs(counts[1] / 4000 - 0.5 / 0.8) < 0.03, `${counts[1] / 4000}`);
});

test('top-p keeps the fewest most likely whose mass reaches p', () => {
  // 0.5 + 0.3 = 0.8 >= 0.75: indices 1 and 2 only.
  const counts = drawCounts(options({ topP: 0.75 }));
  assert.deepEqual([counts[0], counts[3]], [0, 0]);
  assert.ok(counts[2] > 0);
  // A tiny p keeps the most likely symbol alone.
  assert.deepEqual(drawCounts(options({ topP: 0.01 }), 100), [0, 100, 0, 0]);
});

test('sampling never draws a banned symbol, and a seed gives the same draws', () => {
  assert.equal(drawCounts(options({}), 2000, new Set([1]))[1], 0);
  assert.deepEqual(drawCounts(options({ topK: 3 }), 500), drawCounts(options({ topK: 3 }), 500));
});

test('the repetition guard bans the word enders only while the word would be a third copy', () => {
  const vocabulary = Vocabulary.fromText('The the then.');
  const guard = new RepetitionGuard(vocabulary);
  const enders = new Set(['.', ' '].map((s) => vocabulary.indexOf(s)));
  const feed = (text: string) => Array.from(text).forEach((symbol) => guard.push(symbol));
  feed('The the th');
  assert.equal(guard.banned().size, 0, '"th" is not yet a copy');
  feed('e');
  assert.deepEqual(guard.banned(), enders, 'ending "the" now would make "The the the"');
  feed('n');
  assert.equal(guard.banned().size, 0, '"then" may end');
  feed(' the the');
  assert.equal(guard.banned().size, 0, 'then the the: only two copies');
});
