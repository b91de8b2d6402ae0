/**
 * UI tests: Playwright drives a real VS Code workbench from outside, as a person would.
 *
 * The contract: each `test/integration/ui/<name>.test.ts` exports
 *
 *   export const title = 'what it shows';          // optional, defaults to <name>
 *   export const timeoutMs = 120_000;              // optional, default 120 s
 *   export async function run(ctx: UiTestContext): Promise<void> { ... }   // throw to fail
 *
 * For each file the runner copies sample/ to a fresh folder, opens the workbench on it in a
 * new browser context with the extension loaded in development mode, waits until the
 * workbench is ready, calls run(ctx), and on failure saves test-results/ui-<name>-failure.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { screenshot } from './screenshots';
import { developmentPayload, openWorkbench, waitForWorkbench } from './workbench';
import { makeWorkspaceCopy, removeDir } from './workspace';

export interface ConsoleEntry {
  type: string;
  text: string;
  /** The frame's URL (webviews: a vscode-cdn / webview URL). */
  url: string;
}

export interface UiTestContext {
  /** The file's base name without .test.js, e.g. 'palette'. */
  name: string;
  /** A fresh copy of sample/ that the workbench has open. */
  workspace: string;
  server: CodeServer;
  browser: Browser;
  context: BrowserContext;
  /** The workbench, ready. */
  page: Page;
  /** Every console message of the page and its frames (webviews included) so far. */
  console: ConsoleEntry[];
  /** Uncaught errors of the page and its frames so far. */
  pageErrors: string[];
  /** Prints a line under the test's name. */
  log: (message: string) => void;
}

export interface UiTestModule {
  title?: string;
  timeoutMs?: number;
  run(ctx: UiTestContext): Promise<void>;
}

export interface UiTestOutcome {
  name: string;
  title: string;
  passed: boolean;
  ms: number;
  error?: string;
}

export interface RunUiTestsOptions {
  /** The folder with compiled *.test.js files. */
  dir: string;
  /** Compiled files whose source is gone are skipped when this folder is given. */
  sourceDir?: string;
  server: CodeServer;
  browser: Browser;
  extensionDevelopmentPath: string;
  /** Run only tests whose name or title matches. */
  grep?: RegExp;
}

/** Finds the compiled UI tests in `dir` (sorted; stale outputs skipped). */
export function findUiTests(dir: string, sourceDir?: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => !sourceDir || fs.existsSync(path.join(sourceDir, f.replace(/\.js$/, '.ts'))))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function runUiTests(options: RunUiTestsOptions): Promise<UiTestOutcome[]> {
  const outcomes: UiTestOutcome[] = [];
  for (const file of findUiTests(options.dir, options.sourceDir)) {
    const name = path.basename(file, '.test.js');
    let mod: UiTestModule;
    try {
      mod = (await import(file)) as UiTestModule;
      if (typeof mod.run !== 'function') throw new Error(`${file} exports no run(ctx) function`);
    } catch (err) {
      outcomes.push(report({ name, title: name, passed: false, ms: 0, error: errorText(err) }));
      continue;
    }
    const title = mod.title ?? name;
    if (options.grep && !options.grep.test(name) && !options.grep.test(title)) continue;
    outcomes.push(report(await runOne(name, title, mod, options)));
  }
  return outcomes;
}

async function runOne(name: string, title: string, mod: UiTestModule, options: RunUiTestsOptions): Promise<UiTestOutcome> {
  const started = Date.now();
  const timeoutMs = mod.timeoutMs ?? 120_000;
  const workspace = makeWorkspaceCopy(`ui-${name}`);
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const consoleEntries: ConsoleEntry[] = [];
    const pageErrors: string[] = [];
    const body = async () => {
      const opened = await openWorkbench(options.browser, options.server, workspace, {
        payload: developmentPayload(options.server, options.extensionDevelopmentPath),
        waitUntilReady: false,
      });
      context = opened.context;
      page = opened.page;
      page.on('console', (m) => consoleEntries.push({ type: m.type(), text: m.text(), url: m.location().url }));
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await waitForWorkbench(page);
      await mod.run({
        name,
        workspace,
        server: options.server,
        browser: options.browser,
        context,
        page,
        console: consoleEntries,
        pageErrors,
        log: (message) => console.log(`      ${message}`),
      });
    };
    await Promise.race([
      body(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    return { name, title, passed: true, ms: Date.now() - started };
  } catch (err) {
    let error = errorText(err);
    if (page) {
      const shot = await screenshot(page, `ui-${name}-failure`).catch(() => undefined);
      if (shot) error += `\n      screenshot: ${shot}`;
    }
    return { name, title, passed: false, ms: Date.now() - started, error };
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => undefined);
    removeDir(workspace);
  }
}

function report(outcome: UiTestOutcome): UiTestOutcome {
  const seconds = (outcome.ms / 1000).toFixed(1);
  if (outcome.passed) console.log(`    ✔ ${outcome.title} (${seconds} s)`);
  else console.log(`    ✘ ${outcome.title} (${seconds} s)\n      ${outcome.error}`);
  return outcome;
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 6).join('\n      ') : String(err);
}
