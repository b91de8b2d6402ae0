/**
 * The page shell of both RNN Studio panels: the head (CSP, stylesheets, title), an empty
 * #root and the one nonce'd script. Each panel's bundle builds its own markup into #root
 * (webview/text/markup.ts, webview/forecast/markup.ts). The extension host
 * (src/extension/studioPanel.ts) and the webview tests (test/webview/) serve exactly this page.
 *
 * Content Security Policy: nothing but the nonce'd bundle runs, no eval (Vega runs with its
 * expression interpreter, `ast: true`), and styles come only from the extension's files.
 * No 'unsafe-inline' is needed for styles either: vega-embed and vega-tooltip are told not
 * to inject their <style> elements (panel.css carries their rules), Vega and the
 * @vscode-elements components set styles through the CSSOM (element.style, constructable
 * stylesheets), which CSP does not restrict, and no markup of the panels has a style attribute.
 */
import { escapeHtml } from '../core/escapeHtml';

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin the panel's files are served from. */
  cspSource: string;
  /** A fresh random value per page load (base64 or hex). */
  nonce: string;
  /** dist/webview.js or dist/forecastWebview.js */
  scriptUri: string;
  /** media/panel.css */
  styleUri: string;
  /** Stylesheets after panel.css, e.g. media/forecast.css. */
  extraStyleUris?: readonly string[];
  /** dist/codicons/codicon.css */
  codiconsUri: string;
  /** The page's title; the panel's header shows it too. */
  title?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ') + ';';
}

/** The shell: the CSP, the stylesheets (codicons first), the title, #root and the script. Every input is escaped. */
export function renderPanelHtml(opts: PanelHtmlOptions): string {
  const nonce = escapeHtml(opts.nonce);
  const csp = escapeHtml(contentSecurityPolicy(opts.cspSource, opts.nonce));
  const styles = [opts.styleUri, ...(opts.extraStyleUris ?? [])]
    .map((uri) => `\n  <link rel="stylesheet" href="${escapeHtml(uri)}" nonce="${nonce}">`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeHtml(opts.codiconsUri)}" id="vscode-codicon-stylesheet" nonce="${nonce}">${styles}
  <title>${escapeHtml(opts.title ?? 'RNN Studio')}</title>
</head>
<body>
  <div id="root"></div>
  <script nonce="${nonce}" src="${escapeHtml(opts.scriptUri)}"></script>
</body>
</html>
`;
}
