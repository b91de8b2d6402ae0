/**
 * Kept runs as a person meets them: with two runs in the workspace's .rnn-studio/runs/ (as
 * earlier sessions left them), F1 -> "RNN Studio: Reopen Last Forecast Results" opens the
 * forecast panel on the newest run's results, without training, and its Runs card lists both
 * and compares them when both are ticked; the form's Run then trains again on that run's CSV.
 */
import * as assert from 'node:assert/strict';
import { saveRun } from '../../../src/core/runs/runHistory';
import { runRecord } from '../../../src/core/runs/runRecord';
import { forecastResult } from '../../webview/forecastMessages';
import { runCommand } from '../commands';
import { screenshot } from '../screenshots';
import type { UiTestContext } from '../uiTest';
import { waitForWebviewPanel } from '../webview';

export const title = 'command palette: Reopen Last Forecast Results shows the newest kept run, and the Runs card compares two';
export const timeoutMs = 120_000;

export async function run({ page, workspace, console: messages, log }: UiTestContext): Promise<void> {
  const now = Date.now();
  for (const [minutesAgo, epochs] of [
    [90, 50],
    [3, 200],
  ]) {
    const finishedAt = new Date(now - minutesAgo * 60_000);
    const record = runRecord({ csv: 'prices.csv', settings: { recipe: 'auto', models: ['mlp', 'lstm'], epochs }, result: forecastResult(), startedAt: finishedAt, finishedAt });
    await saveRun(workspace, record);
  }
  await runCommand(page, 'RNN Studio: Reopen Last Forecast Results');
  const panel = await waitForWebviewPanel(page, 'RNN Studio — Forecast', { selector: '#metrics-table', timeoutMs: 60_000 });
  await panel.locator('#metrics-table').getByText(/MLP/).first().waitFor({ state: 'visible', timeout: 30_000 });
  const rows = panel.locator('#runs-table tbody tr');
  await rows.nth(1).waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(0).innerText(), /shown/i, 'the newest run is the one shown');
  assert.match(await panel.locator('#save-model').getAttribute('title') ?? '', /not held/);
  await panel.locator('#runs-table tbody tr:nth-child(1) .run-compare').check();
  await panel.locator('#runs-table tbody tr:nth-child(2) .run-compare').check();
  const compared = await panel.locator('#compare-settings').innerText();
  assert.match(compared, /epochs\s+50\s+200/);
  await panel.locator('#runs').scrollIntoViewIfNeeded();
  log(`screenshot: ${await screenshot(page, 'forecast-reopened-runs')}`);

  // Run in the reopened panel trains on the kept run's CSV (this workspace's prices.csv): MLP only, 2 epochs.
  await panel.locator('#run-settings').scrollIntoViewIfNeeded();
  await panel.locator('#run-model-lstm').click();
  await panel.locator('#run-epochs input').fill('2');
  await panel.locator('#run-button').click();
  await panel.locator('#run-state', { hasText: /^(Reading|Choosing|Training)/ }).waitFor({ state: 'visible', timeout: 30_000 });
  await panel.locator('#run-state', { hasText: /^Completed/ }).waitFor({ state: 'visible', timeout: 120_000 });
  assert.equal(await panel.locator('#error').isVisible(), false, 'no error banner');
  assert.ok((await panel.locator('#source').innerText()).includes(`${workspace}/prices.csv`), 'the run read the kept run\'s CSV');
  assert.match(await panel.locator('#epoch').innerText(), /1 model trained/);
  log(`screenshot: ${await screenshot(page, 'forecast-reopened-run-again')}`);
  const violations = messages.filter((m) => /Content Security Policy|Refused to/i.test(m.text));
  assert.deepEqual(violations, [], 'no CSP violation');
}
