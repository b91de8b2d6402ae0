/** The forecast panel's pure parts under Node: decimation, the kept result, formats, the reducer and its restore. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { formatBytes, formatChange, formatMase, formatPercent, formatTime, formatValue } from '../../webview/forecast/format';
import { FORECAST_PROTOCOL, type ForecastHostMessage } from '../../src/protocol/forecast';
import { bestPlotBaseline, MAX_PLOT_POINTS, minMaxIndices, plotResult, PlotResultSchema } from '../../src/protocol/forecastPlot';
import { FAILED_RUN_RELEASED, FORECASTERS_RELEASED } from '../../src/protocol/forecastState';
import { PanelSession } from '../../src/protocol/panelSession';
import { formBasis } from '../../webview/forecast/formDraft';
import { initialForecastState, isRunning, reduceForecast, restoreForecastState, type ForecastAction, type ForecastState } from '../../webview/forecast/state';
import {
  BACKEND,
  DAY,
  START,
  completedRun,
  forecastFinished,
  forecastModelDone,
  forecastProgress,
  forecastResult,
  forecastStarted,
  ingestProgress,
  runSettings,
} from './forecastMessages';

const run = (actions: ForecastAction[], from: ForecastState = initialForecastState()) => actions.reduce(reduceForecast, from);
/** What vscode.setState keeps: JSON. */
const roundTrip = (s: object) => JSON.parse(JSON.stringify(s)) as unknown;

describe('decimation', () => {
  test('keeps short lines whole, and the first, last, lowest and highest of long ones', () => {
    assert.deepEqual(minMaxIndices([3, 1, 2], 10), [0, 1, 2]);
    const values = Array.from({ length: 100_000 }, (_, i) => Math.sin(i / 50));
    values[54_321] = 9; // a spike
    values[77_777] = -9;
    const idx = minMaxIndices(values, 1000);
    assert.ok(idx.length <= 1000);
    assert.equal(idx[0], 0);
    assert.equal(idx[idx.length - 1], values.length - 1);
    assert.ok(idx.includes(54_321) && idx.includes(77_777), 'spikes survive');
    assert.deepEqual([...idx].sort((a, b) => a - b), idx, 'in time order');
  });

  test('a million-point result is kept at MAX_PLOT_POINTS, its JSON bounded', () => {
    const result = forecastResult({ points: 1_000_000, test: 60 });
    const kept = plotResult(1, result);
    assert.ok(kept.series.t.length <= MAX_PLOT_POINTS);
    assert.equal(kept.seriesPoints, 1_000_000);
    assert.equal(kept.heldOut.t.length, 60);
    assert.ok(JSON.stringify(kept).length < 200_000, `${JSON.stringify(kept).length} characters`);
  });

  test('a long forecast keeps its interval bounds at its own decimated points; coverage NaN is null; the backtest round-trips', () => {
    const result = forecastResult();
    const horizon = 6000;
    const t = Array.from({ length: horizon }, (_, k) => k);
    const value = t.map((k) => Math.sin(k / 50) * 100 + (k % 97));
    result.models[0].forecast = { t, value };
    result.forecast = { model: 'mlp', t, value };
    const level = (l: number, w: number, coverage: number) => ({ level: l, coverage, halfWidth: t.map(() => w), lower: value.map((x) => x - w), upper: value.map((x) => x + w) });
    result.intervals = { ...(result.intervals as NonNullable<typeof result.intervals>), levels: [level(0.8, 10, NaN), level(0.95, 20, 0.9)] };
    const kept = plotResult(1, result);
    const f = kept.forecast;
    assert.ok(f && f.t.length <= MAX_PLOT_POINTS && kept.band);
    const [i80, i95] = kept.band.levels;
    assert.equal(i95.lower.length, f.t.length);
    f.value.forEach((x, i) => assert.ok(Math.abs(i95.upper[i] - x - 20) < 1e-9 && Math.abs(x - i80.lower[i] - 10) < 1e-9));
    assert.equal(i80.coverage, null);
    assert.equal(i95.coverage, 0.9);
    const parsed = v.parse(PlotResultSchema, JSON.parse(JSON.stringify(kept)));
    assert.deepEqual(parsed.backtest?.rows.map((r) => r.name), ['mlp', 'lstm', 'persistence', 'seasonalNaive']);
    // Intervals of another model than the forecast's are not drawn around it.
    assert.equal(plotResult(1, { ...result, intervals: { ...result.intervals, model: 'lstm' } }).band, null);
  });

  test('NaN metrics are kept as null; the forecast names its model', () => {
    const result = forecastResult();
    result.models[1].metrics.mape = NaN;
    const kept = plotResult(1, result);
    assert.equal(kept.models[1].metrics.mape, null);
    assert.equal(kept.forecast?.model, 'mlp');
    assert.equal(kept.forecast?.modelIndex, 0);
  });

  test('every baseline is kept, persistence first, its predictions thinned with the held-out points; the best one is the reference', () => {
    const result = forecastResult({ points: 20_000, test: 5_000 });
    const kept = plotResult(1, result);
    assert.deepEqual(kept.baselines.map((b) => [b.name, b.label, b.period]), [
      ['persistence', 'Last value (persistence)', 1],
      ['seasonalNaive', 'Same day last week (seasonal naive, 7 days)', 7],
    ]);
    assert.ok(kept.heldOut.t.length < 5_000);
    for (const b of kept.baselines) assert.equal(b.predicted.length, kept.heldOut.t.length);
    assert.ok(v.is(PlotResultSchema, kept));
    assert.equal(v.is(PlotResultSchema, { ...kept, baselines: [] }), false, 'at least the persistence baseline');
    assert.equal(v.is(PlotResultSchema, { ...kept, baselines: [{ ...kept.baselines[0], predicted: [1] }] }), false, 'one prediction per held-out point');
    const small = plotResult(2, forecastResult());
    assert.equal(bestPlotBaseline(small).name, 'seasonalNaive', 'the same day last week beats the last value on a weekly cycle');
    assert.equal(bestPlotBaseline({ baselines: [small.baselines[0], { ...small.baselines[1], metrics: { ...small.baselines[1].metrics, mae: null } }] }).name, 'persistence', 'n/a is never best');
  });
});

describe('formats', () => {
  test('values in the series units, percent, MASE, n/a', () => {
    assert.equal(formatValue(78.449320593), '78.449');
    assert.equal(formatValue(34_512.7), '34,513');
    assert.equal(formatValue(0.0123456), '0.012346');
    assert.equal(formatValue(null), 'n/a');
    assert.equal(formatValue(NaN), 'n/a');
    assert.equal(formatPercent(0.2727), '0.27 %');
    assert.equal(formatPercent(null), 'n/a');
    assert.equal(formatMase(0.43694), '0.437');
    assert.equal(formatMase(NaN), 'n/a');
    assert.equal(formatChange(-0.5769), '−57.7 %');
    assert.equal(formatChange(0.852), '+85.2 %');
    assert.equal(formatBytes(312_000_000), '312 MB');
    assert.equal(formatBytes(1_234_567), '1.23 MB');
  });

  test('times: dates for daily steps, date-times below, rows without a time column', () => {
    assert.equal(formatTime(START + 3 * DAY, 'time'), '2023-01-04');
    assert.equal(formatTime(START + 3_600_000 * 5, 'time', 3_600_000), '2023-01-01 05:00');
    assert.equal(formatTime(41, 'index'), 'row 42');
  });
});

describe('reduceForecast', () => {
  test('a probe of the auto recipe shows while reading and is gone once training starts; another run\'s probe changes nothing', () => {
    const probe = { type: 'forecastProbe', runId: 1, probe: 2, probes: 4, what: 'the level, windows of 14 days' } as const;
    let s = run([BACKEND, ingestProgress(1, 1), probe]);
    assert.deepEqual(s.run?.probing, { probe: 2, probes: 4, what: 'the level, windows of 14 days' });
    assert.equal(reduceForecast(s, { ...probe, runId: 2 }), s);
    s = run([forecastStarted(1)], s);
    assert.equal(s.run?.probing, undefined);
    assert.equal(reduceForecast(s, probe), s, 'a late probe does not come back while training');
  });

  test('reading, then training, then the result', () => {
    let s = run([BACKEND, ingestProgress(1, 0.25), ingestProgress(1, 0.5)]);
    assert.equal(s.run?.phase, 'reading');
    assert.equal(s.run?.reading?.bytesRead, Math.round(1_234_567 * 0.5));
    assert.equal(isRunning(s), true);
    assert.equal(reduceForecast(s, ingestProgress(1, 0.25)), s, 'an older progress changes nothing');
    s = run([forecastStarted(1), forecastProgress(1, 0, 1, 10)], s);
    assert.equal(s.run?.phase, 'training');
    assert.equal(s.run?.reading, undefined);
    assert.equal(s.run?.curves[0].length, 10);
    assert.equal(s.run?.curves[0][9].valLoss, forecastResult().models[0].valLossHistory[9]);
    assert.equal(s.run?.epoch, 10);
    s = run([forecastProgress(1, 1, 1, 5)], s);
    assert.equal(s.run?.modelIndex, 1);
    assert.equal(s.run?.epoch, 5);
    // Each model's elapsed time counts from its own start: the run's is their sum.
    assert.ok(Math.abs((s.run?.elapsedMs ?? 0) - (10 * 41.7 + 5 * 318.4)) < 1e-6, `elapsed ${s.run?.elapsedMs}`);
    const later = s.run?.elapsedMs;
    s = reduceForecast(s, forecastProgress(1, 0, 1, 12));
    assert.equal(s.run?.curves[0].length, 12, 'late points of the first model are kept');
    assert.equal(s.run?.modelIndex, 1, 'but do not move the progress back');
    assert.equal(s.run?.elapsedMs, later);
    s = reduceForecast(s, forecastFinished(1));
    assert.equal(s.run?.phase, 'completed');
    assert.equal(s.result?.runId, 1);
    assert.equal(s.run?.curves[1].length, 38, 'the curves are the result\'s');
    assert.equal(isRunning(s), false);
  });

  test('a new runId starts over', () => {
    const once = run(completedRun(1));
    const next = reduceForecast(once, ingestProgress(2, 0.1));
    assert.equal(next.run?.runId, 2);
    assert.equal(next.result, undefined);
  });

  test('a result without its start message is shown; progress of another run is ignored', () => {
    const s = run([forecastFinished(5)]);
    assert.equal(s.run?.runId, 5);
    assert.equal(s.run?.phase, 'completed');
    assert.deepEqual(s.run?.models, ['mlp', 'lstm']);
    assert.equal(reduceForecast(s, forecastProgress(4, 0, 1, 3)), s);
  });

  test('Cancel, then the host ends the run: cancelled; a failed request: failed', () => {
    let s = run([forecastStarted(1), forecastProgress(1, 0, 1, 3), { type: 'ui/cancelRequested' }]);
    assert.equal(s.cancelRequested, true);
    const cancelled = forecastResult();
    cancelled.cancelled = true;
    s = reduceForecast(s, forecastFinished(1, cancelled));
    assert.equal(s.run?.phase, 'cancelled');
    assert.equal(s.cancelRequested, false);
    const failed = run([forecastStarted(2), { type: 'forecastFailed', runId: 2, cancelled: false }, { type: 'error', message: 'Out of memory' }]);
    assert.equal(failed.run?.phase, 'failed');
    assert.equal(failed.error?.message, 'Out of memory');
    const after = run([{ type: 'error', message: 'Could not write the CSV' }], run(completedRun(3)));
    assert.equal(after.run?.phase, 'completed', 'an error after the run leaves it alone');
  });

  test('3: a failed or cancelled request ends its run, hidden panel or not; an error of another request leaves it training', () => {
    const training = run([forecastStarted(2), forecastProgress(2, 0, 1, 3)]);
    const refused = reduceForecast(training, { type: 'error', message: 'A forecast is running in this panel: wait for it to finish (or cancel it) to show a kept run.' });
    assert.equal(refused.run?.phase, 'training', 'the run goes on in the worker');
    assert.equal(reduceForecast(training, { type: 'forecastFailed', runId: 2, cancelled: false }).run?.phase, 'failed');
    const reading = run([ingestProgress(3, 0.4)]);
    assert.equal(reduceForecast(reading, { type: 'forecastFailed', runId: 3, cancelled: true }).run?.phase, 'cancelled', 'cancelled while reading');
    assert.equal(reduceForecast(reading, { type: 'forecastFailed', runId: 2, cancelled: false }), reading, "another run's end is ignored");
  });

  test('3: a run that fails after training a model does not offer to save it: the worker dropped it', () => {
    const result = forecastResult();
    const s = run([forecastStarted(4, result), forecastModelDone(4, 0, result), { type: 'forecastFailed', runId: 4, cancelled: false }]);
    assert.equal(s.run?.phase, 'failed');
    assert.ok(s.result?.models.length, 'what it trained stays on screen');
    assert.equal(s.modelReleased, FAILED_RUN_RELEASED);
    assert.equal(run([forecastStarted(5), { type: 'forecastFailed', runId: 5, cancelled: false }]).modelReleased, undefined, 'nothing trained, nothing to release');
  });

});

/** The host's side: the same reducer over the messages it posts; `saved`: what VS Code hands back after a reload. */
const host = (messages: ForecastHostMessage[], saved?: unknown) => {
  const session = new PanelSession(FORECAST_PROTOCOL, saved);
  for (const m of messages) session.post(m);
  return session;
};

describe('the snapshot and a VS Code reload', () => {
  test('the snapshot gives the panel the host\'s run, keeping the panel\'s log scale', () => {
    const live = run([...completedRun(1), { type: 'modelSaved', path: '/m/mlp' }]);
    const s = reduceForecast(run([{ type: 'ui/logScale', on: true }]), host([...completedRun(1), { type: 'modelSaved', path: '/m/mlp' }]).snapshot());
    assert.deepEqual(roundTrip({ ...s, logScale: false }), roundTrip(live));
    assert.equal(s.logScale, true);
  });

  test('a finished run round-trips through the persisted state; its trained forecasters are released', () => {
    const s = run([...completedRun(1), { type: 'modelSaved', path: '/m/mlp' }, { type: 'ui/logScale', on: true }]);
    const restored = host([], roundTrip(s)).state;
    assert.deepEqual(roundTrip(restored.result ?? {}), roundTrip(s.result ?? {}));
    assert.deepEqual(roundTrip(restored.run ?? {}), roundTrip(s.run ?? {}));
    assert.equal(restored.modelReleased, FORECASTERS_RELEASED);
    assert.equal(restoreForecastState(roundTrip(s)).logScale, true, 'the panel restores its UI part');
    assert.equal(run([ingestProgress(2, 0.1)], { ...initialForecastState(), ...restored }).modelReleased, undefined, 'a new run clears it');
  });

  test('a run that was training is over; its unknown remaining time (NaN, stored as null) survives JSON', () => {
    const s = run([forecastStarted(1)]);
    assert.ok(Number.isNaN(s.run?.remainingMs));
    const restored = host([], roundTrip(s)).state;
    assert.equal(restored.run?.phase, 'cancelled');
    assert.equal(isRunning({ ...initialForecastState(), ...restored }), false);
  });

  test('anything unusable gives a fresh state or drops the bad part', () => {
    assert.deepEqual(host([], undefined).state, { cancelRequested: false });
    assert.deepEqual(host([], 'x').state, { cancelRequested: false });
    const saved = roundTrip(run(completedRun(1))) as { result: { series: { t: unknown[] } }; run: unknown };
    saved.result.series.t.push('x');
    const restored = host([], saved).state;
    assert.equal(restored.result, undefined, 'a bad result is dropped');
    assert.equal(restored.run?.runId, 1, 'the run stays');
    const noRun = host([], { ...(roundTrip(run(completedRun(1))) as object), run: { runId: 'x' } }).state;
    assert.equal(noRun.run, undefined);
    assert.equal(noRun.result, undefined, 'a result without its run is dropped');
  });
});

describe("the form's draft (webview UI part)", () => {
  const values = { models: ['gru'], epochs: '5', window: 'wide' };
  const drafted = (s: ForecastState) => reduceForecast(s, { type: 'ui/formDraft', draft: { basis: formBasis(s), values } });

  test('is persisted and restored with the UI part; a malformed draft is dropped, the rest kept', () => {
    const s = drafted(run([...completedRun(1), { type: 'ui/logScale', on: true }]));
    const restored = restoreForecastState(roundTrip(s));
    assert.deepEqual(restored.draft, { basis: formBasis(s), values });
    assert.equal(restored.run, undefined, "the host's part comes in its snapshot");
    const bad = restoreForecastState({ ...(roundTrip(s) as object), draft: { basis: 3, values } });
    assert.equal(bad.draft, undefined);
    assert.equal(bad.logScale, true);
    assert.equal(host([], roundTrip(s)).state.run?.runId, 1, 'the host ignores it');
  });

  test('waits for the snapshot, and is kept when the snapshot shows the run it was typed over', () => {
    const s = drafted(run(completedRun(1)));
    const restored = run([{ type: 'ui/logScale', on: true }], restoreForecastState(roundTrip(s)));
    assert.ok(restored.draft, 'no run yet: the draft is not stale');
    const shown = reduceForecast(restored, host(completedRun(1)).snapshot());
    assert.deepEqual(shown.draft?.values, values);
  });

  test("is dropped when another run is shown: a new run, a reopened kept run, another run's snapshot", () => {
    const s = drafted(run(completedRun(1)));
    assert.equal(run([ingestProgress(2, 0.1)], s).draft, undefined);
    assert.equal(run([{ ...forecastFinished(3), settings: runSettings() }], s).draft, undefined);
    assert.equal(reduceForecast(restoreForecastState(roundTrip(s)), host(completedRun(4)).snapshot()).draft, undefined);
    assert.ok(run([{ type: 'modelSaved', path: '/m' }], s).draft, "the same run's messages keep it");
  });
});
