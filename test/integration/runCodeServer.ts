/**
 * `npm run test:integration`: the extension in a real VS Code (code-server 4.99.4 = VS Code
 * 1.99.3, installed offline by scripts/setup-code-server.sh) driven by Debian's Chromium.
 *
 *   (a) suite  the mocha suite (suite/*.test.js) inside the extension host, in VS Code's
 *              development mode (URL payload: extensionDevelopmentPath + extensionTestsPath)
 *   (b) ui     the Playwright UI tests (ui/*.test.js, see uiTest.ts for their contract)
 *   (c) vsix   package the .vsix, install it with `code-server --install-extension` into a
 *              fresh extensions folder, run "Generate Text from Selection" from the palette
 *
 * Prints `N passed, N failed` last and exits non-zero on any failure. Everything it starts
 * is killed on the way out, on failure, on Ctrl+C and on the overall timeout.
 *
 * Environment:
 *   RNN_STUDIO_PHASES=suite,ui,vsix    which phases to run (default: all three)
 *   RNN_STUDIO_TEST_GREP=pattern       only suite tests whose full title matches
 *   RNN_STUDIO_UI_GREP=pattern         only UI tests whose name or title matches
 *   RNN_STUDIO_TEST_TIMEOUT_S=600      overall limit
 *   RNN_STUDIO_EXTENSION_PATH=dir      test another extension folder (default: this repo)
 *   RNN_STUDIO_CACHE=dir               where code-server is installed (~/.cache/rnn-studio)
 *   RNN_STUDIO_HEADED=1                show Chromium (needs a display)
 *   RNN_STUDIO_DEBUG_CLEANUP=1         print each cleanup step
 *
 * Artefacts (test-results/): screenshots, code-server-dev.log, code-server-vsix.log,
 * extension-tests.log (the extension host's console) and extension-tests-logs/ (VS Code's
 * own logs, handed over with the exit code).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { runCleanups } from './cleanup';
import { setupCodeServer, startCodeServer } from './codeServer';
import { runExtensionTests } from './extensionTests';
import { compiledIntegrationDir, extensionRoot, repoRoot, resultsDir } from './paths';
import { GENERATE_COMMAND_TITLE, PANEL, PANEL_TITLE, waitForGeneratedText } from './rnnStudio';
import { runCommand } from './commands';
import { screenshot } from './screenshots';
import type { SuiteResult } from './suite/index';
import { runUiTests } from './uiTest';
import { installVsix, packageVsix } from './vsix';
import { waitForWebviewPanel } from './webview';
import { openFile, openWorkbench, selectAllInEditor, waitForWorkbench } from './workbench';
import { makeTempDir, makeWorkspaceCopy, removeDir } from './workspace';

const tally = { passed: 0, failed: 0, failures: [] as string[] };
const timings: Array<[string, number]> = [];
/** Set by the overall timeout: from then on nothing new starts and results are ignored. */
let aborted = false;

function checkAborted(): void {
  if (aborted) throw new Error('aborted: over the overall time limit');
}

function pass(title: string): void {
  if (aborted) return;
  tally.passed++;
  console.log(`    ✔ ${title}`);
}

function fail(title: string, err: unknown): void {
  if (aborted) return;
  tally.failed++;
  const message = err instanceof Error ? err.message : String(err);
  tally.failures.push(`${title}: ${message.split('\n')[0]}`);
  console.log(`    ✘ ${title}\n      ${message.split('\n').join('\n      ')}`);
}

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  checkAborted();
  const started = Date.now();
  console.log(`\n== ${name}`);
  try {
    return await fn();
  } finally {
    const ms = Date.now() - started;
    timings.push([name, ms]);
    console.log(`   (${name}: ${(ms / 1000).toFixed(1)} s)`);
  }
}

async function main(): Promise<void> {
  const phases = new Set((process.env.RNN_STUDIO_PHASES ?? 'suite,ui,vsix').split(',').map((p) => p.trim()));
  const suiteEntry = path.join(compiledIntegrationDir, 'suite', 'index.js');
  if (!fs.existsSync(suiteEntry)) throw new Error(`${suiteEntry} is missing: run 'npm run compile' first`);
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
    main?: string;
  };
  const extensionId = `${pkg.publisher}.${pkg.name}`;
  if (pkg.main && !fs.existsSync(path.join(extensionRoot, pkg.main))) {
    console.log(`warning: ${pkg.main} does not exist yet (run 'npm run compile'); the extension cannot activate`);
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  // failure screenshots of an earlier run would mislead
  for (const name of fs.readdirSync(resultsDir)) {
    if (/^(ui-.*-failure|extension-tests-timeout|vsix-smoke-failure)\.png$/.test(name)) {
      fs.rmSync(path.join(resultsDir, name), { force: true });
    }
  }
  console.log(`RNN Studio integration tests: ${extensionId} from ${extensionRoot}; artefacts in ${resultsDir}`);

  const bin = await timed('setup code-server', () => setupCodeServer());
  const browser = await timed('launch chromium', () => launchBrowser());

  if (phases.has('suite') || phases.has('ui')) {
    await devModePhases(bin, browser, phases, suiteEntry);
  }
  if (phases.has('vsix')) {
    await timed('(c) packaged .vsix in code-server', () => vsixPhase(bin, browser, extensionId, pkg.version));
  }
}

/** (a) and (b): one code-server, the extension loaded from source (development mode). */
async function devModePhases(bin: string, browser: Browser, phases: Set<string>, suiteEntry: string): Promise<void> {
  const workspace = makeWorkspaceCopy('suite');
  const resultDir = makeTempDir('suite-result');
  const resultFile = path.join(resultDir, 'result.json');
  const server = await timed('start code-server (development mode)', () =>
    startCodeServer({ workspace, bin, env: { RNN_STUDIO_TEST_RESULT: resultFile }, logName: 'code-server-dev' }),
  );
  try {
    if (phases.has('suite')) {
      await timed('(a) mocha suite in the extension host', async () => {
        try {
          const code = await runExtensionTests({
            server,
            browser,
            workspace,
            extensionDevelopmentPath: extensionRoot,
            extensionTestsPath: suiteEntry,
          });
          checkAborted();
          const result = readSuiteResult(resultFile);
          if (result) {
            tally.passed += result.passed;
            tally.failed += result.failed;
            for (const f of result.failures) tally.failures.push(`suite: ${f.title}: ${f.error.split('\n')[0]}`);
            console.log(`    suite: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
            if (code !== 0 && result.failed === 0) fail('suite', new Error(`the extension host exited with code ${code}`));
          } else if (code === 0) {
            fail('suite', new Error('the extension host exited with 0 but the suite wrote no result'));
          } else {
            fail('suite', new Error(`the extension host exited with code ${code} before the suite reported (see test-results/extension-tests.log)`));
          }
        } catch (err) {
          fail('suite', err);
        }
      });
    }
    if (phases.has('ui')) {
      await timed('(b) UI tests (Playwright)', async () => {
        const grep = process.env.RNN_STUDIO_UI_GREP ? new RegExp(process.env.RNN_STUDIO_UI_GREP) : undefined;
        const outcomes = await runUiTests({
          dir: path.join(compiledIntegrationDir, 'ui'),
          sourceDir: path.join(repoRoot, 'test', 'integration', 'ui'),
          server,
          browser,
          extensionDevelopmentPath: extensionRoot,
          grep,
        });
        checkAborted();
        for (const o of outcomes) {
          if (o.passed) tally.passed++;
          else {
            tally.failed++;
            tally.failures.push(`ui: ${o.title}: ${(o.error ?? '').split('\n')[0]}`);
          }
        }
        if (outcomes.length === 0) console.log('    (no UI tests found)');
      });
    }
  } finally {
    await server.stop();
    removeDir(workspace);
    removeDir(resultDir);
  }
}

function readSuiteResult(file: string): SuiteResult | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResult;
  } catch {
    return undefined;
  }
}

/** (c): package, install into a fresh extensions folder, use it like a person would. */
async function vsixPhase(bin: string, browser: Browser, extensionId: string, version: string): Promise<void> {
  const scratch = makeTempDir('vsix');
  const workspace = makeWorkspaceCopy('vsix');
  const extensionsDir = path.join(scratch, 'extensions');
  try {
    const title = `the .vsix packages and installs as ${extensionId}@${version}`;
    try {
      const vsix = await packageVsix(extensionRoot, path.join(scratch, 'rnn-studio.vsix'));
      console.log(`      ${vsix}: ${(fs.statSync(vsix).size / 1e6).toFixed(1)} MB`);
      const listed = await installVsix(bin, vsix, extensionsDir);
      if (!listed.includes(`${extensionId}@${version}`)) {
        throw new Error(`--list-extensions shows ${JSON.stringify(listed)}`);
      }
      pass(title);
    } catch (err) {
      fail(title, err);
      return;
    }
    checkAborted();

    const smoke = `installed extension: F1 "${GENERATE_COMMAND_TITLE}" opens the "${PANEL_TITLE}" panel, which trains and generates`;
    const server = await startCodeServer({ workspace, bin, extensionsDir, logName: 'code-server-vsix' });
    const { context, page } = await openWorkbench(browser, server, workspace, { waitUntilReady: false });
    try {
      await waitForWorkbench(page);
      await openFile(page, 'tutorial-sentences.txt');
      await selectAllInEditor(page);
      await runCommand(page, GENERATE_COMMAND_TITLE, 60_000);
      const panel = await waitForWebviewPanel(page, PANEL_TITLE, { timeoutMs: 60_000 });
      await panel.locator(PANEL.lossChart).waitFor({ state: 'attached', timeout: 60_000 });
      console.log(`      generated: ${JSON.stringify(await waitForGeneratedText(panel))}`);
      console.log(`      screenshot: ${await screenshot(page, 'vsix-smoke')}`);
      pass(smoke);
    } catch (err) {
      await screenshot(page, 'vsix-smoke-failure').catch(() => undefined);
      fail(smoke, err);
    } finally {
      await context.close().catch(() => undefined);
      await server.stop();
    }
  } finally {
    removeDir(workspace);
    removeDir(scratch);
  }
}

async function entry(): Promise<void> {
  const started = Date.now();
  const limitS = Number(process.env.RNN_STUDIO_TEST_TIMEOUT_S ?? 600);
  const watchdog = setTimeout(() => {
    console.error(`\nintegration tests: over the overall limit of ${limitS} s; stopping everything`);
    tally.failed++;
    tally.failures.push(`overall timeout (${limitS} s): raise RNN_STUDIO_TEST_TIMEOUT_S if the machine is slow`);
    aborted = true;
    // runCleanups kills the process groups first; exit even if a close hangs
    setTimeout(() => finish(started), 15_000).unref();
    void runCleanups().finally(() => finish(started));
  }, limitS * 1000);
  try {
    await main();
  } catch (err) {
    fail('integration run', err);
  } finally {
    clearTimeout(watchdog);
    await runCleanups();
  }
  finish(started);
}

let finished = false;

function finish(started: number): void {
  if (finished) return;
  finished = true;
  console.log('\n== timings');
  for (const [name, ms] of timings) console.log(`   ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
  console.log(`   ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  total`);
  if (tally.failures.length) {
    console.log('\n== failures');
    for (const f of tally.failures) console.log(`   - ${f}`);
  }
  if (tally.passed + tally.failed === 0) {
    tally.failed++;
    console.log('\nno tests ran');
  }
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed > 0 ? 1 : 0);
}

void entry();
