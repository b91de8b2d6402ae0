/**
 * The editor's context menu: select the text, right-click it, choose "Generate Text from
 * Selection"; the "RNN Studio" panel opens and shows generated text.
 */
import * as assert from 'node:assert/strict';
import { chooseEditorContextMenuItem } from '../contextMenu';
import { PANEL_TITLE, waitForGeneratedText } from '../rnnStudio';
import { screenshot } from '../screenshots';
import type { UiTestContext } from '../uiTest';
import { waitForWebviewPanel } from '../webview';
import { openFile, selectAllInEditor } from '../workbench';

export const title = 'editor context menu: Generate Text from Selection opens the RNN Studio panel';

export async function run({ page, log }: UiTestContext): Promise<void> {
  await openFile(page, 'tutorial-sentences.txt');
  await selectAllInEditor(page);
  await chooseEditorContextMenuItem(page, 'Generate Text from Selection');
  const panel = await waitForWebviewPanel(page, PANEL_TITLE, { timeoutMs: 60_000 });
  const text = await waitForGeneratedText(panel);
  assert.ok(text.length > 0);
  log(`generated ${JSON.stringify(text)}`);
  log(`screenshot: ${await screenshot(page, 'context-menu-generate-panel')}`);
}
