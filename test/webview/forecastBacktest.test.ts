/**
 * The forecast panel's backtest table and interval band in headless Chromium: mean ± std per
 * model and baseline, the measured coverage in the note, the legend and tooltip of the band,
 * and no table (and no band) when the result has none.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BACKEND, completedRun, forecastFinished, forecastResult, forecastStarted } from './forecastMessages';
import { checkedPanels } from './harness';

const { open } = checkedPanels({ page: 'forecast', width: 1280 });

describe('backtest and intervals', () => {
  test('the backtest table shows mean ± std per model and baseline, the note the measured coverage', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    assert.equal(await p.isHidden('#backtest'), false);
    const cells = await p.page.evaluate((): string[][] =>
      [...window.document.querySelectorAll('#backtest-table tbody tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
    );
    assert.deepEqual(cells, [
      ['MLP 56-32', '61.2 ± 12.24', '142.5 ± 28.5'],
      ['LSTM 64', '240.8 ± 48.16', '311.9 ± 62.38'],
      ['Last value (persistence)baseline', '88.4 ± 17.68', '170.3 ± 34.06'],
      ['Same day last week (seasonal naive, 7 days)baseline', '128.4 ± 25.68', '230.3 ± 46.06'],
    ]);
    const title = await p.page.locator('#backtest-table tbody tr').first().locator('td').first().getAttribute('title');
    assert.equal(title, 'Over the origins: 42.84 – 79.56');
    assert.equal(
      await p.text('#backtest-note'),
      "5 origins on the held-out part, each forecasting 1 and 30 days from the true history, without retraining. MAE as mean ± std over the origins. Measured coverage of the forecast's intervals: 80 %: 83 %, 95 %: 96 %.",
    );
  });

  test('the band is the intervals: its label names the coverage, the tooltip both ranges', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    const texts = await p.page.evaluate((): string[] => [...window.document.querySelectorAll('#series-chart svg .mark-text.role-mark > text')].map((t) => t.textContent ?? ''));
    assert.ok(texts.includes('80 % / 95 % interval (coverage measured on the backtest: 83 % / 96 %)'), texts.join(' | '));
    // The band widens with the horizon: the 95 % area spans more at the end than at the start (sqrt(30) vs 1).
    const result = forecastResult();
    const i95 = result.intervals?.levels[1];
    assert.ok(i95 && i95.upper[29] - i95.lower[29] > 5 * (i95.upper[0] - i95.lower[0]));
    const svg = p.page.locator('#series-chart svg');
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    assert.ok(box);
    // The plot's right end is the last forecast step.
    await p.page.mouse.move(box.x + box.width - 30, box.y + box.height * 0.5, { steps: 2 });
    await p.page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5000 });
    assert.match(await p.text('#vg-tooltip-element'), /80 % \/ 95 % interval \(coverage measured on the backtest: 83 % \/ 96 %\)80 %: [\d,.]+ – [\d,.]+; 95 %: [\d,.]+ – [\d,.]+/);
  });

  test('without a backtest and intervals: no table, no band', async () => {
    const p = await open();
    const result = { ...forecastResult(), backtest: null, intervals: null };
    await p.send(BACKEND, forecastStarted(1, result), forecastFinished(1, result));
    assert.equal(await p.isHidden('#backtest'), true);
    const areas = await p.page.evaluate((): number => window.document.querySelectorAll('#series-chart svg .mark-area.role-mark > path').length);
    assert.equal(areas, 0);
    assert.match(await p.text('#band-note'), /no band \(no origins to calibrate an interval on\)/);
  });
});
