import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { parseForecastPanelMessage, parseForecastWebviewMessage } from '../../src/protocol/forecast';
import { parseTextPanelMessage, parseTextWebviewMessage } from '../../src/protocol/text';
import { forecastResult } from '../webview/forecastMessages';

/** What VS Code does to a message: JSON (NaN becomes null). */
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

test('webview messages: well-formed ones pass as they are, malformed ones are dropped', () => {
  assert.deepEqual(parseTextWebviewMessage({ type: 'ready' }), { type: 'ready' });
  const train = { type: 'train', training: { ...DEFAULT_TRAINING }, generation: { ...DEFAULT_GENERATION } };
  assert.deepEqual(parseTextWebviewMessage(train), train);
  assert.deepEqual(parseTextWebviewMessage({ type: 'textAction', action: 'copy', text: 'hi' }), { type: 'textAction', action: 'copy', text: 'hi' });
  assert.deepEqual(parseTextWebviewMessage({ type: 'loadModel' }), { type: 'loadModel' });
  assert.deepEqual(parseForecastWebviewMessage({ type: 'exportChart', chart: 'series', format: 'svg', data: '<svg/>' }), { type: 'exportChart', chart: 'series', format: 'svg', data: '<svg/>' });
  for (const bad of [
    null,
    'ready',
    { type: 'nope' },
    { type: 'train', training: { ...DEFAULT_TRAINING, cell: 'transformer' }, generation: DEFAULT_GENERATION },
    { type: 'train', training: { ...DEFAULT_TRAINING, epochs: '100' }, generation: DEFAULT_GENERATION },
    { type: 'generate', generation: { ...DEFAULT_GENERATION, temperature: NaN } },
    { type: 'textAction', action: 'delete', text: 'hi' },
    { type: 'exportChart', chart: 'series', format: 'svg', data: '<svg/>' },
  ]) {
    assert.equal(parseTextWebviewMessage(bad), undefined, JSON.stringify(bad));
  }
  for (const bad of [
    { type: 'exportChart', chart: '../../etc/passwd', format: 'svg', data: '<svg/>' },
    { type: 'exportChart', chart: 'series', format: 'gif', data: '' },
    { type: 'train', training: DEFAULT_TRAINING, generation: DEFAULT_GENERATION },
    { type: 'loadModel' },
  ]) {
    assert.equal(parseForecastWebviewMessage(bad), undefined, JSON.stringify(bad));
  }
  // Extra fields never reach the host.
  assert.deepEqual(parseTextWebviewMessage({ type: 'cancel', evil: true }), { type: 'cancel' });
});

test('host messages: the text panel', () => {
  const progress = { type: 'progress', runId: 1, points: [{ epoch: 1, loss: 2.9 }], epochs: 100, elapsedMs: 5, remainingMs: 500 };
  assert.deepEqual(parseTextPanelMessage(progress), progress);
  assert.deepEqual(parseTextPanelMessage({ type: 'modelReleased', reason: 'The worker restarted.' }), { type: 'modelReleased', reason: 'The worker restarted.' });
  assert.equal(parseTextPanelMessage({ ...progress, points: [{ epoch: 1 }] }), undefined);
  assert.equal(parseTextPanelMessage({ type: 'backend', backend: { name: 'wasm', requested: 'quantum' } }), undefined);
  assert.equal(parseTextPanelMessage({ type: 'generated', runId: 1, prompt: 'g', text: 5, temperature: 0 }), undefined);
  assert.equal(parseTextPanelMessage({ type: 'modelReleased' }), undefined);
  assert.equal(parseTextPanelMessage({ type: 'forecastStarted', runId: 1 }), undefined, "the forecast panel's messages are not the text panel's");
  // A diverged model's final loss (NaN) arrives as null and is read back as NaN.
  const finished = parseTextPanelMessage(json({ type: 'trainingFinished', runId: 1, outcome: 'completed', finalLoss: NaN, epochsRun: 3, msPerEpoch: 2 }));
  assert.ok(finished?.type === 'trainingFinished' && Number.isNaN(finished.finalLoss));
});

test('3: host messages: the end of a failed run (trainingFailed, forecastFailed) is checked like the others', () => {
  assert.deepEqual(parseTextPanelMessage({ type: 'trainingFailed', runId: 2, cancelled: false }), { type: 'trainingFailed', runId: 2, cancelled: false });
  assert.deepEqual(parseForecastPanelMessage({ type: 'forecastFailed', runId: 3, cancelled: true }), { type: 'forecastFailed', runId: 3, cancelled: true });
  for (const bad of [{ type: 'trainingFailed', runId: 2 }, { type: 'trainingFailed', runId: '2', cancelled: false }, { type: 'forecastFailed', runId: 3, cancelled: false }]) {
    assert.equal(parseTextPanelMessage(bad), undefined, JSON.stringify(bad));
  }
  assert.equal(parseForecastPanelMessage({ type: 'forecastFailed', runId: null, cancelled: true }), undefined);
  assert.equal(parseForecastPanelMessage({ type: 'trainingFailed', runId: 2, cancelled: false }), undefined, "the text panel's message is not the forecast panel's");
});

test('host messages: a snapshot is checked with the panel state schema; a bad part is dropped', () => {
  const snapshot = parseTextPanelMessage({ type: 'snapshot', state: { cancelRequested: false, generated: { runId: 1, prompt: 'g', text: 7 }, savedPath: '/m' } });
  assert.deepEqual(snapshot, { type: 'snapshot', state: { cancelRequested: false, generated: undefined, savedPath: '/m' } });
  assert.equal(parseTextPanelMessage({ type: 'snapshot', state: 3 }), undefined);
});

test('host messages: a forecast result is checked deeply enough to plot; NaN sent as JSON (null) passes', () => {
  const ok = forecastResult();
  ok.models[0].predicted[1] = NaN;
  ok.models[1].metrics.mape = NaN;
  const parsed = parseForecastPanelMessage(json({ type: 'forecastFinished', runId: 1, result: ok }));
  assert.ok(parsed?.type === 'forecastFinished');
  assert.ok(Number.isNaN(parsed.result.models[0].predicted[1]) && Number.isNaN(parsed.result.models[1].metrics.mape), 'null read back as NaN');
  const onePrediction = forecastResult();
  onePrediction.models[0].predicted = [2.5];
  assert.equal(parseForecastPanelMessage(json({ type: 'forecastFinished', runId: 1, result: onePrediction })), undefined, 'one prediction per held-out point');
  const text = forecastResult();
  (text.models[0].predicted as unknown[])[0] = 'x';
  assert.equal(parseForecastPanelMessage({ type: 'forecastFinished', runId: 1, result: text }), undefined);
  assert.equal(parseForecastPanelMessage({ type: 'forecastFinished', runId: 1, result: { series: [] } }), undefined);
  const unequal = forecastResult();
  unequal.heldOut.value.pop();
  assert.equal(parseForecastPanelMessage({ type: 'forecastFinished', runId: 1, result: unequal }), undefined, 't and value of a series are as long');
  assert.equal(parseForecastPanelMessage({ type: 'progress', runId: 1, points: [], epochs: 1, elapsedMs: 0, remainingMs: 0 }), undefined, "the text panel's messages are not the forecast panel's");
});
