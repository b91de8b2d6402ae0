import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressBatch } from '../../src/extension/jobs/progressBatch';

test('items go out in batches at most every interval, the final one at once, none lost', () => {
  let now = 1000;
  const sent: number[][] = [];
  const batch = new ProgressBatch<number>((items) => sent.push(items), 100, () => now);
  batch.add(1); // the first goes at once
  now += 30;
  batch.add(2);
  now += 30;
  batch.add(3);
  now += 50;
  batch.add(4); // 110 ms after the first batch
  batch.add(5);
  batch.add(6, true);
  batch.flush(); // nothing left: sends nothing
  assert.deepEqual(sent, [[1], [2, 3, 4], [5, 6]]);
});
