/** What the UI tests know about RNN Studio itself: its ids, titles and the main gesture. */
import type { FrameLocator, Page } from 'playwright-core';
import { runCommand } from './commands';
import { waitForWebviewPanel } from './webview';
import { openFile, selectAllInEditor } from './workbench';

export const EXTENSION_ID = 'rnn-studio.rnn-studio';
export const GENERATE_COMMAND_ID = 'rnnStudio.generateFromSelection';
export const GENERATE_COMMAND_TITLE = 'RNN Studio: Generate Text from Selection';
export const PANEL_TITLE = 'RNN Studio';

/** Element ids in the panel's webview. */
export const PANEL = {
  lossChart: '#loss-chart',
  generated: '#generated',
  epoch: '#epoch',
  backend: '#backend',
} as const;

/**
 * Waits until the panel shows generated text (training ran and generation finished) and
 * returns it.
 */
export async function waitForGeneratedText(panel: FrameLocator, timeoutMs = 90_000): Promise<string> {
  const generated = panel.locator(PANEL.generated);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await generated.innerText({ timeout: Math.max(1000, deadline - Date.now()) })).trim();
    if (text) return text;
    if (Date.now() > deadline) throw new Error(`no generated text in the panel within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Opens `file` (relative to the workspace), selects all of it, runs "Generate Text from
 * Selection" from the command palette and waits for the RNN Studio panel; returns its DOM.
 */
export async function generateFromFile(page: Page, file: string, timeoutMs = 60_000): Promise<FrameLocator> {
  await openFile(page, file);
  await selectAllInEditor(page);
  await runCommand(page, GENERATE_COMMAND_TITLE, timeoutMs);
  return waitForWebviewPanel(page, PANEL_TITLE, { timeoutMs });
}
