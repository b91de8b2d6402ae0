#!/usr/bin/env node
// First step of `npm start` and `npm test`: installs what a fresh clone lacks, so that the
// README's two commands work with nothing run before. Dependency-free (it runs before
// `npm ci`) and quick when everything is there (about 50 ms: no network, one dpkg-query).
//
//   node scripts/ensure-setup.mjs             Node version, Debian packages, npm dependencies
//   node scripts/ensure-setup.mjs --apt-only  Debian packages only (scripts/setup-code-server.sh)
//
// - Node: package.json "engines.node" (>= 20) or a one-line message.
// - Debian packages (chromium libkrb5-dev ripgrep python3 make g++: Chromium for the webview
//   and integration tests, the rest for code-server's native modules): installed with
//   apt-get when running as root (`apt-get update` only when one has no install candidate),
//   else one line naming the `apt-get install` command. RNN_STUDIO_SKIP_APT=1 skips this.
// - npm dependencies: `npm ci` when node_modules is absent or stale, i.e. when its
//   node_modules/.package-lock.json (written by npm on install) does not match
//   package-lock.json. A node_modules that is a symbolic link (a shared install) is never
//   reinstalled: a stale one gets a warning only.
//
// Environment, for tests of this script: RNN_STUDIO_FAKE_UID=1000 acts as that user id;
// RNN_STUDIO_FAKE_MISSING="chromium ripgrep" treats those packages as missing.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'python3', 'make', 'g++'];
const log = (message) => console.error(`[ensure-setup] ${message}`);

/** Exits with a one-line message. */
function fail(message) {
  console.error(`rnn-studio: ${message}`);
  process.exit(1);
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Whether a Debian package is there, by what the build and the tests use from it. */
function hasPackage(pkg) {
  if ((process.env.RNN_STUDIO_FAKE_MISSING ?? '').split(/\s+/).includes(pkg)) return false;
  switch (pkg) {
    case 'chromium':
      return isExecutable('/usr/bin/chromium');
    case 'ripgrep':
      return isExecutable('/usr/bin/rg');
    case 'python3':
    case 'make':
    case 'g++':
      return onPath(pkg);
    default:
      return dpkgInstalled(pkg);
  }
}

function run(command, args) {
  log(`$ ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: ['ignore', 2, 'inherit'], // stdout to stderr: setup-code-server.sh prints a path last
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) fail(`${command} could not start: ${r.error.message}`);
  if (r.status !== 0) fail(`'${[command, ...args].join(' ')}' failed (exit ${r.status})`);
}

function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) fail(`Node ${process.versions.node} is too old: RNN Studio needs Node 20 or newer.`);
}

function ensureAptPackages() {
  if (process.env.RNN_STUDIO_SKIP_APT === '1') return;
  const missing = APT_PACKAGES.filter((p) => !hasPackage(p));
  if (missing.length === 0) return;
  const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const uid = Number(process.env.RNN_STUDIO_FAKE_UID ?? process.getuid?.() ?? 0);
  if (uid !== 0 || !onPath('apt-get')) {
    fail(
      `missing Debian packages: ${missing.join(' ')}. Install them with: sudo ${install}` +
        ' (or set RNN_STUDIO_SKIP_APT=1 if you provide them another way)',
    );
  }
  const noCandidate = missing.some((p) => {
    const r = spawnSync('apt-cache', ['policy', p], { encoding: 'utf8' });
    return !/Candidate: [0-9]/.test(r.stdout ?? '');
  });
  log(`installing the Debian packages ${missing.join(' ')} (about a minute)`);
  if (noCandidate) run('apt-get', ['update', '-qq']);
  run('apt-get', install.split(' ').slice(1).concat('-qq'));
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Why node_modules does not match package-lock.json, or undefined when it does. */
function whyStale(lock, installed) {
  if (!installed?.packages) return 'node_modules is absent';
  const wanted = lock.packages;
  for (const [key, entry] of Object.entries(installed.packages)) {
    const want = wanted[key];
    if (!want) return `${key} is not in package-lock.json`;
    if (want.version !== entry.version || want.resolved !== entry.resolved) {
      return `${key} is ${entry.version}, package-lock.json wants ${want.version}`;
    }
  }
  for (const [key, entry] of Object.entries(wanted)) {
    // optional packages for other platforms (e.g. @esbuild/darwin-arm64) are never installed
    if (key && !entry.optional && !installed.packages[key]) return `${key} is not installed`;
  }
  return undefined;
}

/** The dependency fields of package.json that package-lock.json does not agree with. */
function lockDisagreement(pkg, lock) {
  const root = lock.packages?.[''] ?? {};
  const sorted = (deps) => JSON.stringify(Object.entries(deps ?? {}).sort());
  return ['dependencies', 'devDependencies', 'optionalDependencies'].filter(
    (field) => sorted(pkg[field]) !== sorted(root[field]),
  );
}

function ensureNpmDependencies() {
  const pkg = readJson(path.join(repoRoot, 'package.json'));
  const lock = readJson(path.join(repoRoot, 'package-lock.json'));
  if (!pkg || !lock?.packages) fail('package.json or package-lock.json is missing or not JSON');
  const fields = lockDisagreement(pkg, lock);
  if (fields.length > 0) {
    fail(`package.json's ${fields.join(', ')} differ from package-lock.json: run 'npm install' to update the lock`);
  }
  const modules = path.join(repoRoot, 'node_modules');
  const why = whyStale(lock, readJson(path.join(modules, '.package-lock.json')));
  if (!why) return;
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    log(`warning: node_modules (a link to a shared install) does not match package-lock.json: ${why}`);
    return;
  }
  log(`installing the npm dependencies: ${why} (npm ci, about 30 s)`);
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

ensureNode();
ensureAptPackages();
if (!process.argv.includes('--apt-only')) ensureNpmDependencies();
