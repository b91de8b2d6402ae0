/**
 * A kept run whose CSV was moved away, as a person meets it: F1 -> "RNN Studio: Reopen Last
 * Forecast Results" shows it, and its Run says, in the panel's banner, that the file (named
 * in full) is not there any more, instead of starting a run that fails on reading it.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { saveRun } from '../../../src/core/runs/runHistory';
import { runRecord } from '../../../src/core/runs/runRecord';
import { forecastResult } from '../../webview/forecastMessages';
import { runCommand } from '../commands';
import { screenshot } from '../screenshots';
import type { UiTestContext } from '../uiTest';
import { waitForWebviewPanel } from '../webview';

export const title = 'command palette: Reopen Last Forecast Results on a run whose CSV is gone, then Run: the banner names the file';
export const timeoutMs = 90_000;

export async function run({ page, workspace, log }: UiTestContext): Promise<void> {
  const now = new Date();
  await saveRun(workspace, runRecord({ csv: 'moved-away.csv', settings: { recipe: 'auto', models: ['mlp'], epochs: 2 }, result: forecastResult(), startedAt: now, finishedAt: now }));
  await runCommand(page, 'RNN Studio: Reopen Last Forecast Results');
  const panel = await waitForWebviewPanel(page, 'RNN Studio — Forecast', { selector: '#metrics-table', timeoutMs: 60_000 });
  await panel.locator('#metrics-table').getByText(/MLP/).first().waitFor({ state: 'visible', timeout: 30_000 });
  await panel.locator('#run-settings').scrollIntoViewIfNeeded();
  await panel.locator('#run-button').click();
  const banner = panel.locator('#error-message');
  await banner.waitFor({ state: 'visible', timeout: 30_000 });
  const text = await banner.innerText();
  assert.ok(text.includes(path.join(workspace, 'moved-away.csv')), `the banner names the file: ${text}`);
  assert.match(text, /not there any more/);
  assert.match(await panel.locator('#run-state').innerText(), /^Completed/, 'the kept run is still shown; nothing started');
  log(`banner: ${text}`);
  log(`screenshot: ${await screenshot(page, 'forecast-rerun-missing-csv')}`);
}
