/**
 * Runs the mocha suite (suite/index.js) inside a real VS Code: the workbench is opened in
 * development mode with `extensionTestsPath` in the URL payload, the remote extension host
 * loads the extension and calls the suite's `run()`, and the workbench reports the exit
 * code through `window.codeAutomationExit(code, logs)`, which we expose from Node.
 * The extension host's console (mocha's reporter) arrives through `codeAutomationLog`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Browser } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { screenshot } from './screenshots';
import { resultsDir } from './paths';
import { developmentPayload, openWorkbench } from './workbench';

export interface ExtensionTestsOptions {
  server: CodeServer;
  browser: Browser;
  /** The folder the Extension Development Host opens. */
  workspace: string;
  extensionDevelopmentPath: string;
  /** The compiled mocha entry, e.g. out/test/integration/suite/index.js. */
  extensionTestsPath: string;
  /** Default 4 minutes. */
  timeoutMs?: number;
  /** Receives each line the workbench and extension host log (default: printed indented,
   * minus the workbench's routine connection chatter; everything goes to logFile too). */
  onLog?: (line: string) => void;
  /** Default test-results/extension-tests.log. */
  logFile?: string;
}

/** Resolves with the extension host's exit code (0: every test passed). */
export async function runExtensionTests(options: ExtensionTestsOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 4 * 60_000;
  const logFile = options.logFile ?? path.join(resultsDir, 'extension-tests.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  const print = options.onLog ?? ((line: string) => isNoise(line) || console.log(`    ${line}`));
  const onLog = (line: string) => {
    fs.appendFileSync(logFile, `${line}\n`);
    print(line);
  };
  let reportExit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (reportExit = resolve));

  const { context, page } = await openWorkbench(options.browser, options.server, options.workspace, {
    payload: developmentPayload(options.server, options.extensionDevelopmentPath, options.extensionTestsPath),
    waitUntilReady: false,
    beforeLoad: async (ctx) => {
      await ctx.exposeFunction('codeAutomationExit', (code: number, logs?: unknown) => {
        saveLogs(logs);
        reportExit(typeof code === 'number' ? code : 1);
      });
      await ctx.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
        for (const line of formatLog(args).split('\n')) onLog(line);
      });
    },
  });
  page.on('pageerror', (err) => onLog(`[page error] ${err.message}`));
  page.on('crash', () => reportExit(1));

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const outcome = await Promise.race([exited, timedOut]);
    if (outcome === 'timeout') {
      const shot = await screenshot(page, 'extension-tests-timeout').catch(() => '(no screenshot)');
      throw new Error(
        `the extension tests did not finish within ${timeoutMs / 1000} s ` +
          `(VS Code never called codeAutomationExit). Screenshot: ${shot}; server log: ${options.server.logFile}`,
      );
    }
    return outcome;
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}

/** codeAutomationLog gets a console call's arguments: a format string and its values. */
function formatLog(args: unknown): string {
  const parts: unknown[] = Array.isArray(args) ? args : [args];
  return format(...parts).trimEnd();
}

/** The workbench's routine startup messages (and the offline gallery lookup). */
const NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^ChatSessionStore:/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /ENOTFOUND open-vsx\.org/,
  /^\s+at (async )?\S+ \(http:\/\/127\.0\.0\.1:\d+\/stable-/,
  /^\[lifecycle\] Long running operations during shutdown/,
];

function isNoise(line: string): boolean {
  return NOISE.some((re) => re.test(line));
}

/** VS Code hands its log files over with the exit code: keep them for debugging. */
function saveLogs(logs: unknown): void {
  if (!Array.isArray(logs)) return;
  const dir = path.join(resultsDir, 'extension-tests-logs');
  fs.rmSync(dir, { recursive: true, force: true });
  for (const entry of logs as Array<{ relativePath?: unknown; contents?: unknown }>) {
    if (typeof entry?.relativePath !== 'string' || typeof entry.contents !== 'string') continue;
    const file = path.join(dir, path.normalize(entry.relativePath).replace(/^(\.\.[/\\])+/, ''));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entry.contents);
  }
}
