/**
 * VS Code's theme as the chart needs it: colours and font read from the --vscode-* CSS
 * variables VS Code sets on the page, and a watch on the body's theme class
 * (vscode-light / vscode-dark / vscode-high-contrast / vscode-high-contrast-light).
 */

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface ChartTheme {
  kind: ThemeKind;
  background: string;
  foreground: string;
  muted: string;
  line: string;
  grid: string;
  font: string;
  fontSize: number;
}

export function themeKind(body: HTMLElement = document.body): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

/** Fallbacks for a page outside VS Code (no variables set). */
const FALLBACK: Record<ThemeKind, Omit<ChartTheme, 'kind' | 'font' | 'fontSize'>> = {
  dark: { background: '#1f1f1f', foreground: '#cccccc', muted: '#9d9d9d', line: '#3794ff', grid: '#3c3c3c' },
  light: { background: '#ffffff', foreground: '#3b3b3b', muted: '#717171', line: '#1a85ff', grid: '#e5e5e5' },
  'high-contrast': { background: '#000000', foreground: '#ffffff', muted: '#ffffff', line: '#3794ff', grid: '#6fc3df' },
  'high-contrast-light': { background: '#ffffff', foreground: '#292929', muted: '#292929', line: '#0f4a85', grid: '#0f4a85' },
};

export function readChartTheme(): ChartTheme {
  const kind = themeKind();
  const style = getComputedStyle(document.body);
  const v = (name: string) => style.getPropertyValue(name).trim();
  const first = (...values: string[]) => values.find((x) => x !== '');
  const fb = FALLBACK[kind];
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const fontSize = Number.parseFloat(v('--vscode-font-size'));
  return {
    kind,
    background: first(v('--vscode-editor-background')) ?? fb.background,
    foreground: first(v('--vscode-foreground'), v('--vscode-editor-foreground')) ?? fb.foreground,
    muted: first(v('--vscode-descriptionForeground'), v('--vscode-foreground')) ?? fb.muted,
    line: first(v('--vscode-charts-blue'), v('--vscode-focusBorder')) ?? fb.line,
    grid:
      (highContrast
        ? first(v('--vscode-contrastBorder'))
        : first(v('--vscode-editorWidget-border'), v('--vscode-widget-border'), v('--vscode-panel-border'))) ?? fb.grid,
    font: first(v('--vscode-font-family'), style.fontFamily) ?? 'sans-serif',
    fontSize: Number.isFinite(fontSize) && fontSize > 0 ? fontSize : 13,
  };
}

/**
 * Calls `onChange` with the new theme whenever VS Code switches theme: it changes the body's
 * class and data-vscode-theme-* attributes and the variables in the html element's style.
 * Only a change that alters what the chart uses (what `read` returns) is reported.
 */
export function watchChartTheme<T = ChartTheme>(
  onChange: (theme: T) => void,
  read: () => T = readChartTheme as () => T,
): () => void {
  let current = JSON.stringify(read());
  const observer = new MutationObserver(() => {
    const theme = read();
    const json = JSON.stringify(theme);
    if (json !== current) {
      current = json;
      onChange(theme);
    }
  });
  observer.observe(document.body, {
    attributes: true,
    attributeFilter: ['class', 'data-vscode-theme-id', 'data-vscode-theme-name', 'data-vscode-theme-kind'],
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
