/**
 * The forecast job as a person meets it: right-click prices.csv in the explorer, "Forecast
 * CSV", confirm the detected time column, the suggested column (Close), the detected interval
 * and the MLP preset in the quick picks (numbered), and see the forecast plot and the metrics table in the panel; edit
 * the settings form, hide the panel behind the CSV and bring it back, reload VS Code and find the panel restored with
 * the edits, export its forecast as CSV, and Run in the restored panel trains again on prices.csv with them.
 */
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { runCommand } from '../commands';
import { chooseExplorerContextMenuItem } from '../contextMenu';
import { screenshot } from '../screenshots';
import type { UiTestContext } from '../uiTest';
import { editorTab, waitForWebviewPanel } from '../webview';
import { waitForWorkbench } from '../workbench';

export const title = 'explorer context menu: Forecast CSV -> quick picks -> forecast plot and metrics table, restored after a reload with the form\'s edits, and Run';
export const timeoutMs = 300_000;

/** The text of `file` once it exists and is not empty (polled every 200 ms, at most `timeoutMs`). */
async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text) return text;
    if (Date.now() > until) throw new Error(`${file} was not written within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits for the quick pick whose title mentions `step`, checks its focused item, and accepts it. */
async function acceptQuickPick(page: Page, step: RegExp, expected: RegExp): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: step }).waitFor({ state: 'visible', timeout: 60_000 });
  const focused = widget.locator('.quick-input-list .monaco-list-row.focused').first();
  await focused.waitFor({ state: 'visible', timeout: 10_000 });
  const label = (await focused.getAttribute('aria-label')) ?? '';
  assert.match(label, expected, `the quick pick "${step.source}" offers ${label} first`);
  await page.keyboard.press('Enter');
  await widget.locator('.quick-input-title', { hasText: step }).waitFor({ state: 'hidden', timeout: 10_000 });
}

export async function run({ page, workspace, console: messages, log }: UiTestContext): Promise<void> {
  await chooseExplorerContextMenuItem(page, 'prices.csv', 'Forecast CSV');
  await acceptQuickPick(page, /\(1\/4\) — time column/, /^1\. Timestamp/);
  await acceptQuickPick(page, /\(2\/4\) — column to forecast/, /^1\. Close/);
  // The detected interval is first (the sample's rows are 6 hours apart: daily buckets).
  await acceptQuickPick(page, /\(3\/4\) — time step/, /^1\. one value per day.*detected/);
  // The models quick pick allows several; MLP is preselected.
  await page.locator('.quick-input-widget .quick-input-title', { hasText: /\(4\/4\) — models to train/ }).waitFor({ state: 'visible', timeout: 10_000 });
  const lstm = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'LSTM' }).first().getAttribute('aria-label');
  assert.match(lstm ?? '', /3\. LSTM.*64 units, 1 layer, (up to )?(about \d+(\.\d)? (s|min|h)|a few seconds)/, 'the models say how big and about how long');
  log(`models pick: ${lstm}`);
  log(`screenshot of the models pick: ${await screenshot(page, 'forecast-models-pick')}`);
  await page.keyboard.press('Enter');

  const panel = await waitForWebviewPanel(page, 'RNN Studio — Forecast', { selector: '#series-chart', timeoutMs: 60_000 });
  const table = panel.locator('#metrics-table');
  await table.getByText(/MLP/).first().waitFor({ state: 'visible', timeout: 90_000 });
  const tableText = await table.innerText();
  assert.match(tableText, /MAE/);
  assert.match(tableText, /persistence|last value/i, 'the baseline is in the table');
  await panel.locator('#series-chart svg .mark-line path, #series-chart svg path.mark-line').first().waitFor({ state: 'attached', timeout: 30_000 });
  log(`metrics table: ${tableText.replace(/\s+/g, ' ').slice(0, 200)}`);
  log(`screenshot: ${await screenshot(page, 'forecast-panel')}`);
  await panel.locator('#series-chart').scrollIntoViewIfNeeded();
  log(`screenshot of the charts: ${await screenshot(page, 'forecast-panel-charts')}`);

  // The form's edits survive the panel being hidden (prices.csv opened over it) and shown again.
  await panel.locator('#run-settings').scrollIntoViewIfNeeded();
  await panel.locator('#run-epochs input').fill('3');
  await panel.locator('#run-window input').fill('12');
  await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="prices.csv"]').first().click();
  await editorTab(page, 'prices.csv').waitFor({ state: 'visible', timeout: 30_000 });
  await editorTab(page, 'RNN Studio — Forecast').click({ timeout: 30_000 });
  const shown = await waitForWebviewPanel(page, 'RNN Studio — Forecast', { selector: '#metrics-table', timeoutMs: 60_000 });
  assert.equal(await shown.locator('#run-epochs input').inputValue(), '3', 'the edit survives hiding the panel');
  assert.equal(await shown.locator('#run-window input').inputValue(), '12');

  // The panel survives a reload: VS Code restores it and it shows the run again, and the form's edits.
  await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="prices.csv"]').first().click();
  await runCommand(page, 'Developer: Reload Window');
  await waitForWorkbench(page);
  // Clicking prices.csv opened it over the panel: bring the panel's tab to the front.
  await editorTab(page, 'RNN Studio — Forecast').click({ timeout: 30_000 });
  const restored = await waitForWebviewPanel(page, 'RNN Studio — Forecast', { selector: '#metrics-table', timeoutMs: 60_000 });
  await restored.locator('#metrics-table').getByText(/MLP/).first().waitFor({ state: 'visible', timeout: 30_000 });
  await restored.locator('#series-chart svg .mark-line path, #series-chart svg path.mark-line').first().waitFor({ state: 'attached', timeout: 30_000 });
  log('the forecast panel came back after the reload with its table and chart');
  assert.equal(await restored.locator('#run-epochs input').inputValue(), '3', 'the edit survives the reload');
  assert.equal(await restored.locator('#run-window input').inputValue(), '12');

  // Export forecast CSV in the restored panel writes the run's forecast (read back from its kept run).
  await restored.locator('#export-csv').click();
  const dialog = page.locator('.quick-input-widget input.input');
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  // The simple file dialog fills its path a moment after it shows.
  await page.waitForFunction((input: { value: string } | null) => /prices-forecast\.csv$/.test(input?.value ?? ''), await dialog.elementHandle(), { timeout: 10_000 });
  await page.keyboard.press('Enter');
  const exported = path.join(workspace, 'prices-forecast.csv');
  const written = await waitForFile(exported, 30_000);
  assert.match(written.split('\n')[0], /^time,part,actual,persistence/, 'the CSV starts with its header');
  assert.match(written, /\n[^,\n]+,forecast,/, 'it holds the forecast rows');
  assert.equal(await restored.locator('#error').isVisible(), false, 'no error banner after the export');
  log(`exported after the reload: ${exported} (${written.split('\n').length - 1} rows)`);

  // Run in the restored panel trains again on prices.csv (the new extension host knows it from the panel's state).
  await restored.locator('#run-settings').scrollIntoViewIfNeeded();
  await restored.locator('#run-button').click();
  await restored.locator('#run-state', { hasText: /^(Reading|Choosing|Training)/ }).waitFor({ state: 'visible', timeout: 30_000 });
  await restored.locator('#run-state', { hasText: /^Completed/ }).waitFor({ state: 'visible', timeout: 120_000 });
  assert.equal(await restored.locator('#error').isVisible(), false, 'no error banner');
  assert.match(await restored.locator('#source').innerText(), /prices\.csv/);
  assert.equal(await restored.locator('#run-epochs input').inputValue(), '3', 'the new run ran with the edits');
  assert.equal(await restored.locator('#run-window input').inputValue(), '12');
  log(`screenshot of the run after the reload: ${await screenshot(page, 'forecast-panel-reloaded-run')}`);

  const violations = messages.filter((m) => /Content Security Policy|Refused to/i.test(m.text));
  assert.deepEqual(violations, [], 'no CSP violation');
}
