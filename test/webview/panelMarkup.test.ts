/**
 * Each panel's markup, as its bundle builds it into the page shell: every id a view looks up
 * is there, once; every control is labelled; nothing the CSP refuses (style attributes,
 * inline handlers or scripts); text is escaped. Then the real pages in Chromium: the bundle
 * mounted exactly that markup, under the CSP (checked after every test by checkedPanels).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { forecastPanelMarkup } from '../../webview/forecast/markup';
import { html } from '../../webview/shared/markup';
import { appMarkup } from '../../webview/shared/panelMarkup';
import { FIELD_IDS } from '../../webview/text/fields';
import { textPanelMarkup } from '../../webview/text/markup';
import { REPO_ROOT } from './fixturePage';
import { checkedPanels } from './harness';

const PANELS = {
  text: {
    markup: textPanelMarkup('RNN Studio').text,
    folders: ['text', 'shared'],
    required: ['source', 'backend', 'epoch', 'elapsed', 'remaining', 'cancel', 'loss-chart', 'training-form', 'train', 'generate',
      'save-model', 'generated', 'insert', 'replace', 'copy', 'open-editor', 'error', 'training-status',
      'model-released', 'load-model', 'train-again'],
  },
  forecast: {
    markup: forecastPanelMarkup('RNN Studio — Forecast').text,
    folders: ['forecast', 'shared'],
    required: ['source', 'backend', 'ingest-summary', 'warnings', 'ingest-progress', 'cancel', 'loss-chart', 'epoch', 'elapsed',
      'remaining', 'series-chart', 'heldout-chart', 'forecast-chart', 'metrics-table', 'leaderboard', 'leaderboard-chart',
      'export-csv', 'export-svg', 'export-png', 'save-model', 'error', 'run'],
  },
} as const;

function idCounts(markup: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const m of markup.matchAll(/\sid="([^"]+)"/g)) ids.set(m[1], (ids.get(m[1]) ?? 0) + 1);
  return ids;
}

/** The ids the views of these webview/ folders look up with byId('…'). */
function idsLookedUp(folders: readonly string[]): Set<string> {
  const wanted = new Set<string>();
  for (const folder of folders) {
    const dir = path.join(REPO_ROOT, 'webview', folder);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/byId(?:<[^>]+>)?\('([^']+)'\)/g)) wanted.add(m[1]);
    }
  }
  return wanted;
}

for (const [name, panel] of Object.entries(PANELS)) {
  describe(`the ${name} panel's markup`, () => {
    test('every id a view looks up is in it, once', () => {
      const ids = idCounts(panel.markup);
      for (const [id, n] of ids) assert.equal(n, 1, `#${id} is unique`);
      const wanted = idsLookedUp(panel.folders);
      assert.ok(wanted.size > 10, 'the views were read');
      wanted.delete('root'); // the page shell's (src/extension/panelHtml.ts), which the markup replaces
      for (const id of [...wanted, ...panel.required]) assert.ok(ids.has(id), `#${id} in the page`);
    });

    test('nothing the CSP refuses: no style attribute, no inline handler, script or style', () => {
      assert.doesNotMatch(panel.markup, /\sstyle=/);
      assert.doesNotMatch(panel.markup, /\son[a-z]+=/i);
      assert.doesNotMatch(panel.markup, /<script|<style|javascript:/i);
    });

    test('every labelled reference points at an element of the page', () => {
      const ids = idCounts(panel.markup);
      for (const m of panel.markup.matchAll(/\s(?:aria-labelledby|for)="([^"]+)"/g)) {
        for (const id of m[1].split(' ')) assert.ok(ids.has(id), `#${id} (referenced by ${m[0].trim()}) exists`);
      }
    });
  });
}

test("the text form's fields are labelled, each with its error line", () => {
  const markup = PANELS.text.markup;
  const ids = idCounts(markup);
  for (const id of FIELD_IDS) {
    assert.ok(ids.has(id) && ids.has(`${id}-error`), `field #${id}`);
    assert.ok(markup.includes(`<vscode-label for="${id}">`), `#${id} is labelled`);
  }
});

test('the model-released note starts hidden, with Load model and Train again', () => {
  const note = PANELS.text.markup.match(/<div id="model-released"[^>]*>[\s\S]*?<\/div>\s*<\/div>/)?.[0] ?? '';
  assert.match(note, /^<div id="model-released"[^>]*\shidden>/);
  assert.match(note, /<vscode-button id="load-model"[^>]*>Load model<\/vscode-button>/);
  assert.match(note, /<vscode-button id="train-again"[^>]*>Train again<\/vscode-button>/);
});

test('html escapes what it interpolates as text, and keeps nested markup', () => {
  const text = '<img src=x onerror="alert(1)"> & more';
  assert.equal(html`<p title="${text}">${text}</p>`.text,
    '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more</p>');
  assert.equal(html`<div>${html`<b>${'<i>'}</b>`}${[html`<br>`, html`<hr>`]}${3}</div>`.text, '<div><b>&lt;i&gt;</b><br><hr>3</div>');
  const header = appMarkup('app', { title: '<b>"x"</b>', icon: 'pulse', sourceIcon: 'table', hint: html`<em>hint</em>` }, html`<main></main>`).text;
  assert.ok(header.includes('</span>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</h1>'));
  assert.doesNotMatch(header, /<b>/);
  assert.ok(header.includes('<span id="source"><em>hint</em></span>'));
});

describe('the served pages', () => {
  const { open } = checkedPanels();
  for (const [name, panel] of Object.entries(PANELS)) {
    test(`the ${name} bundle mounts its markup into the shell's root`, async () => {
      const p = await open({ page: name === 'forecast' ? 'forecast' : 'text' });
      const ids = [...idCounts(panel.markup).keys()];
      const page = await p.page.evaluate((wanted: string[]): { missing: string[]; app: boolean; title: string | null; documentTitle: string } => {
        const doc = window.document;
        const title = doc.getElementById('title');
        if (!title) throw new Error('no #title');
        return {
          missing: wanted.filter((id) => doc.querySelectorAll(`[id="${id}"]`).length !== 1),
          app: doc.querySelector('#root > .app') !== null,
          title: title.textContent,
          documentTitle: doc.title,
        };
      }, ids);
      assert.deepEqual(page.missing, [], 'every id of the markup, once');
      assert.ok(page.app, '#root holds the panel');
      assert.equal(page.title, page.documentTitle);
      assert.equal(page.title, name === 'forecast' ? 'RNN Studio — Forecast' : 'RNN Studio');
    });
  }
});
