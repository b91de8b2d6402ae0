/**
 * Webview panels. VS Code nests each webview in two iframes:
 * `iframe.webview.ready` (the host) -> `iframe#active-frame` (the panel's document).
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';

/** The DOM of the `index`-th ready webview (in document order) as a FrameLocator. */
export function webviewFrame(page: Page, index = 0): FrameLocator {
  return page.locator('iframe.webview.ready').nth(index).contentFrame().frameLocator('iframe#active-frame');
}

/** The same document as a Frame, for `evaluate` (e.g. reading an SVG's marks). */
export async function webviewFrameHandle(page: Page, index = 0, timeoutMs = 30_000): Promise<Frame> {
  const outer = page.locator('iframe.webview.ready').nth(index);
  await outer.waitFor({ state: 'attached', timeout: timeoutMs });
  const outerFrame = await (await outer.elementHandle())?.contentFrame();
  if (!outerFrame) throw new Error('webview host frame not found');
  const inner = outerFrame.locator('iframe#active-frame');
  await inner.waitFor({ state: 'attached', timeout: timeoutMs });
  const frame = await (await inner.elementHandle())?.contentFrame();
  if (!frame) throw new Error('webview content frame not found');
  return frame;
}

/** The editor tab of a panel, by its title. */
export function editorTab(page: Page, title: string) {
  return page.locator('.tabs-container .tab', { hasText: title }).first();
}

/**
 * Waits until a webview panel titled `title` is open and its document has loaded
 * (when `selector` is given: until that element exists in it). Returns its FrameLocator.
 */
export async function waitForWebviewPanel(
  page: Page,
  title: string,
  options: { selector?: string; timeoutMs?: number } = {},
): Promise<FrameLocator> {
  const timeout = options.timeoutMs ?? 30_000;
  await editorTab(page, title).waitFor({ state: 'visible', timeout });
  const frame = webviewFrame(page);
  await frame.locator(options.selector ?? 'body').first().waitFor({ state: 'attached', timeout });
  return frame;
}
