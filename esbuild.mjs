// Builds the five bundles of RNN Studio and copies the wasm binaries next to them.
//   dist/extension.js        the VS Code adapter (CJS, Node, `vscode` external)
//   dist/worker.js           the training worker (CJS, Node; TensorFlow.js bundled)
//   dist/cli.js              the command-line tool over the same core
//   dist/webview.js          the text job's panel (IIFE, browser)
//   dist/forecastWebview.js  the forecast job's panel (IIFE, browser)
// `node esbuild.mjs --watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Native accelerators: loaded at run time when installed, never bundled. */
const optionalNative = ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'];

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'linked',
};

const nodeBundle = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', ...optionalNative],
};

const builds = [
  { ...nodeBundle, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...nodeBundle, entryPoints: ['src/worker/trainingWorker.ts'], outfile: 'dist/worker.js' },
  {
    ...nodeBundle,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['webview/text/main.ts'],
    outfile: 'dist/webview.js',
  },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['webview/forecast/main.ts'], outfile: 'dist/forecastWebview.js' },
];

async function copyWasm() {
  const from = path.join('node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  await mkdir('dist', { recursive: true });
  for (const name of await readdir(from)) {
    if (name.endsWith('.wasm')) await copyFile(path.join(from, name), path.join('dist', name));
  }
}

async function copyCodicons() {
  const from = path.join('node_modules', '@vscode', 'codicons', 'dist');
  await mkdir(path.join('dist', 'codicons'), { recursive: true });
  for (const name of ['codicon.css', 'codicon.ttf']) {
    await copyFile(path.join(from, name), path.join('dist', 'codicons', name));
  }
}

await Promise.all([copyWasm(), copyCodicons()]);
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
