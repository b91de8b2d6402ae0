/** The panel's HTML: strict CSP, nonce'd script, escaped inputs, every id the webview needs. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { contentSecurityPolicy, renderPanelHtml } from '../../src/webviewHtml';
import { REPO_ROOT } from './fixturePage';

const OPTS = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123+/=',
  scriptUri: 'https://x/dist/webview.js',
  styleUri: 'https://x/media/panel.css',
  codiconsUri: 'https://x/dist/codicons/codicon.css',
};

test('the CSP is the strict one', () => {
  assert.equal(
    contentSecurityPolicy(OPTS.cspSource, 'N'),
    `default-src 'none'; img-src ${OPTS.cspSource} data:; style-src ${OPTS.cspSource} 'nonce-N'; ` +
      `font-src ${OPTS.cspSource}; script-src 'nonce-N';`,
  );
  const html = renderPanelHtml(OPTS);
  assert.ok(html.includes(`content="default-src 'none'; img-src ${OPTS.cspSource} data:;`));
  assert.doesNotMatch(html, /unsafe-(inline|eval)/);
});

test('one script, with the nonce; no inline script, no style attribute, no inline style', () => {
  const html = renderPanelHtml(OPTS);
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.deepEqual(scripts, [`<script nonce="${OPTS.nonce}" src="${OPTS.scriptUri}">`]);
  assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/);
  assert.doesNotMatch(html, /\sstyle=/);
  assert.doesNotMatch(html, /<style/);
  assert.ok(html.includes(`<link rel="stylesheet" href="${OPTS.codiconsUri}" id="vscode-codicon-stylesheet"`));
  assert.ok(html.includes(`<link rel="stylesheet" href="${OPTS.styleUri}"`));
});

test('the title and URIs are escaped', () => {
  const html = renderPanelHtml({ ...OPTS, title: '<b>"x"</b>', scriptUri: 'https://x/a.js?"><script>' });
  assert.ok(html.includes('<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>'));
  assert.doesNotMatch(html, /<b>"x"<\/b>/);
  assert.ok(html.includes('src="https://x/a.js?&quot;&gt;&lt;script&gt;"'));
});

test('every id the webview looks up is in the page, once', () => {
  const html = renderPanelHtml(OPTS);
  const ids = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.set(m[1], (ids.get(m[1]) ?? 0) + 1);
  for (const [id, n] of ids) assert.equal(n, 1, `#${id} is unique`);
  const wanted = new Set<string>();
  const files = ['text', 'shared'].flatMap((dir) =>
    readdirSync(path.join(REPO_ROOT, 'webview', dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(REPO_ROOT, 'webview', dir, f)),
  );
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/byId(?:<[^>]+>)?\('([^']+)'\)/g)) wanted.add(m[1]);
  }
  const required = ['backend', 'epoch', 'elapsed', 'remaining', 'cancel', 'loss-chart', 'training-form', 'train', 'generate',
    'save-model', 'generated', 'insert', 'replace', 'copy', 'open-editor', 'error'];
  for (const id of [...wanted, ...required]) assert.ok(ids.has(id), `#${id} in the page`);
  for (const id of ['cell', 'hidden-size', 'layers', 'epochs', 'learning-rate', 'batch-size', 'sequence-length', 'seed',
    'prompt', 'length', 'temperature', 'sampling-seed']) {
    assert.ok(ids.has(id) && ids.has(`${id}-error`), `field #${id}`);
    assert.ok(html.includes(`<vscode-label for="${id}">`), `#${id} is labelled`);
  }
});
