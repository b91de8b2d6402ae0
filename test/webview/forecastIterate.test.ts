/**
 * The forecast panel as a place to iterate, in headless Chromium: the settings form
 * (prefilled with the run shown, checked as typed, Run posting the settings, off while a run
 * trains), the series plotted before any model is done, each model's results as it finishes,
 * and What to try with its Try it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import { BACKEND, completedRun, forecastModelDone, forecastProgress, forecastResult, forecastSeries, forecastStarted, runSettings, SUGGESTION } from './forecastMessages';
import { checkedPanels, type Panel } from './harness';

const { open } = checkedPanels({ page: 'forecast', width: 1280 });

type RunMessage = Extract<WebviewMessage, { type: 'runForecast' }>;
const runs = async (p: Panel): Promise<RunMessage[]> => (await p.posted()).filter((m): m is RunMessage => m.type === 'runForecast');

const textValue = (p: Panel, id: string) => p.page.locator(`#${id}`).evaluate((el: VscodeTextfield) => el.value);
const selectValue = (p: Panel, id: string) => p.page.locator(`#${id}`).evaluate((el: VscodeSingleSelect) => el.value);
const checked = (p: Panel, id: string) => p.page.locator(`#${id}`).evaluate((el: VscodeCheckbox) => el.checked);
const rows = (p: Panel, table: string) =>
  p.page.evaluate((id: string) => [...window.document.querySelectorAll<HTMLTableRowElement>(`#${id} tbody tr`)].map((tr) => tr.dataset.model ?? ''), table);

describe('the settings form', () => {
  test('before any run, Run is off and says why', async () => {
    const p = await open();
    assert.equal(await p.isDisabled('#run-button'), true);
    assert.match(await p.text('#run-status'), /Forecast a CSV first/);
  });

  test('prefilled with the run shown; Run posts the edited settings, as typed', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    assert.equal(await checked(p, 'run-model-mlp'), true);
    assert.equal(await checked(p, 'run-model-lstm'), true);
    assert.equal(await checked(p, 'run-model-gru'), false);
    assert.equal(await selectValue(p, 'run-recipe'), 'auto');
    assert.equal(await selectValue(p, 'run-resample'), 'auto');
    assert.equal(await selectValue(p, 'run-transform'), 'auto');
    assert.equal(await textValue(p, 'run-window'), 'auto');
    assert.equal(await textValue(p, 'run-epochs'), '50');
    assert.equal(await textValue(p, 'run-test'), '60');
    assert.equal(await textValue(p, 'run-horizon'), '30');
    assert.equal(await textValue(p, 'run-covariates'), 'auto');
    assert.equal(await textValue(p, 'run-ensemble'), '3');
    assert.equal(await p.isDisabled('#run-button'), false);
    await p.fill('run-window', '14');
    await p.fill('run-epochs', '5');
    await p.fill('run-covariates', 'calendar, Volume');
    await p.page.locator('#run-model-lstm').click();
    await p.clearPosted();
    await p.page.locator('#run-button').click();
    await p.page.waitForFunction(() => window.__posted.some((m) => m.type === 'runForecast'));
    assert.deepEqual(await runs(p), [
      { type: 'runForecast', settings: { models: ['mlp'], recipe: 'auto', resample: 'auto', transform: 'auto', window: '14', test: '60', horizon: '30', epochs: '5', ensemble: '3', covariates: 'calendar, Volume' } },
    ]);
  });

  test('an invalid value names its field and turns Run off; no model checked is invalid too', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    await p.fill('run-window', 'wide');
    assert.equal(await p.isHidden('#run-window-error'), false);
    assert.match(await p.text('#run-window-error'), /^Window must be/);
    assert.match(await p.text('#run-status'), /^Fix Window to run/);
    assert.equal(await p.isDisabled('#run-button'), true);
    await p.fill('run-window', '20');
    assert.equal(await p.isHidden('#run-window-error'), true);
    assert.equal(await p.isDisabled('#run-button'), false);
    await p.fill('run-covariates', 'auto, Volume');
    assert.match(await p.text('#run-covariates-error'), /^Covariates: auto and none stand alone/);
    assert.equal(await p.isDisabled('#run-button'), true);
    await p.fill('run-covariates', 'none');
    assert.equal(await p.isHidden('#run-covariates-error'), true);
    await p.fill('run-ensemble', '11');
    assert.match(await p.text('#run-ensemble-error'), /^Seeds must be a whole number from 1 to 10/);
    assert.equal(await p.isDisabled('#run-button'), true);
    await p.fill('run-ensemble', '2');
    assert.equal(await p.isDisabled('#run-button'), false);
    await p.page.locator('#run-model-mlp').click();
    await p.page.locator('#run-model-lstm').click();
    assert.match(await p.text('#run-models-error'), /Models/);
    assert.equal(await p.isDisabled('#run-button'), true);
  });

  test('Run is off while a run trains (Cancel on), and the form shows the new run once it starts', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    await p.fill('run-epochs', '7');
    const next = { ...forecastStarted(2), settings: { ...runSettings(), epochs: 7, models: ['gru' as const] } };
    await p.send(next);
    assert.equal(await p.isDisabled('#run-button'), true);
    assert.equal(await p.isDisabled('#cancel'), false);
    assert.match(await p.text('#run-status'), /^Running/);
    assert.equal(await checked(p, 'run-model-gru'), true);
    assert.equal(await checked(p, 'run-model-mlp'), false);
    assert.equal(await textValue(p, 'run-epochs'), '7');
  });

  test('choosing the tutorial recipe fills in its transform, window, epochs, seeds and covariates', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    await p.page.locator('#run-recipe').evaluate((el: VscodeSingleSelect) => {
      el.value = 'tutorial';
      el.dispatchEvent(new Event('change'));
    });
    assert.equal(await selectValue(p, 'run-transform'), 'level');
    assert.equal(await textValue(p, 'run-window'), '60');
    assert.equal(await textValue(p, 'run-epochs'), '50');
    assert.equal(await textValue(p, 'run-covariates'), 'none');
    assert.equal(await textValue(p, 'run-ensemble'), '1');
  });
});

describe('results as they come', () => {
  test('the series is plotted before any model is done; each model joins the leaderboard and metrics as it finishes', async () => {
    const p = await open();
    const result = forecastResult();
    await p.send(BACKEND, forecastStarted(1, result), forecastSeries(1, result));
    assert.equal(await p.isHidden('#results'), false, 'the series card is shown while training');
    await p.chartSettled();
    assert.ok((await p.page.locator('#series-chart svg').count()) === 1, 'the series is drawn');
    assert.deepEqual((await rows(p, 'leaderboard-table')).filter((m) => m === 'mlp' || m === 'lstm'), []);
    assert.equal(await p.isDisabled('#save-model'), true, 'nothing to save while training');
    await p.send(forecastProgress(1, 0, 1, 50, result), forecastModelDone(1, 0, result));
    await p.chartSettled();
    assert.deepEqual((await rows(p, 'leaderboard-table')).filter((m) => m === 'mlp' || m === 'lstm'), ['mlp']);
    assert.equal(await p.text('#run-state'), 'Training…', 'the LSTM still trains');
    await p.send(forecastProgress(1, 1, 1, 38, result), forecastModelDone(1, 1, result));
    assert.deepEqual((await rows(p, 'leaderboard-table')).filter((m) => m === 'mlp' || m === 'lstm').sort(), ['lstm', 'mlp']);
    assert.equal(await p.isDisabled('#export-csv'), true, 'exports wait for the end');
  });
});

describe('what to try', () => {
  test('each suggestion is shown with its reason; Try it runs the shown settings with its change', async () => {
    const p = await open();
    assert.equal(await p.isHidden('#suggestions'), true);
    await p.send(...completedRun(1, { ...forecastResult(), suggestions: [SUGGESTION] }));
    assert.equal(await p.isHidden('#suggestions'), false);
    assert.match(await p.text('#suggestions-list'), /transform: level, window: 14/);
    assert.match(await p.text('#suggestions-list'), /scored MAE 101\.3/);
    await p.clearPosted();
    await p.page.locator('#try-0').click();
    await p.page.waitForFunction(() => window.__posted.some((m) => m.type === 'runForecast'));
    assert.deepEqual(await runs(p), [{ type: 'runForecast', settings: { ...runSettings(), transform: 'level', window: 14 } }]);
    await p.send(forecastStarted(2));
    assert.equal(await p.isHidden('#suggestions'), true, "a new run's result has none until it ends");
  });
});
