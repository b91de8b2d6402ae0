import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHostMessage, parseWebviewMessage, type ForecastJobResult } from '../../src/protocol';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';

test('webview messages: well-formed ones pass as they are, malformed ones are dropped', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  const train = { type: 'train', training: { ...DEFAULT_TRAINING }, generation: { ...DEFAULT_GENERATION } };
  assert.deepEqual(parseWebviewMessage(train), train);
  assert.deepEqual(parseWebviewMessage({ type: 'textAction', action: 'copy', text: 'hi' }), { type: 'textAction', action: 'copy', text: 'hi' });
  for (const bad of [
    null,
    'ready',
    { type: 'nope' },
    { type: 'train', training: { ...DEFAULT_TRAINING, cell: 'transformer' }, generation: DEFAULT_GENERATION },
    { type: 'train', training: { ...DEFAULT_TRAINING, epochs: '100' }, generation: DEFAULT_GENERATION },
    { type: 'generate', generation: { ...DEFAULT_GENERATION, temperature: NaN } },
    { type: 'textAction', action: 'delete', text: 'hi' },
    { type: 'exportChart', chart: '../../etc/passwd', format: 'svg', data: '<svg/>' },
    { type: 'exportChart', chart: 'series', format: 'gif', data: '' },
  ]) {
    assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
  }
  // Extra fields never reach the host.
  assert.deepEqual(parseWebviewMessage({ type: 'cancel', evil: true }), { type: 'cancel' });
});

test('host messages: the text panel', () => {
  const progress = { type: 'progress', runId: 1, points: [{ epoch: 1, loss: 2.9 }], epochs: 100, elapsedMs: 5, remainingMs: 500 };
  assert.deepEqual(parseHostMessage(progress), progress);
  assert.equal(parseHostMessage({ ...progress, points: [{ epoch: 1 }] }), undefined);
  assert.equal(parseHostMessage({ type: 'backend', backend: { name: 'wasm', requested: 'quantum' } }), undefined);
  assert.equal(parseHostMessage({ type: 'generated', runId: 1, prompt: 'g', text: 5, temperature: 0 }), undefined);
});

function forecastResult(predicted: Array<number | null>): unknown {
  const metrics = { mae: 1, rmse: 1, mape: null, mase: 1 };
  return {
    ingest: { file: 'p.csv', column: 'Close' },
    series: { t: [0, 1, 2], value: [1, 2, 3] },
    split: { index: 1, time: 1, trainPoints: 1, testPoints: 2, window: 1, windows: 0 },
    heldOut: { t: [1, 2], value: [2, 3] },
    baseline: { name: 'persistence', predicted: [1, 2], metrics },
    models: [{ name: 'mlp', label: 'MLP', lossHistory: [1], valLossHistory: [], predicted, metrics, forecast: { t: [3], value: [4] } }],
    leaderboard: [{ name: 'mlp', label: 'MLP', metrics, rank: 1 }],
    forecast: { t: [3], value: [4], model: 'mlp' },
    warnings: [],
    cancelled: false,
  } satisfies Partial<Record<keyof ForecastJobResult, unknown>>;
}

test('host messages: a forecast result is checked deeply enough to plot; NaN sent as JSON (null) passes', () => {
  assert.ok(parseHostMessage({ type: 'forecastFinished', runId: 1, result: forecastResult([2.5, null]) }));
  assert.equal(parseHostMessage({ type: 'forecastFinished', runId: 1, result: forecastResult([2.5]) }), undefined, 'one prediction per held-out point');
  assert.equal(parseHostMessage({ type: 'forecastFinished', runId: 1, result: forecastResult([2.5, 'x' as never]) }), undefined);
  assert.equal(parseHostMessage({ type: 'forecastFinished', runId: 1, result: { series: [] } }), undefined);
});
