/**
 * The forecast panel in headless Chromium, served with its real CSP: what it shows for the
 * host's messages (ingest progress, live loss, the finished result's charts and tables), what
 * it posts back (cancel, exports, save), its persisted state, and that nothing violates the
 * CSP or logs an error (checked after every test).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { VscodeProgressBar } from '@vscode-elements/elements/dist/vscode-progress-bar/vscode-progress-bar.js';
import { leaderboard } from '../../src/core/forecast/leaderboard';
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import {
  BACKEND,
  completedRun,
  forecastFinished,
  forecastProgress,
  forecastResult,
  forecastStarted,
  ingestProgress,
} from './forecastMessages';
import { checkedPanels, type Panel } from './harness';

const { open, harness } = checkedPanels({ page: 'forecast', width: 1280 });

/** Items of the chart's own marks of `type` ('line', 'area', 'rect', 'rule', 'symbol', 'text'; not its axes' or legend's). */
function marks(p: Panel, chart: string, type: string): Promise<number> {
  return p.page.evaluate(
    ({ chart, type }: { chart: string; type: string }): number =>
      window.document.querySelectorAll(['path', 'line', 'text'].map((el) => `#${chart} svg .mark-${type}.role-mark > ${el}`).join(', ')).length,
    { chart, type },
  );
}

function embedCounts(p: Panel): Promise<Record<string, number>> {
  return p.page.evaluate((): Record<string, number> => {
    if (!window.rnnStudio?.embedCounts) throw new Error('the panel exposes no window.rnnStudio.embedCounts');
    return window.rnnStudio.embedCounts();
  });
}

function state(p: Panel): Promise<unknown> {
  return p.page.evaluate((): unknown => {
    if (!window.rnnStudio) throw new Error('the panel exposes no window.rnnStudio');
    return JSON.parse(JSON.stringify(window.rnnStudio.state())) as unknown;
  });
}

/** Waits until the panel has posted a message of `type`, and returns those it posted. */
async function postedOf<T extends WebviewMessage['type']>(p: Panel, type: T): Promise<Array<Extract<WebviewMessage, { type: T }>>> {
  await p.page.waitForFunction((t: string) => window.__posted.some((m) => m.type === t), type);
  return (await p.posted()).filter((m): m is Extract<WebviewMessage, { type: T }> => m.type === type);
}

/** The text of each cell of a table's body rows. */
function tableCells(p: Panel, id: string): Promise<string[][]> {
  return p.page.evaluate(
    (tableId: string): string[][] =>
      [...window.document.querySelectorAll(`#${tableId} tbody tr`)].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
    id,
  );
}

function rowInfo(p: Panel, id: string): Promise<Array<{ model: string; className: string; rank?: string }>> {
  return p.page.evaluate(
    (tableId: string): Array<{ model: string; className: string; rank?: string }> =>
      [...window.document.querySelectorAll<HTMLTableRowElement>(`#${tableId} tbody tr`)].map((tr) => ({
        model: tr.dataset.model ?? '',
        className: tr.className,
        ...(tr.dataset.rank ? { rank: tr.dataset.rank } : {}),
      })),
    id,
  );
}

describe('startup', () => {
  test("posts 'ready' once, after loading its own bundle and styles under the strict CSP", async () => {
    const p = await open();
    assert.deepEqual(await p.posted(), [{ type: 'ready' }]);
    for (const asset of ['/dist/forecastWebview.js', '/media/panel.css', '/media/forecast.css', '/dist/codicons/codicon.css']) {
      assert.ok(harness().server.requests.includes(asset), `${asset} requested`);
    }
    const { csp, scriptNonce, title } = await p.page.evaluate((): { csp: string; scriptNonce: string | undefined; title: string | null } => {
      const meta = window.document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
      const script = window.document.querySelector<HTMLScriptElement>('script[src$="forecastWebview.js"]');
      const heading = window.document.getElementById('title');
      if (!meta) throw new Error('no CSP <meta>');
      if (!script) throw new Error('no forecastWebview.js <script>');
      if (!heading) throw new Error('no #title');
      return { csp: meta.content, scriptNonce: script.nonce, title: heading.textContent };
    });
    assert.match(csp, /^default-src 'none'; /);
    assert.doesNotMatch(csp, /unsafe-/);
    assert.ok(scriptNonce && csp.includes(`'nonce-${scriptNonce}'`));
    assert.equal(title, 'RNN Studio — Forecast');
    assert.equal(await p.text('#run-state'), 'Idle');
    assert.equal(await p.isDisabled('#cancel'), true);
    for (const id of ['#results', '#result-grid', '#leaderboard', '#metrics', '#warnings', '#ingest-progress', '#ingest-summary']) {
      assert.equal(await p.isHidden(id), true, `${id} hidden before a run`);
    }
  });
});

describe('reading and training', () => {
  test('ingest progress shows bytes, rows and a bar; Cancel posts cancel, then the run ends as cancelled', async () => {
    const p = await open();
    await p.send(BACKEND, ingestProgress(1, 0.1, 312_000_000), ingestProgress(1, 0.4, 312_000_000));
    assert.equal(await p.isHidden('#ingest-progress'), false);
    assert.equal(await p.text('#ingest-text'), 'Reading btc-daily.csv: 125 MB of 312 MB (40 %)');
    assert.equal(await p.text('#ingest-rows'), '165 rows read');
    const ingestValue = await p.page.evaluate((): number | undefined => {
      const bar = window.document.querySelector<VscodeProgressBar>('#ingest-bar');
      if (!bar) throw new Error('no #ingest-bar');
      return bar.value;
    });
    assert.equal(ingestValue, 0.4);
    assert.equal(await p.text('#source'), 'btc-daily.csv (reading…)');
    assert.equal(await p.text('#run-state'), 'Reading the CSV…');
    assert.equal(await p.isDisabled('#cancel'), false);
    await p.send({ type: 'forecastProbe', runId: 1, probe: 3, probes: 4, what: 'the change from the last changes, windows of 14 days' });
    assert.equal(await p.text('#ingest-text'), 'Choosing what the model sees (on the validation part): 3 of 4, the change from the last changes, windows of 14 days');
    assert.equal(await p.text('#run-state'), 'Choosing the transform and window…');
    await p.page.click('#cancel');
    assert.deepEqual(await postedOf(p, 'cancel'), [{ type: 'cancel' }]);
    assert.equal(await p.text('#run-state'), 'Cancelling…');
    assert.equal(await p.isDisabled('#cancel'), true);
    await p.send({ type: 'forecastFailed', runId: 1, cancelled: true });
    assert.equal(await p.text('#run-state'), 'Cancelled');
    await p.send({ type: 'error', message: 'Reading btc-daily.csv was cancelled.' });
    assert.equal(await p.isHidden('#error'), false);
  });

  test('live loss and validation loss are appended without re-embedding; epoch x / y of model i / n', async () => {
    const p = await open();
    const result = forecastResult();
    await p.send(BACKEND, ingestProgress(1, 1), forecastStarted(1, result));
    assert.equal(await p.isHidden('#ingest-progress'), true);
    assert.equal(await p.text('#epoch'), 'Epoch 0 / 50 · model 1 / 2 (MLP)');
    assert.equal(await p.text('#source'), 'btc-daily.csv · column Close · time: Timestamp (unix seconds) · daily mean');
    assert.equal(await p.isHidden('#ingest-summary'), false);
    assert.equal(await p.text('#rows-read'), '412');
    assert.equal(await p.text('#rows-skipped'), '3');
    assert.equal(await p.text('#duplicates'), '9');
    assert.equal(await p.text('#gaps'), '2');
    assert.equal(await p.text('#points'), '400');
    assert.equal(await p.page.getAttribute('#points-label', 'title'), 'Interval: one row per day', 'why this interval');
    assert.equal(await p.text('#split'), '340 / 60');
    assert.equal(await p.text('#windows'), '60 → 280');
    assert.equal(await p.embedCount(), 1);
    await p.page.evaluate(() => {
      window.__svg = window.document.querySelector('#loss-chart svg');
    });
    for (let epoch = 1; epoch <= 4; epoch++) {
      await p.send(forecastProgress(1, 0, epoch, epoch, result));
      assert.equal(await marks(p, 'loss-chart', 'symbol'), 2 * epoch, 'a loss and a validation loss point per epoch');
    }
    assert.equal(await p.text('#epoch'), 'Epoch 4 / 50 · model 1 / 2 (MLP)');
    await p.send(forecastProgress(1, 0, 5, 50, result), forecastProgress(1, 1, 1, 10, result));
    assert.equal(await marks(p, 'loss-chart', 'symbol'), 2 * 60);
    assert.equal(await marks(p, 'loss-chart', 'line'), 4, 'loss and validation loss of two models');
    assert.equal(await p.text('#epoch'), 'Epoch 10 / 50 · model 2 / 2 (LSTM)');
    // Elapsed: the first model's 50 epochs (41.7 ms each) and the second's 10 (318.4 ms each).
    assert.equal(await p.text('#elapsed'), '5.3 s');
    assert.equal(await p.text('#remaining'), '13 s');
    const seeded = forecastProgress(1, 1, 11, 11, result);
    await p.send({ ...seeded, points: [], seed: { member: 1, members: 3, epoch: 7 } });
    assert.equal(await p.text('#epoch'), 'Epoch 7 / 50 · seed 2 / 3 · model 2 / 2 (LSTM)', 'a later seed says so; the chart keeps the first seed’s curve');
    assert.equal(await marks(p, 'loss-chart', 'symbol'), 2 * 60);
    assert.equal(await p.embedCount(), 1, 'embedded once');
    assert.equal(await p.page.evaluate(() => window.document.querySelector('#loss-chart svg') === window.__svg), true);
    const dashed = await p.page.evaluate(
      (): number =>
        [...window.document.querySelectorAll('#loss-chart svg .mark-line path')].filter((e) => {
          const dash = e.getAttribute('stroke-dasharray');
          return dash !== null && dash !== '1,0';
        }).length,
    );
    assert.equal(dashed, 2, 'validation loss dashed');
    const legend = await p.text('#loss-legend');
    assert.equal(legend, 'MLPLSTMvalidation (dashed)');
    assert.equal(await p.isDisabled('#cancel'), false);
    assert.equal(await p.isHidden('#results'), true, 'no result yet');
    // The log-scale switch re-embeds once, with the same points.
    await p.page.locator('#log-scale').click();
    await p.chartSettled();
    assert.equal(await p.embedCount(), 2);
    assert.equal(await marks(p, 'loss-chart', 'symbol'), 2 * 60);
    const titles = await p.page.evaluate(() =>
      [...window.document.querySelectorAll('#loss-chart svg .role-axis-title text')].map((t) => t.textContent ?? ''),
    );
    assert.deepEqual(titles.sort(), ['Epoch', 'Loss, scaled MSE (log)']);
  });
});

describe('the result', () => {
  test('the series, held-out, forecast and leaderboard charts draw their marks; warnings are shown in full', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    for (const id of ['#results', '#result-grid', '#leaderboard', '#metrics', '#warnings']) assert.equal(await p.isHidden(id), false, `${id} shown`);
    assert.equal(await p.text('#run-state'), 'Completed in 14 s');
    assert.equal(await p.text('#epoch'), '2 models trained · 88 epochs in all');
    assert.equal(await p.isDisabled('#cancel'), true);
    // Series: the actual line and the forecast, its 95 % and 80 % bands, the held-out shading and its rule.
    assert.equal(await marks(p, 'series-chart', 'line'), 2);
    assert.equal(await marks(p, 'series-chart', 'area'), 2);
    assert.equal(await marks(p, 'series-chart', 'rect'), 1);
    assert.ok((await marks(p, 'series-chart', 'rule')) >= 1);
    // Held out: actual, two models, two baselines; the actual line red-ish from the theme.
    assert.equal(await marks(p, 'heldout-chart', 'line'), 5);
    const actualStroke = await p.page.evaluate((): string | null => {
      const line = window.document.querySelector('#heldout-chart svg .mark-line path');
      if (!line) throw new Error('no line in the held-out chart');
      return line.getAttribute('stroke');
    });
    assert.equal(actualStroke, '#f14c4c', "--vscode-charts-red of the dark theme");
    // The seasonal baseline is a line of its own, named in the legend and drawn dashed.
    const legend = await p.page.evaluate(() => [...window.document.querySelectorAll('#heldout-chart svg .role-legend-label text')].map((t) => t.textContent ?? ''));
    assert.deepEqual(legend, ['Actual', 'MLP 56-32', 'LSTM 64', 'Baseline (last value)', 'Baseline (same day last week)']);
    const dashes = await p.page.evaluate(() => [...window.document.querySelectorAll('#heldout-chart svg .mark-line path')].map((path) => path.getAttribute('stroke-dasharray')));
    assert.deepEqual(dashes.slice(3), ['5,4', '2,3'], `stroke dashes: ${dashes.join(' | ')}`);
    const strokes = await p.page.evaluate(() => [...window.document.querySelectorAll('#heldout-chart svg .mark-line path')].map((path) => path.getAttribute('stroke')));
    assert.deepEqual(strokes.slice(3), ['#9d9d9d', '#cccccc80'], 'muted: --vscode-descriptionForeground, --vscode-charts-lines');
    assert.match(await p.text('#heldout-note'), /Baselines: the last true value, and the one 7 days before \(same day last week\)\.$/);
    // Close-up: actual and both models' forecasts, the best one's 95 % and 80 % bands.
    assert.equal(await marks(p, 'forecast-chart', 'line'), 3);
    assert.equal(await marks(p, 'forecast-chart', 'area'), 2);
    // Leaderboard: a bar per model and baseline, the best baseline's value a rule.
    assert.equal(await marks(p, 'leaderboard-chart', 'rect'), 4);
    assert.equal(await marks(p, 'leaderboard-chart', 'rule'), 1);
    assert.equal(await p.text('#split-rule'), 'Held out: the last 60 days (from 2023-12-07)');
    assert.match(await p.text('#band-note'), /^Forecast: 30 days ahead by MLP 56-32 \(lowest held-out MAE\)\. Band: its 80 % \/ 95 % interval \(coverage measured on the backtest: 83 % \/ 96 %\)/);
    const warnings = await p.page.evaluate((): string[] => [...window.document.querySelectorAll('#warnings li')].map((li) => li.textContent ?? ''));
    assert.equal(warnings.length, 4);
    assert.match(warnings[3], /^LSTM 64 does not beat the best baseline, Same day last week \(seasonal naive, 7 days\), on the held-out points \(MAE 343\.2 vs 119\.8\)\.$/);
    assert.equal(await p.text('#warnings-heading'), '4 warnings');
    const box = await p.page.locator('#warnings').boundingBox();
    assert.ok(box && box.height > 60, 'every warning is laid out, none collapsed');
  });

  test('the metrics table: original units, n/a for NaN and null, the worse model flagged, the best values marked', async () => {
    const p = await open();
    const result = forecastResult();
    result.models[1].metrics.mape = NaN;
    (result.models[1].metrics as { mase: number | null }).mase = null;
    await p.send(BACKEND, forecastStarted(1, result), forecastFinished(1, result));
    const cells = await tableCells(p, 'metrics-table');
    assert.deepEqual(cells, [
      ['MLP 56-32forecast', '78.449', '94.783', '0.27 %', '0.437', 'Beats baseline (−34.5 % MAE)', '50 / 50', '41.7 ms'],
      ['LSTM 64', '343.24', '418.07', 'n/a', 'n/a', 'Worse than baseline (+186 % MAE)', '38 / 50 · best 30', '318 ms'],
      ['Last value (persistence)baseline', '185.35', '210.57', '0.64 %', '1.032', '+54.7 % MAE', '—', '—'],
      ['Same day last week (seasonal naive, 7 days)baseline', '119.82', '154.62', '0.42 %', '0.667', 'the reference', '—', '—'],
    ]);
    assert.deepEqual(
      (await rowInfo(p, 'metrics-table')).map((r) => [r.model, r.className]),
      [
        ['mlp', 'is-better'],
        ['lstm', 'is-worse'],
        ['persistence', 'is-baseline'],
        ['seasonalNaive', 'is-baseline'],
      ],
    );
    const flagged = await p.page.evaluate((): { visible: boolean; color: string; icon: boolean } => {
      const flag = window.document.querySelector('#metrics-table tr.is-worse .flag-worse');
      if (!flag) throw new Error('no .flag-worse in the worse row');
      const style = window.getComputedStyle(flag);
      return { visible: flag.getBoundingClientRect().width > 0 && style.visibility === 'visible', color: style.color, icon: Boolean(flag.querySelector('.codicon-warning')) };
    });
    assert.equal(flagged.visible, true);
    assert.equal(flagged.icon, true);
    assert.equal(flagged.color, 'rgb(204, 167, 0)', '--vscode-editorWarning-foreground');
    const best = await p.page.evaluate(() =>
      [...window.document.querySelectorAll<HTMLTableCellElement>('#metrics-table td.is-best')].map((td) => `${td.dataset.metric}=${td.textContent}`),
    );
    assert.deepEqual(best, ['mae=78.449', 'rmse=94.783', 'mape=0.27 %', 'mase=0.437']);
    assert.equal(await p.page.locator('#metrics-table td.is-na').count(), 2);
  });

  test('the leaderboard ranks the models and both baselines, best first, and compares with the best baseline', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    assert.deepEqual(await rowInfo(p, 'leaderboard-table'), [
      { model: 'mlp', className: 'is-better', rank: '1' },
      { model: 'seasonalNaive', className: 'is-baseline', rank: '2' },
      { model: 'persistence', className: 'is-baseline', rank: '3' },
      { model: 'lstm', className: 'is-worse', rank: '4' },
    ]);
    const cells = await tableCells(p, 'leaderboard-table');
    assert.deepEqual(cells, [
      ['1', 'MLP 56-32', '0.437', '78.449', '−34.5 % MAE'],
      ['2', 'Same day last week (seasonal naive, 7 days)baseline', '0.667', '119.82', 'the reference'],
      ['3', 'Last value (persistence)baseline', '1.032', '185.35', '+54.7 % MAE'],
      ['4', 'LSTM 64', '1.912', '343.24', '+186 % MAE, worse'],
    ]);
    assert.match(await p.text('#leaderboard-note'), /the best baseline \(Same day last week \(seasonal naive, 7 days\)\) a dashed rule/);
    const labels = await p.page.evaluate(() =>
      [...window.document.querySelectorAll('#leaderboard-chart svg .mark-text text')].map((t) => t.textContent ?? ''),
    );
    assert.ok(labels.includes('1.912 ▲ worse'), `bar labels: ${labels.join(' | ')}`);
    assert.ok(labels.includes('baseline'));
  });

  test('ranked by the backtest (5 origins), the leaderboard follows its mean MAE and says so', async () => {
    const p = await open();
    const held = forecastResult();
    const result = { ...held, leaderboard: leaderboard(held.models, held.baselines, held.backtest) };
    await p.send(...completedRun(1, result));
    // The fixture's backtest puts the last value ahead of the seasonal baseline, unlike the held-out split.
    assert.deepEqual(await rowInfo(p, 'leaderboard-table'), [
      { model: 'mlp', className: 'is-better', rank: '1' },
      { model: 'persistence', className: 'is-baseline', rank: '2' },
      { model: 'seasonalNaive', className: 'is-baseline', rank: '3' },
      { model: 'lstm', className: 'is-worse', rank: '4' },
    ]);
    assert.match(await p.text('#leaderboard-note'), /^Ranked by the backtest's mean MAE over 5 origins \(30 steps each\)/);
    assert.match(await p.text('#band-note'), /by MLP 56-32 \(lowest backtest MAE\)/);
  });

  test('Export CSV, SVG and PNG, and Save model post their messages', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    await p.clearPosted();
    await p.page.click('#export-csv');
    assert.deepEqual(await postedOf(p, 'exportForecastCsv'), [{ type: 'exportForecastCsv' }]);
    await p.page.click('#export-svg');
    const [svg] = await postedOf(p, 'exportChart');
    assert.equal(svg.chart, 'series');
    assert.equal(svg.format, 'svg');
    assert.match(svg.data, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.data.includes('Held out: the last 60 days'), 'the split rule is in the exported chart');
    await p.clearPosted();
    await p.page.click('#export-png');
    const [png] = await postedOf(p, 'exportChart');
    assert.equal(png.format, 'png');
    assert.match(png.data, /^data:image\/png;base64,[A-Za-z0-9+/]{2000,}/);
    await p.page.click('#save-model');
    assert.deepEqual(await postedOf(p, 'saveModel'), [{ type: 'saveModel' }]);
    await p.send({ type: 'modelSaved', path: '/work/.rnn-studio/models/btc-mlp' });
    assert.equal(await p.text('#saved-path'), 'Model saved to /work/.rnn-studio/models/btc-mlp');
  });

  test('the series chart has a tooltip; a plain wheel scrolls the panel, Ctrl + wheel zooms the time axis only', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    const svg = p.page.locator('#series-chart svg');
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    assert.ok(box);
    /** The labels of the series chart's x or y axis. */
    const axisLabels = (axis: 'X' | 'Y') =>
      p.page.evaluate(
        (a: string): string =>
          [...window.document.querySelectorAll(`#series-chart svg g.role-axis[aria-label^="${a}-axis"] .role-axis-label text`)].map((t) => t.textContent ?? '').join(' '),
        axis,
      );
    const [x, y] = [await axisLabels('X'), await axisLabels('Y')];
    assert.ok(x && y, 'both axes have labels');
    assert.match(await p.text('#results .chart-hint'), /^Ctrl \+ scroll to zoom, drag to pan, double-click to reset/);
    await p.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 2 });
    await p.page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5000 });
    assert.match(await p.text('#vg-tooltip-element'), /Time2023-\d\d-\d\dLineActual \(training\)Close\d/);
    // Whether the chart kept the page from scrolling (a listener on the window sees the event after the chart's).
    await p.page.evaluate(() => window.addEventListener('wheel', (e) => window.document.body.setAttribute('data-wheel-prevented', String(e.defaultPrevented))));
    const prevented = () => p.page.evaluate((): string | null => window.document.body.getAttribute('data-wheel-prevented'));
    await p.page.mouse.wheel(0, -400);
    await p.page.waitForFunction(() => window.document.body.hasAttribute('data-wheel-prevented'));
    assert.equal(await prevented(), 'false', 'a plain wheel is left to the panel (it scrolls)');
    await p.page.waitForTimeout(300);
    assert.equal(await axisLabels('X'), x, 'a plain wheel does not zoom');
    // The plain wheel scrolled the panel: find the chart again.
    await svg.scrollIntoViewIfNeeded();
    const moved = await svg.boundingBox();
    assert.ok(moved);
    await p.page.mouse.move(moved.x + moved.width * 0.5, moved.y + moved.height * 0.5, { steps: 2 });
    await p.page.keyboard.down('Control');
    await p.page.mouse.wheel(0, -400);
    await p.page.keyboard.up('Control');
    await p.page.waitForFunction((old: string) => {
      const now = [...window.document.querySelectorAll('#series-chart svg g.role-axis[aria-label^="X-axis"] .role-axis-label text')].map((t) => t.textContent ?? '').join(' ');
      return now !== old;
    }, x);
    assert.equal(await axisLabels('Y'), y, 'the y axis keeps its fit');
  });

  test('a long series is drawn decimated (lowest and highest per bucket), and the saved state stays small', async () => {
    const p = await open();
    const result = forecastResult({ points: 200_000, test: 60 });
    await p.send(BACKEND, forecastStarted(1, result), forecastFinished(1, result));
    const vertices = await p.page.evaluate((): number => {
      const d = window.document.querySelector('#series-chart svg .mark-line path')?.getAttribute('d');
      if (!d) throw new Error('no drawn line in the series chart');
      return (d.match(/L/g) ?? []).length + 1;
    });
    assert.ok(vertices <= 2000 && vertices > 1000, `${vertices} vertices`);
    assert.match(await p.text('#series-note'), /200,000 points, drawn as 2,000/);
    const saved = JSON.stringify(await p.savedState());
    assert.ok(saved.length < 250_000, `saved state: ${saved.length} characters`);
  });
  test('a saved model applied to a CSV without a time column: rows on the x axis, nothing trained, nothing to save', async () => {
    const p = await open();
    const result = forecastResult();
    result.ingest = { ...result.ingest, timeColumn: null, timeFormat: null, timeKind: 'index', resample: 'none', step: 1 };
    result.series.t = result.series.t.map((_, i) => i);
    result.heldOut.t = result.heldOut.t.map((_, i) => 340 + i);
    result.split.time = 340;
    const [mlp] = result.models;
    mlp.forecast.t = mlp.forecast.t.map((_, k) => 400 + k);
    result.models = [{ ...mlp, loadedFrom: '/models/btc-mlp', epochsRun: 0, lossHistory: [], valLossHistory: [] }];
    result.leaderboard = result.leaderboard.filter((e) => e.name !== 'lstm').map((e, i) => ({ ...e, rank: i + 1 }));
    result.forecast = { ...mlp.forecast, model: 'mlp' };
    await p.send(BACKEND, { ...forecastStarted(1, result), models: ['mlp'], loaded: true }, forecastFinished(1, result));
    assert.equal(await p.text('#epoch'), 'MLP 56-32 applied (no training)');
    assert.equal(await p.text('#loss-empty'), 'A saved model was applied: nothing trained, so there is no loss curve.');
    assert.equal(await p.isHidden('#loss-empty'), false);
    assert.equal(await p.text('#split-rule'), 'Held out: the last 60 points (from row 341)');
    assert.equal(await p.text('#source'), 'btc-daily.csv · column Close · no time column (rows in file order) · not resampled');
    assert.equal(await p.isDisabled('#save-model'), true, 'a loaded model is already saved');
    assert.equal(await p.isDisabled('#export-csv'), false);
    assert.equal(await marks(p, 'series-chart', 'line'), 2);
    const title = await p.page.evaluate(() => [...window.document.querySelectorAll('#series-chart svg .role-axis-title text')].map((t) => t.textContent ?? ''));
    assert.deepEqual(title.sort(), ['Close', 'Row']);
    assert.deepEqual((await tableCells(p, 'metrics-table'))[0].slice(6), ['loaded', '—']);
  });
});

describe('messages, state and theme', () => {
  test('malformed host messages are ignored', async () => {
    const p = await open();
    await p.send(BACKEND, forecastStarted(1));
    const before = await state(p);
    const result = forecastResult();
    const bad: unknown[] = [
      { type: 'forecastFinished', runId: 1, result: { ...result, heldOut: { t: [1], value: [] } } },
      { type: 'forecastFinished', runId: 1, result: { ...result, models: [{ ...result.models[0], predicted: [1, 2] }] } },
      { type: 'forecastProgress', runId: 1, model: 'mlp', modelIndex: 0, points: [{ epoch: 'one', loss: 1 }], epochs: 50, elapsedMs: 1, remainingMs: 1 },
      { type: 'ingestProgress', runId: 1, file: 'x.csv', bytesRead: '10', totalBytes: 100, rows: 1 },
      { type: 'forecastStarted', runId: 2, ingest: { file: 'x.csv' }, split: {}, models: [], epochs: 1, loaded: false },
      { type: 'nope' },
      42,
      null,
      'forecastFinished',
    ];
    await p.send(...bad);
    assert.deepEqual(await state(p), before);
    assert.equal(await p.isHidden('#results'), true);
    assert.equal(await p.text('#run-state'), 'Training…');
  });

  test('a run draws each chart once, one point per epoch', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    assert.deepEqual(await embedCounts(p), { loss: 1, series: 1, heldOut: 1, forecast: 1, leaderboard: 1 });
    assert.equal(await marks(p, 'loss-chart', 'symbol'), 2 * (50 + 38));
  });

  test('a hidden panel shown again shows its charts and tables from the snapshot, each embedded once', async () => {
    const p = await open();
    await p.send(...completedRun(1), { type: 'modelSaved', path: '/m/btc' });
    await p.clearPosted();
    await p.reload();
    await p.chartSettled();
    assert.deepEqual(await p.posted(), [{ type: 'ready' }]);
    assert.equal(await p.isHidden('#results'), false);
    assert.equal(await marks(p, 'series-chart', 'line'), 2);
    assert.equal(await marks(p, 'heldout-chart', 'line'), 5, 'actual, two models, two baselines');
    assert.equal(await marks(p, 'loss-chart', 'symbol'), 2 * 88);
    assert.equal((await tableCells(p, 'metrics-table')).length, 4, 'two models, two baselines');
    assert.equal(await p.text('#saved-path'), 'Model saved to /m/btc');
    assert.equal(await p.page.locator('#warnings li').count(), 4);
    assert.deepEqual(await embedCounts(p), { loss: 1, series: 1, heldOut: 1, forecast: 1, leaderboard: 1 });
    assert.equal(await p.isDisabled('#save-model'), false, 'the host still holds the forecasters');
  });

  test('after a VS Code reload the run is restored, but its forecasters are gone: Save model is off, with a note', async () => {
    const first = await open();
    await first.send(...completedRun(1));
    // VS Code reloads: the worker starts afresh, and the serializer gets what the webview persisted.
    const p = await open({ initialState: await first.savedState() });
    await p.chartSettled();
    assert.equal(await p.isHidden('#results'), false);
    assert.equal(await marks(p, 'series-chart', 'line'), 2);
    assert.equal((await tableCells(p, 'metrics-table')).length, 4, 'two models, two baselines');
    assert.equal(await p.isDisabled('#save-model'), true);
    assert.match(await p.text('#saved-path'), /reloaded.*forecasters were not kept/);
    await p.send(ingestProgress(2, 0.1));
    assert.equal(await p.text('#saved-path'), '', 'a new run clears the note');
  });

  test('3: an error shows until dismissed; the run ends when its request fails, not on an error of another request', async () => {
    const p = await open();
    await p.send(BACKEND, forecastStarted(1), forecastProgress(1, 0, 1, 3));
    await p.send({ type: 'error', message: 'A forecast is running in this panel: wait for it to finish (or cancel it) to show a kept run.' });
    assert.equal(await p.text('#run-state'), 'Training…', 'a kept run refused: the run goes on');
    assert.equal(await p.isDisabled('#cancel'), false);
    await p.send({ type: 'forecastFailed', runId: 1, cancelled: false }, { type: 'error', message: 'The worker ran out of memory.' });
    assert.equal(await p.text('#error-message'), 'The worker ran out of memory.');
    assert.equal(await p.text('#run-state'), 'Failed');
    assert.equal(await p.isDisabled('#cancel'), true);
    await p.page.click('#error-dismiss');
    assert.equal(await p.isHidden('#error'), true);
  });

  test('a theme change re-embeds the charts in the new colours, keeping their data', async () => {
    const p = await open({ theme: 'dark' });
    await p.send(...completedRun(1));
    await p.applyTheme('light');
    assert.deepEqual(await embedCounts(p), { loss: 2, series: 2, heldOut: 2, forecast: 2, leaderboard: 2 });
    const actualStroke = await p.page.evaluate((): string | null => {
      const line = window.document.querySelector('#heldout-chart svg .mark-line path');
      if (!line) throw new Error('no line in the held-out chart');
      return line.getAttribute('stroke');
    });
    assert.equal(actualStroke, '#e51400', '--vscode-charts-red of the light theme');
    assert.equal(await marks(p, 'loss-chart', 'symbol'), 2 * 88);
    assert.equal(await marks(p, 'heldout-chart', 'line'), 5);
  });
});
