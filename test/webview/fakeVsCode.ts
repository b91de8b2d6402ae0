/**
 * What VS Code provides inside a webview, faked for the tests: `acquireVsCodeApi` (posted
 * messages recorded in `window.__posted`, state kept in sessionStorage so it survives a
 * reload, JSON-serialized like VS Code does), the theme (variables on <html> through the
 * CSSOM and a class on <body>, as VS Code applies them) and a record of CSP violations.
 * `fakeVsCodeInit` runs in the page (page.addInitScript) before the panel's script.
 */

export interface FakeVsCodeOptions {
  vars: Record<string, string>;
  bodyClass: string;
  /** State `getState` returns on the first load (later loads: what the page last set). */
  initialState?: unknown;
}

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

/** A message the panel posted, as the fake VS Code API recorded it (JSON round-tripped). */
export type PostedMessage = { type: string } & Record<string, unknown>;

/** The fake of what `acquireVsCodeApi` returns. */
export interface FakeVsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): unknown;
}

declare global {
  /** What fakeVsCodeInit adds to the page's window (and what the tests read back). */
  interface Window {
    __posted: PostedMessage[];
    __cspViolations: CspViolation[];
    __stateWrites: number;
    __acquireCalls: number;
    __applyTheme(vars: Record<string, string>, cls: string): void;
    /** A node a test tagged, to check later that it is still the same node. */
    __svg?: Element | null;
  }
}

/** Runs in the browser: everything it uses must be defined inside it. */
export function fakeVsCodeInit(options: FakeVsCodeOptions): void {
  const w = window;
  const doc = w.document;
  const STATE_KEY = '__fakeVsCodeState';
  const SEEDED_KEY = '__fakeVsCodeSeeded';
  w.__posted = [];
  w.__cspViolations = [];
  w.__stateWrites = 0;
  w.__acquireCalls = 0;
  doc.addEventListener('securitypolicyviolation', (e) => {
    w.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
  if (w.sessionStorage.getItem(SEEDED_KEY) === null) {
    w.sessionStorage.setItem(SEEDED_KEY, '1');
    if (options.initialState !== undefined) {
      w.sessionStorage.setItem(STATE_KEY, JSON.stringify(options.initialState));
    }
  }
  const acquireVsCodeApi = (): FakeVsCodeApi => {
    w.__acquireCalls += 1;
    if (w.__acquireCalls > 1) throw new Error('An instance of the VS Code API has already been acquired');
    return Object.freeze({
      postMessage: (message: unknown) => {
        w.__posted.push(JSON.parse(JSON.stringify(message)) as PostedMessage);
      },
      getState: (): unknown => {
        const saved = w.sessionStorage.getItem(STATE_KEY);
        return saved === null ? undefined : (JSON.parse(saved) as unknown);
      },
      setState: (state: unknown) => {
        w.__stateWrites += 1;
        w.sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
        return state;
      },
    });
  };
  Object.assign(w, { acquireVsCodeApi });

  let applied: string[] = [];
  let bodyClass = options.bodyClass;
  w.__applyTheme = (vars: Record<string, string>, cls: string) => {
    const html = doc.documentElement;
    for (const name of applied) html.style.removeProperty(name);
    for (const [name, value] of Object.entries(vars)) html.style.setProperty(name, value);
    applied = Object.keys(vars);
    bodyClass = cls;
    // <body> is null until the parser reaches it (the DOM library types it as always there).
    const body = doc.body as HTMLElement | null;
    if (body) {
      body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light');
      body.classList.add(cls);
      body.dataset.vscodeThemeKind = cls;
    }
  };
  // <html> and <body> do not exist yet: apply the theme as soon as each does.
  const whenReady = () => {
    const html = doc.documentElement as HTMLElement | null;
    const body = doc.body as HTMLElement | null;
    if (html && applied.length === 0) w.__applyTheme(options.vars, bodyClass);
    if (body && !body.classList.contains(bodyClass)) {
      w.__applyTheme(options.vars, bodyClass);
      return true;
    }
    return Boolean(body);
  };
  if (!whenReady()) {
    const observer = new w.MutationObserver(() => {
      if (whenReady()) observer.disconnect();
    });
    observer.observe(doc, { childList: true, subtree: true });
  }
}
