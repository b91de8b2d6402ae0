/** Running a command the way a person does: F1, type its title, Enter. */
import type { Page } from 'playwright-core';

/**
 * Opens the command palette with F1, types `title` and presses Enter once the highlighted
 * entry is that command. While the extension host is still starting the command may not be
 * listed yet: the palette is closed and reopened until `timeoutMs`.
 * Focus matters: commands that act on the active editor need the editor focused first.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input.input');
  const focused = page.locator('.quick-input-list .monaco-list-row.focused');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    try {
      await focused
        .filter({ hasText: title })
        .waitFor({ state: 'visible', timeout: Math.min(5000, Math.max(500, deadline - Date.now())) });
      const label = (await focused.getAttribute('aria-label')) ?? '';
      if (label.startsWith(title)) {
        await page.keyboard.press('Enter');
        await input.waitFor({ state: 'hidden', timeout: 10_000 });
        return;
      }
    } catch {
      /* not listed (yet) */
    }
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) {
      throw new Error(`command "${title}" did not appear in the command palette within ${timeoutMs} ms`);
    }
    await page.waitForTimeout(Math.min(1000 * attempt, 3000));
  }
}
