/**
 * The job runner with the real training worker and a fake UI: the cancel cross-talk of issue 7
 * (cancelling the forecast stopped the text training, and the reverse) is gone — Cancel stops
 * the job it names and no other; a job that waits behind another says so at once; the
 * notice's button cancels the job it waits for; a cancel that arrives between requests still
 * stops the job's training.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { ForecastSettings } from '../../src/core/forecast/forecastSettings';
import { DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { JobRunner, waitingNotice } from '../../src/extension/jobs/jobRunner';
import type { JobContext, JobInfo, JobUi } from '../../src/extension/jobs/jobTypes';
import { TrainingWorkerClient } from '../../src/extension/trainingWorkerClient';

const ROOT = path.join(__dirname, '..', '..', '..');
const TUTORIAL_TEXT = 'hi how are you\ngood i am fine\nhave a nice day';
const PRICES = path.join(ROOT, 'sample', 'prices.csv');
const FOREVER: Partial<ForecastSettings> = { column: 'Close', timeColumn: 'Timestamp', models: ['mlp'], epochs: 100_000 };

/** Records what the runner shows: the notices (with their buttons to press), the progress surfaces open. */
class FakeUi implements JobUi {
  readonly notices: Array<{ job: JobInfo; running: JobInfo; press: () => void }> = [];
  readonly open = new Set<string>();
  waiting(job: JobInfo, running: JobInfo, cancelRunning: () => void): void {
    this.notices.push({ job: { ...job }, running: { ...running }, press: cancelRunning });
  }
  progress(job: JobInfo) {
    this.open.add(job.label);
    return { report: () => undefined, dispose: () => this.open.delete(job.label) };
  }
}

const worker = new TrainingWorkerClient({
  script: path.join(ROOT, 'out', 'src', 'worker', 'trainingWorker.js'),
  wasmDir: path.join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep,
  backend: () => 'wasm',
});
after(() => worker.dispose());

/** A text training of `epochs`, counting its epoch events. */
function textJob(runner: JobRunner, epochs: number, seen: { epochs: number }) {
  return runner.run({
    owner: 'text',
    label: 'the text training',
    title: 'training',
    run: (job: JobContext) =>
      job.request({ type: 'train', text: TUTORIAL_TEXT, training: { ...DEFAULT_TRAINING, epochs } }, (event) => {
        if (event.type === 'epoch') seen.epochs = event.epoch;
      }),
  });
}

/** A forecast of sample/prices.csv, counting its epoch events. */
function forecastJob(runner: JobRunner, seen: { epochs: number }) {
  return runner.run({
    owner: 'forecast',
    label: 'the forecast of prices.csv',
    title: 'forecasting',
    run: (job) =>
      job.request({ type: 'forecast', csv: PRICES, settings: FOREVER }, (event) => {
        if (event.type === 'forecastEpoch') seen.epochs = event.epoch;
      }),
  });
}

async function until(what: string, done: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the error a cancelled job rejects with. */
const rejection = (promise: Promise<unknown>) => promise.then(() => assert.fail('the job was expected to be cancelled'), (error: unknown) => error);

test('cancelling the waiting forecast leaves the text training running; it said at once that it waits', async () => {
  const ui = new FakeUi();
  const runner = new JobRunner(worker, ui);
  const text = { epochs: 0 };
  const forecast = { epochs: 0 };
  const training = textJob(runner, 100_000, text);
  await until('the text training to start', () => text.epochs >= 3);

  const queued = forecastJob(runner, forecast);
  // At once: before anything else runs, the notice is out and the job lists it.
  assert.equal(ui.notices.length, 1);
  assert.equal(ui.notices[0].job.notice, 'Waiting for the text training to finish — Cancel it?');
  assert.equal(ui.notices[0].running.label, 'the text training');
  assert.deepEqual(runner.jobs.map((j) => [j.owner, j.state, j.notice]), [['text', 'running', undefined], ['forecast', 'waiting', waitingNotice({ label: 'the text training' })]]);
  assert.deepEqual([...ui.open], ['the text training'], 'only the running job shows progress');

  runner.cancel(runner.jobs[1].id);
  const error = (await rejection(queued)) as { cancelled?: boolean };
  assert.equal(error.cancelled, true);
  const atCancel = text.epochs;
  await until('more text epochs after the forecast was cancelled', () => text.epochs > atCancel + 20);
  assert.equal(forecast.epochs, 0, 'the cancelled forecast never ran');
  assert.deepEqual(runner.jobs.map((j) => j.owner), ['text']);

  runner.cancelOwned('text');
  const outcome = await training;
  assert.ok(outcome.cancelled && outcome.epochsRun < 100_000, JSON.stringify(outcome));
  assert.deepEqual(runner.jobs, []);
  assert.deepEqual([...ui.open], [], 'its progress surface is closed');
});

test('cancelling the running forecast leaves the waiting text training to run; cancelling it then leaves the forecast alone', async () => {
  const ui = new FakeUi();
  const runner = new JobRunner(worker, ui);
  const text = { epochs: 0 };
  const forecast = { epochs: 0 };
  const forecasting = forecastJob(runner, forecast);
  await until('the forecast to train', () => forecast.epochs >= 2);

  const training = textJob(runner, 100_000, text);
  assert.equal(ui.notices.at(-1)?.job.notice, 'Waiting for the forecast of prices.csv to finish — Cancel it?');
  runner.cancelOwned('text');
  assert.equal(((await rejection(training)) as { cancelled?: boolean }).cancelled, true);
  const atCancel = forecast.epochs;
  await until('more forecast epochs after the text job was cancelled', () => forecast.epochs > atCancel + 5);
  assert.equal(text.epochs, 0, 'the cancelled training never ran');

  const next = textJob(runner, 100_000, text);
  runner.cancelOwned('forecast');
  const result = await forecasting;
  assert.ok(result.cancelled, 'the forecast stopped and kept what it learned');
  await until('the text training to run after the forecast', () => text.epochs >= 3);
  runner.cancelOwned('text');
  assert.ok((await next).cancelled);
});

test("the waiting notice's button cancels the running job, and the waiting one then runs to the end", async () => {
  const ui = new FakeUi();
  const runner = new JobRunner(worker, ui);
  const first = { epochs: 0 };
  const second = { epochs: 0 };
  const long = textJob(runner, 100_000, first);
  await until('the first training to start', () => first.epochs >= 1);
  const short = textJob(runner, 5, second);
  ui.notices[0].press();
  assert.ok((await long).cancelled);
  const outcome = await short;
  assert.deepEqual([outcome.cancelled, outcome.epochsRun], [false, 5]);
});

test('a cancel that arrives while a quick request runs stops the training the job sends next', async () => {
  const runner = new JobRunner(worker, new FakeUi());
  const seen = { epochs: 0 };
  const job = runner.run({
    owner: 'text',
    label: 'the text training',
    run: async (context) => {
      await context.request({ type: 'init' });
      return context.request({ type: 'train', text: TUTORIAL_TEXT, training: { ...DEFAULT_TRAINING, epochs: 100_000 } }, () => seen.epochs++);
    },
  });
  runner.cancelOwned('text');
  assert.equal(((await rejection(job)) as { cancelled?: boolean }).cancelled, true);
  assert.equal(seen.epochs, 0);
});
