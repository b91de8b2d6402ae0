/** The page shell both panels share: strict CSP, nonce'd script, escaped inputs, an empty root. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, renderPanelHtml } from '../../src/extension/panelHtml';

const OPTS = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123+/=',
  scriptUri: 'https://x/dist/webview.js',
  styleUri: 'https://x/media/panel.css',
  codiconsUri: 'https://x/dist/codicons/codicon.css',
};
const FORECAST_OPTS = {
  ...OPTS,
  scriptUri: 'https://x/dist/forecastWebview.js',
  extraStyleUris: ['https://x/media/forecast.css'],
  title: 'RNN Studio — Forecast',
};

test('the CSP is the strict one', () => {
  assert.equal(
    contentSecurityPolicy(OPTS.cspSource, 'N'),
    `default-src 'none'; img-src ${OPTS.cspSource} data:; style-src ${OPTS.cspSource} 'nonce-N'; ` +
      `font-src ${OPTS.cspSource}; script-src 'nonce-N';`,
  );
  for (const html of [renderPanelHtml(OPTS), renderPanelHtml(FORECAST_OPTS)]) {
    assert.ok(html.includes(`content="${contentSecurityPolicy(OPTS.cspSource, OPTS.nonce)}"`));
    assert.doesNotMatch(html, /unsafe-(inline|eval)/);
  }
});

test('one script, with the nonce; no inline script, no style attribute, no inline style', () => {
  for (const [opts, html] of [OPTS, FORECAST_OPTS].map((o) => [o, renderPanelHtml(o)] as const)) {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${opts.nonce}" src="${opts.scriptUri}">`]);
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /<style/);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.ok(html.includes(`<link rel="stylesheet" href="${opts.codiconsUri}" id="vscode-codicon-stylesheet" nonce="${opts.nonce}">`));
    assert.ok(html.includes(`<link rel="stylesheet" href="${opts.styleUri}" nonce="${opts.nonce}">`));
  }
});

test('the body is an empty root and the script: each panel builds its own markup', () => {
  const body = (h: string) => h.slice(h.indexOf('<body>'), h.indexOf('</body>'));
  assert.equal(body(renderPanelHtml(OPTS)), `<body>\n  <div id="root"></div>\n  <script nonce="${OPTS.nonce}" src="${OPTS.scriptUri}"></script>\n`);
  assert.equal(body(renderPanelHtml(FORECAST_OPTS)), body(renderPanelHtml(OPTS)).replace(OPTS.scriptUri, FORECAST_OPTS.scriptUri));
});

test('the forecast panel has the same head, plus forecast.css after panel.css, and its title', () => {
  const html = renderPanelHtml(FORECAST_OPTS);
  const forecastCss = `\n  <link rel="stylesheet" href="${FORECAST_OPTS.extraStyleUris[0]}" nonce="${OPTS.nonce}">`;
  assert.ok(html.includes(`<link rel="stylesheet" href="${OPTS.styleUri}" nonce="${OPTS.nonce}">${forecastCss}`));
  const head = (h: string) => h.slice(0, h.indexOf('<title>'));
  assert.equal(head(html).replace(forecastCss, ''), head(renderPanelHtml(OPTS)));
  assert.ok(html.includes('<title>RNN Studio — Forecast</title>'));
  assert.ok(renderPanelHtml(OPTS).includes('<title>RNN Studio</title>'));
});

test('the title and URIs are escaped', () => {
  const html = renderPanelHtml({ ...OPTS, title: '<b>"x"</b>', scriptUri: 'https://x/a.js?"><script>' });
  assert.ok(html.includes('<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>'));
  assert.doesNotMatch(html, /<b>"x"<\/b>/);
  assert.ok(html.includes('src="https://x/a.js?&quot;&gt;&lt;script&gt;"'));
});
