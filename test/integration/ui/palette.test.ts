/**
 * A person's first run: open tutorial-sentences.txt, select everything, F1 -> "RNN Studio:
 * Generate Text from Selection"; the "RNN Studio" panel opens with its webview, trains and
 * shows generated text.
 */
import * as assert from 'node:assert/strict';
import { GENERATE_COMMAND_TITLE, PANEL, PANEL_TITLE, waitForGeneratedText } from '../rnnStudio';
import { runCommand } from '../commands';
import { screenshot } from '../screenshots';
import type { UiTestContext } from '../uiTest';
import { waitForWebviewPanel } from '../webview';
import { openFile, selectAllInEditor } from '../workbench';

export const title = 'command palette: Generate Text from Selection opens the RNN Studio panel';
export const timeoutMs = 120_000;

export async function run({ page, log }: UiTestContext): Promise<void> {
  await openFile(page, 'tutorial-sentences.txt');
  await selectAllInEditor(page);
  await runCommand(page, GENERATE_COMMAND_TITLE);
  const panel = await waitForWebviewPanel(page, PANEL_TITLE, { timeoutMs: 60_000 });
  await panel.locator(PANEL.lossChart).waitFor({ state: 'attached', timeout: 60_000 });
  const text = await waitForGeneratedText(panel);
  assert.ok(text.length > 0);
  log(`generated ${JSON.stringify(text)}; ${(await panel.locator(PANEL.epoch).innerText()).trim()}`);
  log(`screenshot: ${await screenshot(page, 'palette-generate-panel')}`);
}
