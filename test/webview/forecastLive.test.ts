/**
 * The forecast panel's reducer over a run that grows (under Node): the series before any
 * model, then each model as it is done, the settings of the run for the form, their messages
 * checked on receipt, and all of it through the host's snapshot and a reload.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FORECAST_PROTOCOL, parseForecastPanelMessage, parseForecastWebviewMessage, type ForecastHostMessage } from '../../src/protocol/forecast';
import { PanelSession } from '../../src/protocol/panelSession';
import { initialForecastState, isRunning, reduceForecast, type ForecastAction, type ForecastState } from '../../webview/forecast/state';
import { forecastFinished, forecastModelDone, forecastProgress, forecastResult, forecastSeries, forecastStarted, runSettings, SUGGESTION } from './forecastMessages';

const run = (actions: ForecastAction[], from: ForecastState = initialForecastState()) => actions.reduce(reduceForecast, from);
const roundTrip = (s: object) => JSON.parse(JSON.stringify(s)) as unknown;
const host = (messages: ForecastHostMessage[], saved?: unknown) => {
  const session = new PanelSession(FORECAST_PROTOCOL, saved);
  for (const m of messages) session.post(m);
  return session;
};

describe('a run that grows', () => {
  test('the run keeps the settings it runs with, for the form', () => {
    const s = run([forecastStarted(1)]);
    assert.deepEqual(s.run?.settings, runSettings());
    assert.deepEqual(s.run?.settings?.models, ['mlp', 'lstm']);
  });

  test('the series is there before any model: with the baselines, no model, no forecast; the run still trains', () => {
    const s = run([forecastStarted(1), forecastSeries(1)]);
    assert.equal(s.run?.phase, 'training');
    assert.ok(isRunning(s));
    assert.equal(s.result?.runId, 1);
    assert.equal(s.result?.seriesPoints, 400);
    assert.equal(s.result?.models.length, 0);
    assert.equal(s.result?.forecast, null);
    assert.equal(s.result?.leaderboard.length, s.result?.baselines.length);
    assert.ok(s.result?.leaderboard.every((e) => e.baseline), 'only the baselines ranked');
  });

  test('each model joins the leaderboard and metrics as it is done, the MLP before the LSTM trains', () => {
    let s = run([forecastStarted(1), forecastSeries(1), forecastProgress(1, 0, 1, 50)]);
    s = reduceForecast(s, forecastModelDone(1, 0));
    assert.deepEqual(s.result?.models.map((m) => m.name), ['mlp']);
    assert.equal(s.result?.forecast?.model, 'mlp');
    assert.ok(s.result?.leaderboard.some((e) => e.name === 'mlp' && e.beatsBaseline));
    s = run([forecastProgress(1, 1, 1, 20)], s);
    assert.deepEqual(s.result?.models.map((m) => m.name), ['mlp'], 'training the next model keeps the first one shown');
    s = reduceForecast(s, forecastModelDone(1, 1));
    assert.deepEqual(s.result?.models.map((m) => m.name), ['mlp', 'lstm']);
    assert.equal(s.run?.phase, 'training');
    const done = reduceForecast(s, forecastFinished(1));
    assert.equal(done.run?.phase, 'completed');
    assert.equal(done.result?.warnings.length, 4, 'the finished result replaces the partial one');
  });

  test("a model's later seeds move its progress on without adding to its loss curve", () => {
    const first = forecastProgress(1, 0, 1, 50);
    let s = run([forecastStarted(1), forecastSeries(1), { ...first, seed: { member: 0, members: 3, epoch: 50 } }]);
    const curve = s.run?.curves[0].length;
    assert.equal(s.run?.epoch, 50);
    s = reduceForecast(s, { ...first, points: [], elapsedMs: first.elapsedMs + 900, seed: { member: 1, members: 3, epoch: 12 } });
    assert.equal(s.run?.curves[0].length, curve, 'the first seed’s curve only');
    assert.equal(s.run?.epoch, 12);
    assert.deepEqual(s.run?.seed, { member: 1, members: 3, epoch: 12 });
    assert.equal(s.run?.elapsedMs, first.elapsedMs + 900, 'the time counts on over the seeds');
    assert.ok(parseForecastPanelMessage({ ...first, seed: { member: 1, members: 3, epoch: 12 } }), 'the message with its seed is valid');
  });

  test("another run's or a late message changes nothing", () => {
    const s = run([forecastStarted(2), forecastSeries(2)]);
    assert.equal(reduceForecast(s, forecastModelDone(1, 0)), s, 'an older run');
    const done = run([forecastFinished(2)], s);
    assert.equal(reduceForecast(done, forecastModelDone(2, 1)), done, 'after the end');
    assert.equal(run([forecastSeries(3)]).result, undefined, 'before its start');
  });

  test('a suggestion of the finished result is kept', () => {
    const result = { ...forecastResult(), suggestions: [SUGGESTION] };
    const s = run([forecastStarted(1), forecastFinished(1, result)]);
    assert.deepEqual(s.result?.suggestions, [SUGGESTION]);
  });
});

describe('checked on receipt', () => {
  test('the new messages survive JSON and are parsed; a malformed one is dropped', () => {
    for (const m of [forecastSeries(1), forecastModelDone(1, 1), forecastStarted(1)]) {
      assert.deepEqual(roundTrip(parseForecastPanelMessage(roundTrip(m)) ?? {}), roundTrip(m), m.type);
    }
    assert.equal(parseForecastPanelMessage({ ...roundTrip(forecastModelDone(1, 0)) as object, result: { runId: 1 } }), undefined);
    assert.equal(parseForecastPanelMessage({ ...forecastStarted(1), settings: { ...runSettings(), transform: 'cube' } }), undefined);
  });

  test("Run's message carries what the form holds; anything else is not a Run", () => {
    const settings = { models: ['mlp'], transform: 'diff', window: '14', epochs: 5, recipe: 'auto', resample: 'auto', test: '60', horizon: '30' };
    assert.deepEqual(parseForecastWebviewMessage({ type: 'runForecast', settings }), { type: 'runForecast', settings });
    assert.equal(parseForecastWebviewMessage({ type: 'runForecast', settings: { models: 'mlp' } }), undefined);
    assert.equal(parseForecastWebviewMessage({ type: 'runForecast', settings: { window: { x: 1 } } }), undefined);
  });
});

describe('hide and reload', () => {
  const live = [forecastStarted(1), forecastSeries(1), forecastProgress(1, 0, 1, 50), forecastModelDone(1, 0)];

  test("the snapshot hands a reopened panel the series and the models done so far, and the run's settings", () => {
    const s = reduceForecast(initialForecastState(), host(live).snapshot());
    assert.deepEqual(roundTrip(s), roundTrip(run(live)));
    assert.deepEqual(s.result?.models.map((m) => m.name), ['mlp']);
    assert.deepEqual(s.run?.settings, runSettings());
  });

  test('after a reload, the run is over with the models it finished (released), its settings kept', () => {
    const restored = host([], roundTrip(run(live))).state;
    assert.equal(restored.run?.phase, 'cancelled');
    assert.deepEqual(restored.result?.models.map((m) => m.name), ['mlp']);
    assert.deepEqual(restored.run?.settings, runSettings());
    assert.ok(restored.modelReleased);
  });
});
