import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketAfter, bucketStart, resample } from '../../src/core/forecast/resample';

const at = (iso: string) => Date.parse(iso);

test('buckets are UTC minutes, hours, days, ISO weeks (Monday) and months', () => {
  const t = at('2021-03-31T13:45:30.500Z');
  assert.equal(bucketStart(t, 'none'), t);
  assert.equal(bucketStart(t, 'minute'), at('2021-03-31T13:45:00Z'));
  assert.equal(bucketStart(t, 'hour'), at('2021-03-31T13:00:00Z'));
  assert.equal(bucketStart(t, 'day'), at('2021-03-31T00:00:00Z'));
  assert.equal(bucketStart(t, 'week'), at('2021-03-29T00:00:00Z'), 'the Monday');
  assert.equal(bucketStart(at('2021-03-28T23:59:59Z'), 'week'), at('2021-03-22T00:00:00Z'), 'a Sunday belongs to the week before');
  assert.equal(bucketStart(at('1969-12-31T12:00:00Z'), 'week'), at('1969-12-29T00:00:00Z'), 'before 1970');
  assert.equal(bucketStart(t, 'month'), at('2021-03-01T00:00:00Z'));
  assert.equal(bucketAfter(at('2021-01-01T00:00:00Z'), 'month', 2, 0), at('2021-03-01T00:00:00Z'));
  assert.equal(bucketAfter(at('2021-01-31T00:00:00Z'), 'day', 1, 0), at('2021-02-01T00:00:00Z'));
  assert.equal(bucketAfter(10, 'none', 3, 5), 25);
});

test('mean, last and sum of each bucket; empty buckets left out and counted as gaps', () => {
  const times = Float64Array.from(['2021-01-01T01:00Z', '2021-01-01T02:00Z', '2021-01-02T00:00Z', '2021-01-05T09:00Z', '2021-01-05T10:00Z'].map(at));
  const values = Float64Array.from([1, 3, 10, 4, 8]);
  const mean = resample(times, values, 'day', 'mean');
  assert.deepEqual(Array.from(mean.times), ['2021-01-01', '2021-01-02', '2021-01-05'].map((day) => at(`${day}T00:00Z`)));
  assert.deepEqual(Array.from(mean.values), [2, 10, 6]);
  assert.equal(mean.gaps, 2, 'Jan 3 and 4');
  assert.equal(mean.step, 86_400_000);
  assert.deepEqual(Array.from(resample(times, values, 'day', 'last').values), [3, 10, 8]);
  assert.deepEqual(Array.from(resample(times, values, 'day', 'sum').values), [4, 10, 12]);
  const monthly = resample(Float64Array.from([at('2021-01-15T00:00Z'), at('2021-04-02T00:00Z')]), Float64Array.from([1, 2]), 'month', 'mean');
  assert.equal(monthly.gaps, 2, 'February and March');
});

test("'none' keeps every distinct time, combining duplicates, and finds the typical step", () => {
  const times = Float64Array.from([0, 10, 10, 20, 50, 60]);
  const values = Float64Array.from([1, 2, 4, 5, 6, 7]);
  const kept = resample(times, values, 'none', 'mean');
  assert.deepEqual(Array.from(kept.times), [0, 10, 20, 50, 60]);
  assert.deepEqual(Array.from(kept.values), [1, 3, 5, 6, 7]);
  assert.equal(kept.step, 10);
  assert.equal(kept.gaps, 2, '30 and 40 are missing');
  assert.deepEqual(Array.from(resample(times, values, 'none', 'last').values), [1, 4, 5, 6, 7]);
});
