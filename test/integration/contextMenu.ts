/** Context menus of the editor and the explorer: right-click, choose an item by its label. */
import type { Locator, Page } from 'playwright-core';
import { activeEditor } from './workbench';

/**
 * Right-clicks in the active text editor at the start of its first visible line (inside a
 * selection that starts there, e.g. after Ctrl+A, so the selection is kept; a right-click
 * outside the selection would move the cursor) and clicks the item labelled `label`.
 * Context menus show a command's title without its category.
 */
export async function chooseEditorContextMenuItem(page: Page, label: string, timeoutMs = 15_000): Promise<void> {
  const line = activeEditor(page).locator('.view-lines .view-line').first();
  await chooseContextMenuItem(page, line, label, timeoutMs, { x: 4, y: 4 });
}

/** Right-clicks `fileName` in the explorer (top level of the workspace) and clicks the item `label`. */
export async function chooseExplorerContextMenuItem(page: Page, fileName: string, label: string, timeoutMs = 30_000): Promise<void> {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${fileName}"]`).first();
  await chooseContextMenuItem(page, row, label, timeoutMs);
}

/**
 * Right-clicks `target` and waits for the item `label`. Right after the workbench opens the
 * extension host may not have registered its menus yet: the menu is closed and opened again
 * until `timeoutMs`.
 */
async function chooseContextMenuItem(page: Page, target: Locator, label: string, timeoutMs: number, position?: { x: number; y: number }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const item = contextMenuItem(page, label);
  for (;;) {
    await target.click({ button: 'right', position, timeout: timeoutMs });
    try {
      await item.waitFor({ state: 'visible', timeout: Math.min(3000, Math.max(500, deadline - Date.now())) });
      break;
    } catch {
      const labels = await contextMenuLabels(page).catch(() => []);
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`no context-menu item "${label}"; the menu shows: ${JSON.stringify(labels)}`);
      await page.waitForTimeout(1000);
    }
  }
  // A click that lands while the menu is still settling is sometimes dropped (the item is
  // highlighted, the menu stays open): hover first, and if the menu is still open after the
  // click, press Enter on the highlighted item.
  await item.hover();
  await item.click();
  const menu = page.locator('.monaco-menu').first();
  try {
    await menu.waitFor({ state: 'hidden', timeout: 2000 });
  } catch {
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: timeoutMs });
  }
}

/** A visible context-menu item (the menu lives in a shadow root; Playwright pierces it). */
export function contextMenuItem(page: Page, label: string) {
  return page.locator('.monaco-menu .action-item:not(.disabled) .action-label', { hasText: label }).first();
}

/** The labels of the open context menu, e.g. for an error message. */
export async function contextMenuLabels(page: Page): Promise<string[]> {
  return page.locator('.monaco-menu .action-item .action-label').allInnerTexts();
}
