import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendPoints, bestPoint } from '../../src/protocol/lossHistory';

const pts = (...epochs: number[]) => epochs.map((epoch) => ({ epoch, loss: 1 / epoch }));

test('appends newer epochs only; the same array when nothing is new', () => {
  const a = appendPoints([], pts(1, 2, 3));
  assert.deepEqual(a, pts(1, 2, 3));
  assert.equal(appendPoints(a, pts(2, 3)), a);
  assert.deepEqual(appendPoints(a, pts(3, 4, 4, 5)), pts(1, 2, 3, 4, 5));
});

test('halves the older points past the limit, keeping the first and the newest', () => {
  const many = appendPoints([], pts(...Array.from({ length: 11 }, (_, i) => i + 1)), 10);
  assert.deepEqual(
    many.map((p) => p.epoch),
    [1, 3, 5, 7, 9, 11],
  );
  const more = appendPoints(many, pts(12, 13, 14, 15, 16), 10);
  assert.ok(more.length <= 10);
  assert.equal(more[0].epoch, 1);
  assert.equal(more[more.length - 1].epoch, 16);
});

test('bestPoint keeps the lowest loss', () => {
  assert.deepEqual(bestPoint(undefined, pts(1, 4, 2)), { epoch: 4, loss: 0.25 });
  assert.deepEqual(bestPoint({ epoch: 9, loss: 0.01 }, pts(1, 4)), { epoch: 9, loss: 0.01 });
});
