/**
 * The extension host never imports the panels' code: no module of src/ imports from webview/
 * (the panels' bundles may import src/core and src/protocol, not the other way round).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const WEBVIEW = path.join(REPO_ROOT, 'webview');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier of a file: import … from '…', export … from '…', import('…'), require('…'). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\b(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g)) found.push(m[1]);
  return found;
}

test('no module of src/ imports from webview/', () => {
  const files = sourceFiles(path.join(REPO_ROOT, 'src'));
  assert.ok(files.length > 50, 'src/ was read');
  const offending: string[] = [];
  for (const file of files) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (target === WEBVIEW || target.startsWith(WEBVIEW + path.sep)) offending.push(`${path.relative(REPO_ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offending, []);
});

test('the check sees an import into webview/', () => {
  const spec = specifiers("import { NUMBER_FIELDS } from '../webview/text/fields';\nexport * from './x';")[0];
  assert.equal(path.resolve(REPO_ROOT, 'src', spec).startsWith(WEBVIEW + path.sep), true);
});
