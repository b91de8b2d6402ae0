/**
 * Iterating in the forecast panel as a person does: forecast prices.csv from the explorer,
 * change fields of the panel's settings form (a fixed window of 10, 5 epochs), click Run and
 * see the second run's results (its window, its metrics); then, if the panel suggests what to
 * try, click its first Try it and see that run complete too. Screenshots of each step.
 */
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { chooseExplorerContextMenuItem } from '../contextMenu';
import { screenshot } from '../screenshots';
import type { UiTestContext } from '../uiTest';
import { waitForWebviewPanel } from '../webview';

export const title = 'forecast panel: change the settings form, Run, see the second run; Try it on a suggestion';
export const timeoutMs = 300_000;

/** Accepts the quick pick whose title mentions `step` (its focused item). */
async function accept(page: Page, step: RegExp): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: step }).waitFor({ state: 'visible', timeout: 60_000 });
  await widget.locator('.quick-input-list .monaco-list-row.focused').first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await widget.locator('.quick-input-title', { hasText: step }).waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Waits until the panel's run starts (reading or training) and then completes. */
async function waitForRun(panel: FrameLocator, timeout: number): Promise<void> {
  await panel.locator('#run-state', { hasText: /^(Reading|Choosing|Training)/ }).waitFor({ state: 'visible', timeout: 30_000 });
  await panel.locator('#run-state', { hasText: /^Completed/ }).waitFor({ state: 'visible', timeout });
}

export async function run({ page, console: messages, log }: UiTestContext): Promise<void> {
  await chooseExplorerContextMenuItem(page, 'prices.csv', 'Forecast CSV');
  await accept(page, /time column/);
  await accept(page, /column to forecast/);
  await accept(page, /time step/);
  await page.locator('.quick-input-widget .quick-input-title', { hasText: /models to train/ }).waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');

  const panel = await waitForWebviewPanel(page, 'RNN Studio — Forecast', { selector: '#run-form', timeoutMs: 60_000 });
  await panel.locator('#metrics-table').getByText(/MLP/).first().waitFor({ state: 'visible', timeout: 120_000 });
  await panel.locator('#run-state', { hasText: /^Completed/ }).waitFor({ state: 'visible', timeout: 60_000 });
  const firstWindows = await panel.locator('#windows').innerText();
  log(`first run: window → windows ${firstWindows}; the form says "${await panel.locator('#run-status').innerText()}"`);
  assert.match(await panel.locator('#run-epochs input').inputValue(), /^\d+$/, 'the form shows the settings of the run shown');
  log(`screenshot: ${await screenshot(page, 'forecast-iterate-1-first-run')}`);

  // Change the form: a fixed window of 10, 5 epochs; Run.
  await panel.locator('#run-settings').scrollIntoViewIfNeeded();
  await panel.locator('#run-window input').fill('10');
  await panel.locator('#run-epochs input').fill('5');
  log(`screenshot: ${await screenshot(page, 'forecast-iterate-2-form-edited')}`);
  await panel.locator('#run-button').click();
  await waitForRun(panel, 120_000);
  const secondWindows = await panel.locator('#windows').innerText();
  assert.match(secondWindows, /^10 → /, `the second run used the window of 10 (was ${firstWindows})`);
  await panel.locator('#metrics-table').getByText(/MLP/).first().waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await panel.locator('#epoch').innerText(), /1 model trained · [1-5] epochs? in all/);
  log(`second run: window → windows ${secondWindows}`);
  log(`screenshot: ${await screenshot(page, 'forecast-iterate-3-second-run')}`);

  // What to try: its first suggestion, if there is one.
  if (await panel.locator('#suggestions').isVisible()) {
    const suggestion = await panel.locator('#suggestions-list li').first().innerText();
    log(`suggestion: ${suggestion.replace(/\s+/g, ' ')}`);
    await panel.locator('#suggestions').scrollIntoViewIfNeeded();
    log(`screenshot: ${await screenshot(page, 'forecast-iterate-4-suggestions')}`);
    await panel.locator('#try-0').click();
    await waitForRun(panel, 180_000);
    await panel.locator('#metrics-table').getByText(/MLP|GRU/).first().waitFor({ state: 'visible', timeout: 30_000 });
    log(`after Try it: ${(await panel.locator('#epoch').innerText()).replace(/\s+/g, ' ')}, window → windows ${await panel.locator('#windows').innerText()}`);
    log(`screenshot: ${await screenshot(page, 'forecast-iterate-5-tried')}`);
  } else {
    log('no suggestion shown: the model beat the best baseline');
  }

  const violations = messages.filter((m) => /Content Security Policy|Refused to/i.test(m.text));
  assert.deepEqual(violations, [], 'no CSP violation');
}
