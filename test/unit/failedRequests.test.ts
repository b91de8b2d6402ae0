/**
 * Issue 9, case 3: a request that fails ends its run in the panel. A text training or a
 * forecast that started and then fails in the worker (a user error, a plain error, a cancel
 * there), or whose worker dies (process.exit, an uncaught throw, a restart), is ended with
 * trainingFailed / forecastFailed; the host's copy of the panel's state (the PanelSession the
 * panel is sent whole) then shows the run failed, Train enabled again, and the model the
 * worker still holds. The worker here is test/unit/support/scriptedWorker.ts, driven by the
 * real worker client and job runner.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { runForecast } from '../../src/extension/forecastRun';
import { JobRunner } from '../../src/extension/jobs/jobRunner';
import type { JobUi } from '../../src/extension/jobs/jobTypes';
import { trainOnText } from '../../src/extension/textTrainingRun';
import { TrainingWorkerClient, WorkerRequestError } from '../../src/extension/trainingWorkerClient';
import { FORECAST_PROTOCOL, type ForecastHostMessage } from '../../src/protocol/forecast';
import { PanelSession } from '../../src/protocol/panelSession';
import { TEXT_PROTOCOL, type TextHostMessage } from '../../src/protocol/text';
import { isRunning } from '../../src/protocol/forecastState';
import { isTraining } from '../../src/protocol/textState';

const worker = new TrainingWorkerClient({ script: path.join(__dirname, 'support', 'scriptedWorker.js'), wasmDir: '', backend: () => 'wasm' });
after(() => worker.dispose());
const quiet: JobUi = { waiting: () => undefined, progress: () => ({ report: () => undefined, dispose: () => undefined }) };
const runner = new JobRunner(worker, quiet);

/** Every reason the worker client gave for a restart, in order. */
const restarts: string[] = [];
worker.onDidRestart((reason) => restarts.push(reason));

/** A panel that shows the model of run 1, then trains run 2 with the scripted worker doing `how`. */
async function textRunThat(how: string, whileRunning?: () => void) {
  const session = new PanelSession(TEXT_PROTOCOL);
  const trained: TextHostMessage[] = [
    { type: 'trainingStarted', runId: 1, source: 'a.txt (selection)', epochs: 5, characters: 40, vocabularySize: 9, mode: 'lines', sequences: 3 },
    { type: 'trainingFinished', runId: 1, outcome: 'completed', finalLoss: 0.4, epochsRun: 5, msPerEpoch: 3 },
  ];
  for (const message of trained) session.post(message);
  const posted: TextHostMessage[] = [];
  const restartsBefore = restarts.length;
  const source = { text: how, label: 'b.txt (selection)' };
  const job = runner.run({
    owner: 'text',
    label: 'the text training',
    run: (context) =>
      trainOnText(context, 2, source, { ...DEFAULT_TRAINING, epochs: 10 }, (key) => key, (message) => {
        posted.push(message);
        session.post(message);
        if (message.type === 'progress') whileRunning?.();
      }),
  });
  const error = await job.then(
    () => assert.fail('the training was expected to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof WorkerRequestError, String(error));
  return { state: session.state, posted: posted.map((m) => m.type), error, restarted: restarts.slice(restartsBefore) };
}

describe('3: a text training that fails ends its run in the panel', () => {
  for (const [how, userError] of [
    ['userError', true],
    ['error', false],
  ] as const) {
    test(`3: a ${how === 'error' ? 'plain Error' : 'UserError'} in the worker: failed, Train enabled, the model trained before still shown`, async () => {
      const { state, posted, error, restarted } = await textRunThat(how);
      assert.deepEqual([posted[0], posted.at(-1)], ['trainingStarted', 'trainingFailed']);
      assert.equal(state.run?.points.length, 3, 'every loss point arrives before the run ends');
      assert.equal(error.userError, userError);
      assert.equal(state.run?.status, 'failed');
      assert.equal(state.run?.runId, 2);
      assert.equal(isTraining(state), false, 'Train is enabled again');
      assert.deepEqual(state.model, { origin: 'trained', runId: 1 }, 'the worker keeps the model it held');
      assert.deepEqual(restarted, []);
    });
  }

  test('3: cancelled in the worker: the run shows as cancelled', async () => {
    const { state, error } = await textRunThat('cancelled');
    assert.equal(error.cancelled, true);
    assert.equal(state.run?.status, 'cancelled');
    assert.equal(state.cancelRequested, false);
  });

  for (const [how, reason] of [
    ['exit', 'The training worker stopped (exit code 3).'],
    ['throw', 'The training worker failed: a worker bug'],
  ] as const) {
    test(`3: the worker thread dies during training (${how === 'exit' ? 'process.exit' : 'an uncaught throw'}): failed, and the restart is signalled`, async () => {
      const { state, posted, error, restarted } = await textRunThat(how);
      assert.equal(posted.at(-1), 'trainingFailed');
      assert.equal(error.message, reason);
      assert.equal(state.run?.status, 'failed');
      assert.equal(isTraining(state), false);
      // The controller forgets the model on this signal and posts modelReleased (PanelJobController).
      assert.deepEqual(restarted, [reason]);
    });
  }

  test('3: the worker is restarted during training (a backend change): failed, with the reason', async () => {
    const reason = 'The rnnStudio.backend setting changed to "wasm": the training worker restarted.';
    let restartedOnce = false;
    const { state, error, restarted } = await textRunThat('hang', () => {
      if (restartedOnce) return;
      restartedOnce = true;
      worker.restart(reason);
    });
    assert.equal(error.message, reason);
    assert.equal(state.run?.status, 'failed');
    assert.deepEqual(restarted, [reason]);
  });
});

describe('3: a forecast that fails ends its run in the panel', () => {
  for (const [how, phase] of [
    ['userError', 'failed'],
    ['exit', 'failed'],
    ['cancelled', 'cancelled'],
  ] as const) {
    test(`3: ${how} while reading the CSV: the run is ${phase}`, async () => {
      const session = new PanelSession(FORECAST_PROTOCOL);
      const posted: ForecastHostMessage[] = [];
      const job = runner.run({
        owner: 'forecast',
        label: 'the forecast',
        run: (context) =>
          runForecast(context, 7, how, {}, undefined, (message) => {
            posted.push(message);
            session.post(message);
          }),
      });
      await assert.rejects(job, WorkerRequestError);
      assert.deepEqual(posted.map((m) => m.type), ['ingestProgress', 'forecastFailed']);
      assert.equal(session.state.run?.phase, phase);
      assert.equal(isRunning(session.state), false, 'Cancel is off, Run is on');
    });
  }
});
