/**
 * Drives the panel in headless Debian Chromium (playwright-core): serves the fixture page,
 * injects the fake VS Code API, plays the host (the same PanelSession the extension's panel
 * runs: it keeps the panel's state from the messages sent, and answers each 'ready' with a
 * snapshot), sends host messages with window.postMessage, and reads back what the panel
 * posted, CSP violations and console errors.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FORECAST_PROTOCOL, parseForecastPanelMessage } from '../../src/protocol/forecast';
import { PanelSession } from '../../src/protocol/panelSession';
import { parseTextPanelMessage, TEXT_PROTOCOL } from '../../src/protocol/text';
import type {} from '../../webview/shared/panelHandle'; // window.rnnStudio (a global augmentation)
import { fakeVsCodeInit, type CspViolation, type PostedMessage } from './fakeVsCode';
import { REPO_ROOT, startFixtureServer, type FixtureServer } from './fixturePage';
import { THEMES, type ThemeName } from './themes';

export const CHROMIUM_PATH = process.env.RNN_STUDIO_CHROMIUM ?? '/usr/bin/chromium';

export function assertBuilt(): void {
  for (const file of ['dist/webview.js', 'dist/forecastWebview.js', 'dist/codicons/codicon.css', 'media/panel.css', 'media/forecast.css']) {
    if (!existsSync(path.join(REPO_ROOT, file))) {
      throw new Error(`${file} is missing: build first (node esbuild.mjs)`);
    }
  }
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface OpenOptions {
  theme?: ThemeName;
  /** What VS Code restores the panel with after a reload: the page's getState, and the host's state (seeded from it as the extension does). */
  initialState?: unknown;
  width?: number;
  height?: number;
  page?: 'text' | 'forecast';
}

/**
 * The hooks of a file of panel tests: one browser and fixture server for the file; after each
 * test, every panel it opened is checked for Content Security Policy violations, uncaught
 * errors and console errors or warnings, then closed. `open` opens a panel for the running
 * test (`defaults`, then its own options).
 */
export function checkedPanels(defaults: OpenOptions = {}): { open: (options?: OpenOptions) => Promise<Panel>; harness: () => Harness } {
  let harness: Harness | undefined;
  let opened: Panel[] = [];
  before(async () => {
    harness = await Harness.start();
  });
  after(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    const panels = opened;
    opened = [];
    try {
      for (const p of panels) {
        assert.deepEqual(await p.cspViolations(), [], 'no Content Security Policy violation');
        assert.deepEqual(p.pageErrors, [], 'no uncaught error in the page');
        assert.deepEqual(p.consoleErrors, [], 'no console error or warning');
      }
    } finally {
      for (const p of panels) await p.close();
    }
  });
  const started = () => {
    if (!harness) throw new Error('the harness starts in before()');
    return harness;
  };
  return {
    harness: started,
    open: async (options = {}) => {
      const panel = await started().open({ ...defaults, ...options });
      opened.push(panel);
      return panel;
    },
  };
}

export class Harness {
  private constructor(
    private browser: Browser,
    readonly server: FixtureServer,
  ) {}

  static async start(): Promise<Harness> {
    assertBuilt();
    return new Harness(await launch(), await startFixtureServer());
  }

  /** Opens a panel: the text panel, or with `page: 'forecast'` the forecast panel. */
  async open(options: OpenOptions = {}): Promise<Panel> {
    const theme = THEMES[options.theme ?? 'dark'];
    // One test's crashed browser (e.g. out of memory on a busy machine) must not fail the next.
    if (!this.browser.isConnected()) this.browser = await launch();
    const context = await this.browser.newContext({
      viewport: { width: options.width ?? 1100, height: options.height ?? 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const panel = new Panel(page, FakeHost.of(options.page ?? 'text', options.initialState));
    await page.addInitScript(fakeVsCodeInit, {
      vars: theme.vars,
      bodyClass: theme.bodyClass,
      initialState: options.initialState,
    });
    await panel.load(`${this.server.origin}/${options.page === 'forecast' ? 'forecast' : ''}`);
    return panel;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}

/** The extension's side of a panel: its session, and what of the panel's posts it has read. */
export class FakeHost {
  read = 0;
  private constructor(
    readonly session: PanelSession<{ type: string }, { type: string }, unknown>,
    /** A host message as the panel's protocol reads it (undefined: malformed). */
    readonly parse: (data: unknown) => { type: string } | undefined,
  ) {}

  static of(page: 'text' | 'forecast', saved: unknown): FakeHost {
    return page === 'forecast'
      ? new FakeHost(new PanelSession(FORECAST_PROTOCOL, saved), parseForecastPanelMessage)
      : new FakeHost(new PanelSession(TEXT_PROTOCOL, saved), parseTextPanelMessage);
  }
}

type WebviewMessage = PostedMessage;

export class Panel {
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];

  constructor(
    readonly page: Page,
    readonly host: FakeHost,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') this.consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
  }

  /** Loads the page, waits until the panel has said 'ready', and answers with the host's snapshot. */
  async load(url: string): Promise<void> {
    await this.page.goto(url);
    await this.ready();
  }

  /** Reloads the page (as a hidden panel shown again): it says 'ready' and gets the host's snapshot. */
  async reload(): Promise<void> {
    await this.readPosted();
    await this.page.reload();
    await this.ready();
  }

  private async ready(): Promise<void> {
    this.host.read = 0;
    // `?.`: polled while the document loads, it may run before the fake's init script has.
    await this.page.waitForFunction(() => window.__posted?.some((m) => m.type === 'ready'));
    await this.readPosted();
    await this.deliver([this.host.session.snapshot()]);
  }

  /** The host reads what the panel posted since it last looked (its Cancel changes the host's state). */
  private async readPosted(): Promise<void> {
    const posted = await this.posted();
    for (const message of posted.slice(this.host.read)) this.host.session.receive(message);
    this.host.read = posted.length;
  }

  /** Posts messages to the panel as the host does (the well-formed ones also enter the host's state), and waits until the panel handled them. */
  async send(...messages: unknown[]): Promise<void> {
    await this.readPosted();
    for (const message of messages) {
      const parsed = this.host.parse(message);
      if (parsed && parsed.type !== 'snapshot') this.host.session.post(parsed);
    }
    await this.deliver(messages);
  }

  private async deliver(messages: unknown[]): Promise<void> {
    await this.page.evaluate(async (list: unknown[]) => {
      for (const message of list) {
        await new Promise<void>((resolve) => {
          // Registered after the panel's listener: runs once the panel has handled it.
          window.addEventListener('message', () => setTimeout(resolve, 0), { once: true });
          window.postMessage(message, '*');
        });
      }
      if (!window.rnnStudio) throw new Error('the panel exposes no window.rnnStudio');
      await window.rnnStudio.chartSettled();
    }, messages);
  }

  async chartSettled(): Promise<void> {
    await this.page.evaluate(async () => {
      if (!window.rnnStudio) throw new Error('the panel exposes no window.rnnStudio');
      await window.rnnStudio.chartSettled();
    });
  }

  posted(): Promise<WebviewMessage[]> {
    return this.page.evaluate((): WebviewMessage[] => window.__posted);
  }

  async clearPosted(): Promise<void> {
    await this.readPosted();
    await this.page.evaluate(() => {
      window.__posted.length = 0;
    });
    this.host.read = 0;
  }

  cspViolations(): Promise<CspViolation[]> {
    return this.page.evaluate((): CspViolation[] => window.__cspViolations);
  }

  savedState(): Promise<unknown> {
    return this.page.evaluate((): unknown => {
      const saved = window.sessionStorage.getItem('__fakeVsCodeState');
      return saved === null ? undefined : (JSON.parse(saved) as unknown);
    });
  }

  embedCount(): Promise<number> {
    return this.page.evaluate((): number => {
      if (!window.rnnStudio) throw new Error('the panel exposes no window.rnnStudio');
      return window.rnnStudio.embedCount();
    });
  }

  /** Number of point marks (one per loss point) and line paths in the chart's SVG. */
  chartMarks(): Promise<{ symbols: number; lines: number; svgs: number }> {
    return this.page.evaluate((): { symbols: number; lines: number; svgs: number } => {
      const svg = window.document.querySelectorAll('#loss-chart svg');
      return {
        symbols: window.document.querySelectorAll('#loss-chart svg .mark-symbol.role-mark path').length,
        lines: window.document.querySelectorAll('#loss-chart svg .mark-line path').length,
        svgs: svg.length,
      };
    });
  }

  async applyTheme(name: ThemeName): Promise<void> {
    const theme = THEMES[name];
    await this.page.evaluate(({ vars, cls }: { vars: Record<string, string>; cls: string }) => window.__applyTheme(vars, cls), {
      vars: theme.vars,
      cls: theme.bodyClass,
    });
    await this.page.waitForTimeout(30); // the MutationObserver's callback
    await this.chartSettled();
  }

  text(selector: string): Promise<string> {
    return this.page.locator(selector).evaluate((el: Element) => el.textContent ?? '');
  }

  isDisabled(selector: string): Promise<boolean> {
    return this.page.locator(selector).evaluate((el: Element) => 'disabled' in el && Boolean(el.disabled));
  }

  isHidden(selector: string): Promise<boolean> {
    return this.page.locator(selector).evaluate((el: HTMLElement | SVGElement, sel: string) => {
      if (!(el instanceof HTMLElement)) throw new Error(`${sel} is not an HTML element`);
      return el.hidden;
    }, selector);
  }

  /** Types into the native input inside a vscode-textfield. */
  async fill(id: string, value: string): Promise<void> {
    await this.page.locator(`#${id} input`).fill(value);
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}
