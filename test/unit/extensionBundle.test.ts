/**
 * The extension host never loads TensorFlow.js (the training worker does): its bundle must
 * not pull it in through an innocent-looking import of the core.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = path.join(__dirname, '..', '..', '..');

test('dist/extension.js bundles no TensorFlow.js and stays small', async () => {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'extension', 'extension.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.deepEqual(inputs.filter((input) => input.includes('@tensorflow')), []);
  const bytes = result.outputFiles[0].contents.length;
  assert.ok(bytes < 300_000, `extension.js is ${bytes} bytes`);
});
