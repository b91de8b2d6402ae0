import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { GenerateJson } from '../../src/cli/jsonOutput';
import { bundleCli } from './support/cliBundle';
import { TUTORIAL_TEXT } from './support/wasm';

/** The CLI bundled from the current sources (see bundleCli). */
let cli: string;
let work: string;
let tutorialFile: string;

before(async () => {
  cli = await bundleCli('cli-under-test');
  work = await mkdtemp(path.join(tmpdir(), 'rnn-studio-cli-'));
  tutorialFile = path.join(work, 'tutorial.txt');
  await writeFile(tutorialFile, `${TUTORIAL_TEXT}\n`);
});
after(() => rm(work, { recursive: true, force: true }));

const runCli = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });

test("generate --json trains the tutorial's model and prints exactly one JSON object", () => {
  const run = runCli('generate', '--text-file', tutorialFile, '--epochs', '100', '--prompt', 'good', '--length', '15', '--json', '--backend', 'wasm');
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1, run.stdout);
  const output = JSON.parse(lines[0]) as GenerateJson;
  assert.deepEqual(Object.keys(output).sort(), ['backend', 'bestEpoch', 'bitsPerChar', 'epochs', 'finalLoss', 'generated', 'lossHistory', 'msPerEpoch', 'outOfTime', 'profile', 'valLossHistory']);
  assert.equal(output.backend, 'wasm');
  assert.equal(output.profile, 'tutorial', "the tutorial's sentences get the tutorial's recipe");
  assert.equal(output.bitsPerChar, null, 'nothing held out');
  assert.equal(output.outOfTime, false);
  assert.equal(output.epochs, 100);
  assert.equal(output.lossHistory.length, 100);
  assert.equal(output.finalLoss, output.lossHistory[99]);
  assert.ok(output.finalLoss < 0.5);
  assert.ok(output.msPerEpoch > 0);
  assert.equal(output.generated, 'good i am fine ');
});

test('prose gets the prose profile (said, and in --json); --minutes ends the training, keeping the best epoch', async () => {
  const prose = path.join(work, 'prose.txt');
  await writeFile(prose, 'It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith slipped quickly through the glass doors. '.repeat(30));
  const args = ['generate', '--text-file', prose, '--hidden', '16', '--sequence-length', '20', '--minutes', '0.02', '--length', '30', '--backend', 'wasm'];
  const run = runCli(...args);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Profile: prose, because the text is prose, not a few short lines: it trains on windows of it\.$/m);
  assert.match(run.stdout, /^Training a lstm of 1 × 16 for up to 0\.02 min on /m);
  assert.match(run.stdout, /^Time budget reached after \d+ epochs\.$/m);
  const json = JSON.parse(runCli(...args, '--json').stdout) as GenerateJson;
  assert.equal(json.profile, 'prose');
  assert.equal(json.outOfTime, true);
  assert.ok(json.epochs >= 1 && json.epochs < 1000, `${json.epochs} epochs`);
  assert.equal(json.bitsPerChar, json.valLossHistory[json.bestEpoch - 1] / Math.LN2);
  const tutorial = JSON.parse(runCli(...args, '--profile', 'tutorial', '--json').stdout) as GenerateJson;
  assert.equal(tutorial.profile, 'tutorial', '--profile picks it by hand');
});

test('--save then --load generates the same text without training', () => {
  const dir = path.join(work, 'model');
  const trainedRun = runCli('generate', '--text-file', tutorialFile, '--epochs', '40', '--prompt', 'hav', '--save', dir, '--backend', 'wasm');
  assert.equal(trainedRun.status, 0, trainedRun.stderr);
  assert.match(trainedRun.stdout, /^Epoch: 10\/40\.+ Loss: \d+\.\d{4}$/m);
  assert.match(trainedRun.stdout, /^Epoch: 40\/40\.+ Loss: \d+\.\d{4}$/m);
  const trainedText = trainedRun.stdout.trim().split('\n').at(-1);
  const loadedRun = runCli('generate', '--load', dir, '--prompt', 'hav', '--json', '--backend', 'wasm');
  assert.equal(loadedRun.status, 0, loadedRun.stderr);
  const output = JSON.parse(loadedRun.stdout) as GenerateJson;
  assert.equal(output.epochs, 0);
  assert.deepEqual(output.lossHistory, []);
  assert.equal(output.generated, trainedText);
});

test('a missing text file is an error on stderr with exit status 1', () => {
  const missing = path.join(work, 'no-such.txt');
  const run = runCli('generate', '--text-file', missing, '--json');
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr.trim(), `Cannot read the text file ${missing}: it does not exist.`);
});

test('a bad setting names its flag; wrong usage exits with 2', () => {
  const bad = runCli('generate', '--text-file', tutorialFile, '--hidden', 'many');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^--hidden must be a whole number from 1 to 3000, not "many"\./);
  const unknown = runCli('generate', '--text-file', tutorialFile, '--hiddn', '3');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown option '--hiddn'[\s\S]*Usage: rnn-studio generate/);
  assert.equal(runCli('train').status, 2);
  const help = runCli('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: rnn-studio generate --text-file FILE/);
});
