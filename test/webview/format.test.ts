import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, formatLoss, formatMsPerEpoch, formatTemperature, plural } from '../../webview/shared/format';

test('durations', () => {
  assert.equal(formatDuration(850), '850 ms');
  assert.equal(formatDuration(2000), '2.0 s');
  assert.equal(formatDuration(12_400), '12 s');
  assert.equal(formatDuration(125_000), '2 min 05 s');
  assert.equal(formatDuration(3_720_000), '1 h 02 min');
  assert.equal(formatDuration(NaN), '—');
  assert.equal(formatDuration(-1), '—');
});

test('losses, times per epoch, counts, temperatures', () => {
  assert.equal(formatLoss(2.302585), '2.3026');
  assert.equal(formatLoss(0.000123), '1.23e-4');
  assert.equal(formatLoss(0), '0.0000');
  assert.equal(formatMsPerEpoch(3.14159), '3.14 ms');
  assert.equal(formatMsPerEpoch(18.25), '18.3 ms');
  assert.equal(formatMsPerEpoch(1234.5), '1,235 ms');
  assert.equal(plural(1, 'epoch'), '1 epoch');
  assert.equal(plural(12000, 'epoch'), '12,000 epochs');
  assert.equal(formatTemperature(0), '0 (greedy)');
  assert.equal(formatTemperature(0.7), '0.7');
});
