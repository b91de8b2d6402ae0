/**
 * The forecast form's draft in headless Chromium: what the user typed survives the webview
 * being recreated (the panel hidden and shown again, VS Code reloaded: the page restores it
 * from what `vscode.setState` kept), and gives way to the settings of another run shown (a
 * new run, a kept run reopened).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import { completedRun, FILE, forecastFinished, forecastStarted, runSettings } from './forecastMessages';
import { checkedPanels, type Panel } from './harness';

const { open } = checkedPanels({ page: 'forecast', width: 1280 });

type RunMessage = Extract<WebviewMessage, { type: 'runForecast' }>;
const textValue = (p: Panel, id: string) => p.page.locator(`#${id}`).evaluate((el: VscodeTextfield) => el.value);
const checked = (p: Panel, id: string) => p.page.locator(`#${id}`).evaluate((el: VscodeCheckbox) => el.checked);

/** Presses Run and returns the settings it posted. */
async function pressRun(p: Panel): Promise<RunMessage['settings']> {
  await p.clearPosted();
  await p.page.locator('#run-button').click();
  await p.page.waitForFunction(() => window.__posted.some((m) => m.type === 'runForecast'));
  const posted = (await p.posted()).filter((m): m is RunMessage => m.type === 'runForecast');
  assert.equal(posted.length, 1);
  return posted[0].settings;
}

/** The user's edits of run 1's form: window 14, epochs 5, GRU added, the tutorial's transform. */
async function edit(p: Panel): Promise<void> {
  await p.fill('run-window', '14');
  await p.fill('run-epochs', '5');
  await p.page.locator('#run-model-gru').click();
  await p.page.locator('#run-transform').evaluate((el: VscodeSingleSelect) => {
    el.value = 'level';
    el.dispatchEvent(new Event('change'));
  });
}

const EDITED = { models: ['mlp', 'lstm', 'gru'], recipe: 'auto', resample: 'auto', transform: 'level', window: '14', test: '60', horizon: '30', epochs: '5', ensemble: '3', covariates: 'auto' };

describe("the form's draft", () => {
  test('a hidden panel shown again shows what the user typed, not the run\'s settings, and Run posts it', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    await edit(p);
    await p.reload();
    assert.equal(await textValue(p, 'run-window'), '14');
    assert.equal(await textValue(p, 'run-epochs'), '5');
    assert.equal(await checked(p, 'run-model-gru'), true);
    assert.deepEqual(await pressRun(p), EDITED);
  });

  test('an invalid value typed is kept too, still named under its field', async () => {
    const p = await open();
    await p.send(...completedRun(1));
    await p.fill('run-window', 'wide');
    await p.reload();
    assert.equal(await textValue(p, 'run-window'), 'wide');
    assert.match(await p.text('#run-window-error'), /^Window must be/);
    assert.equal(await p.isDisabled('#run-button'), true);
  });

  test('after a VS Code reload the restored panel shows the draft, and Run is on for the CSV it showed', async () => {
    const first = await open();
    await first.send(...completedRun(1));
    await edit(first);
    const p = await open({ initialState: await first.savedState() });
    assert.equal(await textValue(p, 'run-window'), '14');
    assert.equal(await checked(p, 'run-model-gru'), true);
    assert.equal(await p.isDisabled('#run-button'), false);
    assert.match(await p.text('#run-status'), new RegExp(`Run trains again on .*${FILE.replace('.', '\\.')}`));
    assert.deepEqual(await pressRun(p), EDITED);
  });

  test("a new run's settings replace the draft, also once the panel is recreated", async () => {
    const p = await open();
    await p.send(...completedRun(1));
    await edit(p);
    await p.send({ ...forecastStarted(2), settings: { ...runSettings(), epochs: 9 } });
    assert.equal(await textValue(p, 'run-epochs'), '9');
    assert.equal(await textValue(p, 'run-window'), 'auto');
    assert.equal(await checked(p, 'run-model-gru'), false);
    await p.reload();
    assert.equal(await textValue(p, 'run-epochs'), '9', 'the old draft is gone');
    assert.equal(await textValue(p, 'run-window'), 'auto');
  });

  test("a kept run reopened shows its own settings, not a draft typed over another run (after a reload too)", async () => {
    const first = await open();
    await first.send(...completedRun(1));
    await edit(first);
    await first.send({ ...forecastFinished(7), settings: { ...runSettings(), epochs: 12, models: ['rnn'] } });
    assert.equal(await textValue(first, 'run-epochs'), '12');
    assert.equal(await checked(first, 'run-model-rnn'), true);
    assert.equal(await checked(first, 'run-model-gru'), false);
    const p = await open({ initialState: await first.savedState() });
    assert.equal(await textValue(p, 'run-epochs'), '12');
    assert.equal(await textValue(p, 'run-window'), 'auto');
    assert.equal(await checked(p, 'run-model-gru'), false);
  });

  test("an edit put back as it was is kept as such: the form shows the run's value again", async () => {
    const p = await open();
    await p.send(...completedRun(1));
    await p.fill('run-epochs', '5');
    await p.fill('run-epochs', '50');
    await p.reload();
    assert.equal(await textValue(p, 'run-epochs'), '50');
  });
});
