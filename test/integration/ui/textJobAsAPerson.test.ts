/**
 * The text job as a person meets it: select the tutorial's three sentences, right-click,
 * "Generate Text from Selection"; watch the loss curve fill to epoch 100; type the prompt
 * "good" in the panel and Generate again without retraining; Insert the result at the
 * cursor; reload VS Code and find the panel restored with its chart and text.
 */
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { runCommand } from '../commands';
import { chooseEditorContextMenuItem } from '../contextMenu';
import { PANEL_TITLE } from '../rnnStudio';
import { screenshot } from '../screenshots';
import type { UiTestContext } from '../uiTest';
import { waitForWebviewPanel, webviewFrameHandle } from '../webview';
import { activeEditor, openFile, selectAllInEditor, waitForWorkbench } from '../workbench';

export const title = 'as a person: context menu, live loss curve, regenerate, insert, survive a reload';
export const timeoutMs = 240_000;

interface PanelFacts {
  epochText: string;
  points: number;
  pathMarks: number;
  generated?: string;
  status?: string;
}

/** What the panel shows, read from its DOM and its state. */
async function panelFacts(frame: Frame): Promise<PanelFacts> {
  return frame.evaluate(() => {
    // Runs in the webview; the test's tsconfig has no DOM types, so name what it uses.
    interface Doc {
      querySelector(s: string): { textContent: string | null } | null;
      querySelectorAll(s: string): { length: number };
    }
    interface Studio {
      state(): { run?: { points: unknown[]; status: string }; generated?: { text: string } };
    }
    const { document, rnnStudio } = globalThis as unknown as { document: Doc; rnnStudio: Studio };
    const state = rnnStudio.state();
    return {
      epochText: document.querySelector('#epoch')?.textContent?.trim() ?? '',
      points: state.run?.points.length ?? 0,
      pathMarks: document.querySelectorAll('#loss-chart svg path.mark-line, #loss-chart svg .mark-line path').length,
      generated: state.generated?.text,
      status: state.run?.status,
    };
  });
}

async function waitForPanel(page: Page, until: (facts: PanelFacts) => boolean, what: string, timeoutMs = 90_000): Promise<PanelFacts> {
  const deadline = Date.now() + timeoutMs;
  let facts: PanelFacts | undefined;
  while (Date.now() < deadline) {
    try {
      facts = await panelFacts(await webviewFrameHandle(page, 0, 5_000));
      if (until(facts)) return facts;
    } catch {
      /* the webview is (re)loading */
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the panel never showed ${what}; last seen: ${JSON.stringify(facts)}`);
}

export async function run({ page, console: messages, log }: UiTestContext): Promise<void> {
  await openFile(page, 'tutorial-sentences.txt');
  await selectAllInEditor(page);
  await chooseEditorContextMenuItem(page, 'Generate Text from Selection');
  const panel = await waitForWebviewPanel(page, PANEL_TITLE, { selector: '#loss-chart', timeoutMs: 60_000 });

  const trained = await waitForPanel(page, (f) => f.generated !== undefined && f.status === 'completed', 'a finished run');
  assert.equal(trained.epochText, 'Epoch 100 / 100');
  assert.equal(trained.points, 100);
  assert.ok(trained.pathMarks >= 1, 'the loss curve is drawn');
  assert.equal(trained.generated, 'hi how are you ', 'an empty prompt starts from the first character');
  log(`trained: ${JSON.stringify(trained)}`);

  await panel.locator('#prompt textarea').fill('good');
  await panel.locator('#length input').fill('15');
  await panel.locator('#generate').click();
  const regenerated = await waitForPanel(page, (f) => f.generated === 'good i am fine ', '"good i am fine "');
  assert.equal(regenerated.points, 100, 'regenerating does not retrain');
  log(`screenshot: ${await screenshot(page, 'text-job-panel')}`);

  await panel.locator('#insert').click();
  const editorText = activeEditor(page).locator('.view-lines');
  await page.waitForFunction(
    // Monaco renders spaces as non-breaking ones.
    (el: { textContent: string | null } | null) => (el?.textContent ?? '').replace(/\u00a0/g, ' ').split('good i am fine').length - 1 === 2,
    await editorText.elementHandle(),
    { timeout: 15_000 },
  );
  log('Insert at cursor put the text into tutorial-sentences.txt');

  // Focus the workbench, not the webview, before the command palette's shortcut.
  await editorText.click();
  await runCommand(page, 'Developer: Reload Window');
  await waitForWorkbench(page);
  await waitForWebviewPanel(page, PANEL_TITLE, { selector: '#loss-chart', timeoutMs: 60_000 });
  const restored = await waitForPanel(page, (f) => f.points === 100 && f.generated === 'good i am fine ', 'the run after the reload', 60_000);
  assert.ok(restored.pathMarks >= 1, 'the restored panel draws the curve');
  log(`screenshot after reload: ${await screenshot(page, 'text-job-panel-reloaded')}`);

  const violations = messages.filter((m) => /Content Security Policy|Refused to/i.test(m.text));
  assert.deepEqual(violations, [], 'no CSP violation in the workbench or the panel');
}
