/**
 * scripts/ensure-setup.mjs, the first step of `npm start` and `npm test`, run on a fake
 * project (its own package.json, lock and node_modules) so that nothing is installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

const script = path.resolve(__dirname, '../../../scripts/ensure-setup.mjs');
let project: string;
let shared: string;

const LOCK = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'fake', devDependencies: { left: '^1.0.0' } },
    'node_modules/left': { version: '1.0.0', resolved: 'https://registry.example/left-1.0.0.tgz' },
    'node_modules/@left/other-os': { version: '1.0.0', resolved: 'https://registry.example/o.tgz', optional: true },
  },
};

/** Writes the fake project: package.json's devDependencies, and what is "installed". */
function writeProject(devDependencies: Record<string, string>, installed: Record<string, object>): void {
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'fake', devDependencies }));
  writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(LOCK));
  writeFileSync(path.join(shared, '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
}

function ensureSetup(env: NodeJS.ProcessEnv, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(project, 'scripts', 'ensure-setup.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, RNN_STUDIO_SKIP_APT: undefined, RNN_STUDIO_FAKE_UID: undefined, RNN_STUDIO_FAKE_MISSING: undefined, ...env },
    timeout: 30_000,
  });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

before(() => {
  project = mkdtempSync(path.join(tmpdir(), 'rnn-studio-ensure-setup-'));
  shared = path.join(project, 'shared-node_modules');
  mkdirSync(path.join(project, 'scripts'));
  mkdirSync(shared);
  copyFileSync(script, path.join(project, 'scripts', 'ensure-setup.mjs'));
  // a link, as in a worktree sharing another checkout's install: never reinstalled
  symlinkSync(shared, path.join(project, 'node_modules'));
});
after(() => rmSync(project, { recursive: true, force: true }));

test('node_modules matching package-lock.json (other platforms\' optional packages absent): nothing to do, nothing printed', () => {
  writeProject({ left: '^1.0.0' }, { 'node_modules/left': LOCK.packages['node_modules/left'] });
  const run = ensureSetup({ RNN_STUDIO_SKIP_APT: '1' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, '');
});

test('a stale shared node_modules gets one warning saying which package differs, and is left alone', () => {
  writeProject({ left: '^1.0.0' }, { 'node_modules/left': { version: '0.9.0', resolved: 'https://registry.example/left-0.9.0.tgz' } });
  const run = ensureSetup({ RNN_STUDIO_SKIP_APT: '1' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    run.stderr,
    '[ensure-setup] warning: node_modules (a link to a shared install) does not match package-lock.json: node_modules/left is 0.9.0, package-lock.json wants 1.0.0\n',
  );
});

test('a package missing from node_modules, or one the lock does not list, makes it stale', () => {
  writeProject({ left: '^1.0.0' }, {});
  assert.match(ensureSetup({ RNN_STUDIO_SKIP_APT: '1' }).stderr, /: node_modules\/left is not installed\n$/);
  writeProject({ left: '^1.0.0' }, { 'node_modules/left': LOCK.packages['node_modules/left'], 'node_modules/right': { version: '2.0.0' } });
  assert.match(ensureSetup({ RNN_STUDIO_SKIP_APT: '1' }).stderr, /: node_modules\/right is not in package-lock.json\n$/);
});

test('package.json out of step with package-lock.json stops with one line: run npm install', () => {
  writeProject({ left: '^2.0.0' }, { 'node_modules/left': LOCK.packages['node_modules/left'] });
  const run = ensureSetup({ RNN_STUDIO_SKIP_APT: '1' });
  assert.equal(run.status, 1);
  assert.equal(run.stderr, "rnn-studio: package.json's devDependencies differ from package-lock.json: run 'npm install' to update the lock\n");
});

test('missing Debian packages when not root: one line naming the exact apt-get command, exit 1', () => {
  writeProject({ left: '^1.0.0' }, { 'node_modules/left': LOCK.packages['node_modules/left'] });
  const run = ensureSetup({ RNN_STUDIO_FAKE_UID: '1000', RNN_STUDIO_FAKE_MISSING: 'chromium g++' }, '--apt-only');
  assert.equal(run.status, 1);
  // the faked two, and any other one this machine really lacks, in the list's order
  const line = /^rnn-studio: missing Debian packages: ([^.]+)\. Install them with: sudo apt-get install -y --no-install-recommends ([^(]+) \(or set RNN_STUDIO_SKIP_APT=1 if you provide them another way\)\n$/.exec(run.stderr);
  assert.ok(line, run.stderr);
  assert.equal(line[2], line[1]);
  assert.match(line[1], /^chromium( \S+)* g\+\+$/);
  assert.equal(ensureSetup({ RNN_STUDIO_FAKE_UID: '1000', RNN_STUDIO_FAKE_MISSING: 'chromium', RNN_STUDIO_SKIP_APT: '1' }).status, 0);
});
