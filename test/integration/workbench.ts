/**
 * The VS Code workbench in a browser page: URLs (with the development-mode payload), opening
 * it on a folder, waiting until it is usable, opening a file, selecting text.
 */
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';

/** What VS Code's URL payload carries: [key, value] pairs. */
export type Payload = Array<[string, string]>;

/** An absolute path on the code-server machine as a `vscode-remote://` URI. */
export function remoteUri(server: CodeServer, absolutePath: string): string {
  const posix = path.resolve(absolutePath).split(path.sep).join('/');
  return `vscode-remote://${server.host}:${server.port}${encodeURI(posix)}`;
}

/** The development-mode payload: load the extension at `extensionDevelopmentPath`
 * (the window becomes an "[Extension Development Host]"), and run `extensionTestsPath`'s
 * `run()` when given. */
export function developmentPayload(
  server: CodeServer,
  extensionDevelopmentPath: string,
  extensionTestsPath?: string,
): Payload {
  const payload: Payload = [['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
  return payload;
}

/** http://host:port/?folder=/abs&payload=... */
export function workbenchUrl(server: CodeServer, folder: string, payload?: Payload): string {
  const params = new URLSearchParams({ folder: path.resolve(folder) });
  if (payload && payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}

export interface OpenWorkbenchOptions {
  /** Extra [key, value] payload pairs, e.g. from developmentPayload(). */
  payload?: Payload;
  /** Called with the new context before the page loads (exposeFunction goes here). */
  beforeLoad?: (context: BrowserContext) => Promise<void>;
  /** Wait for waitForWorkbench (default true). */
  waitUntilReady?: boolean;
  viewport?: { width: number; height: number };
}

/** A new browser context + page showing the workbench on `folder`. */
export async function openWorkbench(
  browser: Browser,
  server: CodeServer,
  folder: string,
  options: OpenWorkbenchOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  await options.beforeLoad?.(context);
  const page = await context.newPage();
  await page.goto(workbenchUrl(server, folder, options.payload), { waitUntil: 'domcontentloaded' });
  if (options.waitUntilReady !== false) await waitForWorkbench(page);
  return { context, page };
}

/**
 * Resolves when the workbench is usable: its parts are laid out, the remote connection is
 * up (the explorer lists the folder) and the startup progress has finished.
 */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1000, deadline - Date.now());
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: left() });
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: left() });
  await page.locator('.part.editor').waitFor({ state: 'visible', timeout: left() });
  // the explorer shows the folder's files once the remote file system answers
  await page
    .locator('.explorer-folders-view .monaco-list-row')
    .first()
    .waitFor({ state: 'visible', timeout: left() });
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor. */
export async function openFile(page: Page, relativePath: string, timeoutMs = 30_000): Promise<void> {
  const name = path.posix.basename(relativePath);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(relativePath);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: name })
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await activeEditor(page).waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The text editor of the active editor group. */
export function activeEditor(page: Page) {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** Clicks into the active text editor and selects all of it (Ctrl+A). */
export async function selectAllInEditor(page: Page): Promise<void> {
  await activeEditor(page).locator('.view-lines').click();
  await page.keyboard.press('Control+A');
}
