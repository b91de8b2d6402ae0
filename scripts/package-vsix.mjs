#!/usr/bin/env node
// Packages RNN Studio into a .vsix, offline.
//
//   node scripts/package-vsix.mjs [--out FILE.vsix] [--root DIR] [--no-build]
//
// --out       where to write it (default: <root>/<name>-<version>.vsix)
// --root      the extension folder (default: this repository)
// --no-build  package dist/ as it is (default: `node esbuild.mjs --production` first,
//             unless package.json has a vscode:prepublish script, which vsce runs itself)
//
// vsce runs with --no-dependencies (everything the extension needs is bundled into dist/)
// and --allow-missing-repository; without a "repository" field it also gets
// --no-rewrite-relative-links (README's relative links and images, e.g. docs/images/*.png,
// stay relative and VS Code shows them from the installed extension); --skip-license is
// added only when there is no LICENSE.
// The .vsix path is printed on the last line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const root = path.resolve(option('--root') ?? repoRoot);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(option('--out') ?? path.join(root, `${pkg.name}-${pkg.version}.vsix`));

function run(command, args, cwd) {
  console.error(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`package-vsix: '${path.basename(args[0] ?? command)}' failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

if (!argv.includes('--no-build') && !pkg.scripts?.['vscode:prepublish']) {
  if (existsSync(path.join(root, 'esbuild.mjs'))) {
    run(process.execPath, ['esbuild.mjs', '--production'], root);
  }
}
if (pkg.main && !existsSync(path.join(root, pkg.main))) {
  console.error(`package-vsix: ${pkg.main} (package.json "main") does not exist; build first`);
  process.exit(1);
}

// vsce from this repository's devDependencies (never downloaded by npx)
const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
const args = ['package', '--no-dependencies', '--allow-missing-repository', '-o', out];
if (!pkg.repository) args.push('--no-rewrite-relative-links');
const hasLicense = readdirSync(root).some(
  (f) => /^licen[cs]e(\.(md|txt))?$/i.test(f) && statSync(path.join(root, f)).isFile(),
);
if (!hasLicense) {
  console.error('package-vsix: no LICENSE file; packaging with --skip-license');
  args.push('--skip-license');
}
run(process.execPath, [vsce, ...args], root);
console.log(out);
