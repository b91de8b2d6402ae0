import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRandom } from '../../src/core/random';

test('the same seed gives the same sequence, another seed another one', () => {
  const draw = (seed: number) => Array.from({ length: 5 }, ((random) => () => random.next())(new SeededRandom(seed)));
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw(7), draw(8));
});

test('next() stays in [0, 1) and nextInt(n) in 0..n-1, reaching every value', () => {
  const random = new SeededRandom(1);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const value = random.next();
    assert.ok(value >= 0 && value < 1);
    seen.add(random.nextInt(5));
  }
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4]);
});

test('shuffle permutes in place and is reproducible', () => {
  const items = Array.from({ length: 20 }, (_, i) => i);
  const shuffled = new SeededRandom(3).shuffle([...items]);
  assert.deepEqual([...shuffled].sort((a, b) => a - b), items);
  assert.notDeepEqual(shuffled, items);
  assert.deepEqual(new SeededRandom(3).shuffle([...items]), shuffled);
});
