/**
 * The forecast panel's Runs card in headless Chromium: the kept runs the host lists, Open
 * (posts the run's id only, off while a run trains), the run whose results are shown, two
 * runs compared, and a note for files that could not be read.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import { BACKEND, completedRun, EPOCHS, forecastStarted, keptRun, runHistory } from './forecastMessages';
import { checkedPanels, type Panel } from './harness';

const { open } = checkedPanels({ page: 'forecast', width: 1280 });

function cells(p: Panel, selector: string): Promise<string[][]> {
  return p.page.evaluate(
    (sel: string): string[][] => [...window.document.querySelectorAll(`${sel} tbody tr`)].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
    selector,
  );
}

async function posted<T extends WebviewMessage['type']>(p: Panel, type: T): Promise<Array<Extract<WebviewMessage, { type: T }>>> {
  return (await p.posted()).filter((m): m is Extract<WebviewMessage, { type: T }> => m.type === type);
}

describe('the Runs card', () => {
  test('lists the kept runs newest first: when, file, best model, its MAE against the best baseline, key settings; the shown one tagged', async () => {
    const p = await open();
    assert.equal(await p.isHidden('#runs'), true, 'hidden before the host lists runs');
    const runs = [keptRun(5), keptRun(60 * 26, { recipe: 'tutorial', models: ['mlp'], transform: 'level', epochs: 200 })];
    await p.send(...completedRun(7), runHistory(runs, { id: runs[0].id, runId: 7 }));
    assert.equal(await p.isHidden('#runs'), false);
    const rows = await cells(p, '#runs-table');
    assert.equal(rows.length, 2);
    assert.equal(rows[0][0], '5 minutes ago');
    assert.equal(rows[1][0], 'yesterday');
    assert.equal(rows[0][1], 'btc-daily.csv');
    assert.match(rows[0][2], /^MLP 56-32\s+shown$/);
    assert.equal(rows[1][2], 'MLP 56-32', 'not the shown one');
    assert.match(rows[0][3], /^\d/);
    assert.match(rows[0][4], /^−\d+(\.\d)? % MAE$/);
    assert.match((await p.page.getAttribute('#runs-table tbody tr:first-child td:nth-child(5)', 'title')) ?? '', /against the best baseline, Same day last week/);
    assert.equal(rows[0][5], `MLP, LSTM · day · auto recipe · epochs ${EPOCHS}`);
    assert.equal(rows[1][5], 'MLP · day · tutorial recipe · transform level · epochs 200');
    assert.match(await p.text('#runs-note'), /^2 runs kept in \.rnn-studio\/runs\//);
    // A later run's result is not the kept one any more.
    await p.send(...completedRun(8));
    assert.doesNotMatch((await cells(p, '#runs-table'))[0][2], /shown/);
  });

  test('Open posts the run id only; it is off while a run trains', async () => {
    const p = await open();
    const runs = [keptRun(1), keptRun(2)];
    await p.send(BACKEND, runHistory(runs));
    await p.page.click('#runs-table tbody tr:nth-child(2) .run-open');
    await p.page.waitForFunction(() => window.__posted.some((m) => m.type === 'openRun'));
    assert.deepEqual(await posted(p, 'openRun'), [{ type: 'openRun', id: runs[1].id }]);
    await p.send(forecastStarted(3));
    assert.equal(await p.page.locator('#runs-table tbody tr:first-child .run-open').getAttribute('disabled'), '');
    await p.page.click('#runs-table tbody tr:first-child .run-open', { force: true });
    await p.page.waitForTimeout(50);
    assert.equal((await posted(p, 'openRun')).length, 1, 'no second openRun while training');
  });

  test('two ticked runs are compared: the settings that differ, each model and baseline side by side; a third tick replaces the oldest', async () => {
    const p = await open();
    const runs = [
      keptRun(1, { recipe: 'auto', models: ['mlp', 'lstm'], transform: 'auto', epochs: 50 }),
      keptRun(2, { recipe: 'auto', models: ['mlp', 'lstm'], transform: 'diff', epochs: 200 }),
      keptRun(3, { recipe: 'auto', models: ['mlp', 'lstm'], transform: 'auto', epochs: 50 }),
    ];
    await p.send(BACKEND, runHistory(runs));
    assert.equal(await p.isHidden('#runs-compare'), true);
    await p.page.check('#runs-table tbody tr:nth-child(1) .run-compare');
    assert.equal(await p.isHidden('#runs-compare'), true, 'one run is no comparison');
    await p.page.check('#runs-table tbody tr:nth-child(2) .run-compare');
    assert.equal(await p.isHidden('#runs-compare'), false);
    // A: the older (2 minutes ago), B: the newer.
    assert.deepEqual(await cells(p, '#compare-settings'), [
      ['transform', 'diff', 'auto'],
      ['epochs', '200', '50'],
    ]);
    const models = await cells(p, '#compare-models');
    assert.deepEqual(
      models.map((r) => r[0]),
      ['MLP 56-32', 'LSTM 64', 'Last value (persistence)', 'Same day last week (seasonal naive, 7 days)'],
    );
    for (const r of models) {
      assert.equal(r.length, 5);
      assert.equal(r[1], r[3], `${r[0]}: the same fixture result in both runs`);
      assert.match(r[1], /^\d/);
    }
    // A third tick: runs 2 and 3 are compared, and they have the same settings.
    await p.page.check('#runs-table tbody tr:nth-child(3) .run-compare');
    assert.equal(await p.page.isChecked('#runs-table tbody tr:nth-child(1) .run-compare'), false);
    assert.deepEqual(await cells(p, '#compare-settings'), [
      ['transform', 'auto', 'diff'],
      ['epochs', '50', '200'],
    ]);
    await p.page.uncheck('#runs-table tbody tr:nth-child(3) .run-compare');
    assert.equal(await p.isHidden('#runs-compare'), true);
  });

  test('files that could not be read are counted and the first reason named; the list survives a reload', async () => {
    const p = await open();
    await p.send(BACKEND, runHistory([keptRun(1)], undefined, 2));
    assert.match(await p.text('#runs-note'), /2 files in \.rnn-studio\/runs\/ could not be read \(x\.json: not JSON\)/);
    await p.reload();
    assert.equal((await cells(p, '#runs-table')).length, 1);
  });
});
