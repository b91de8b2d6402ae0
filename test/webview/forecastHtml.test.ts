/** The forecast panel's HTML: the same strict CSP and head as the text panel, and every id its webview needs. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { contentSecurityPolicy, renderForecastPanelHtml, renderPanelHtml } from '../../src/webviewHtml';
import { REPO_ROOT } from './fixturePage';

const OPTS = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123+/=',
  scriptUri: 'https://x/dist/forecastWebview.js',
  styleUri: 'https://x/media/panel.css',
  forecastStyleUri: 'https://x/media/forecast.css',
  codiconsUri: 'https://x/dist/codicons/codicon.css',
};

test('the same CSP and head as the text panel; one nonce\'d script; no inline script or style', () => {
  const html = renderForecastPanelHtml(OPTS);
  const csp = contentSecurityPolicy(OPTS.cspSource, OPTS.nonce);
  assert.ok(html.includes(`content="${csp}"`));
  assert.doesNotMatch(html, /unsafe-(inline|eval)/);
  const head = (h: string) => h.slice(0, h.indexOf('<title>')).replace(/<link rel="stylesheet" href="https:\/\/x\/media\/forecast\.css"[^>]*>\s*/, '');
  assert.equal(head(html), head(renderPanelHtml({ ...OPTS, scriptUri: OPTS.scriptUri })));
  assert.deepEqual(html.match(/<script\b[^>]*>/g), [`<script nonce="${OPTS.nonce}" src="${OPTS.scriptUri}">`]);
  assert.doesNotMatch(html, /\sstyle=/);
  assert.doesNotMatch(html, /<style/);
  for (const uri of [OPTS.styleUri, OPTS.forecastStyleUri]) assert.ok(html.includes(`<link rel="stylesheet" href="${uri}" nonce="${OPTS.nonce}">`));
  assert.ok(html.includes('<title>RNN Studio — Forecast</title>'));
});

test('every id the forecast webview looks up is in the page, once', () => {
  const html = renderForecastPanelHtml(OPTS);
  const ids = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.set(m[1], (ids.get(m[1]) ?? 0) + 1);
  for (const [id, n] of ids) assert.equal(n, 1, `#${id} is unique`);
  const wanted = new Set<string>();
  const files = [
    ...readdirSync(path.join(REPO_ROOT, 'webview', 'forecast')).filter((f) => f.endsWith('.ts')).map((f) => path.join('webview', 'forecast', f)),
    'webview/shared/header.ts',
    'webview/shared/errorBanner.ts',
  ];
  for (const file of files) {
    const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    for (const m of source.matchAll(/byId(?:<[^>]+>)?\('([^']+)'\)/g)) wanted.add(m[1]);
  }
  const required = ['source', 'backend', 'ingest-summary', 'warnings', 'ingest-progress', 'cancel', 'loss-chart', 'epoch', 'elapsed', 'remaining',
    'series-chart', 'heldout-chart', 'forecast-chart', 'metrics-table', 'leaderboard', 'leaderboard-chart', 'export-csv', 'export-svg', 'export-png',
    'save-model', 'error', 'run'];
  for (const id of [...wanted, ...required]) assert.ok(ids.has(id), `#${id} in the page`);
});
