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

/** Runs in the browser: everything it uses must be defined inside it. */
export function fakeVsCodeInit(options: FakeVsCodeOptions): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const w = globalThis as any;
  const doc = w.document;
  const STATE_KEY = '__fakeVsCodeState';
  const SEEDED_KEY = '__fakeVsCodeSeeded';
  w.__posted = [];
  w.__cspViolations = [];
  w.__stateWrites = 0;
  w.__acquireCalls = 0;
  doc.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string; sample: string }) => {
    w.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
  if (w.sessionStorage.getItem(SEEDED_KEY) === null) {
    w.sessionStorage.setItem(SEEDED_KEY, '1');
    if (options.initialState !== undefined) {
      w.sessionStorage.setItem(STATE_KEY, JSON.stringify(options.initialState));
    }
  }
  w.acquireVsCodeApi = () => {
    w.__acquireCalls += 1;
    if (w.__acquireCalls > 1) throw new Error('An instance of the VS Code API has already been acquired');
    return Object.freeze({
      postMessage: (message: unknown) => {
        w.__posted.push(JSON.parse(JSON.stringify(message)));
      },
      getState: () => {
        const saved = w.sessionStorage.getItem(STATE_KEY);
        return saved === null ? undefined : JSON.parse(saved);
      },
      setState: (state: unknown) => {
        w.__stateWrites += 1;
        w.sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
        return state;
      },
    });
  };

  let applied: string[] = [];
  let bodyClass = options.bodyClass;
  w.__applyTheme = (vars: Record<string, string>, cls: string) => {
    const html = doc.documentElement;
    for (const name of applied) html.style.removeProperty(name);
    for (const [name, value] of Object.entries(vars)) html.style.setProperty(name, value);
    applied = Object.keys(vars);
    bodyClass = cls;
    if (doc.body) {
      doc.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light');
      doc.body.classList.add(cls);
      doc.body.dataset.vscodeThemeKind = cls;
    }
  };
  // <html> and <body> do not exist yet: apply the theme as soon as each does.
  const whenReady = () => {
    if (doc.documentElement && applied.length === 0) w.__applyTheme(options.vars, bodyClass);
    if (doc.body && !doc.body.classList.contains(bodyClass)) {
      w.__applyTheme(options.vars, bodyClass);
      return true;
    }
    return Boolean(doc.body);
  };
  if (!whenReady()) {
    const observer = new w.MutationObserver(() => {
      if (whenReady()) observer.disconnect();
    });
    observer.observe(doc, { childList: true, subtree: true });
  }
}
