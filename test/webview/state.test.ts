/** The panel's reducer: idempotent under the host's replay, and its persisted state restorable. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HostMessage } from '../../src/protocol';
import { formValuesFrom } from '../../webview/text/fields';
import { MAX_CHART_POINTS } from '../../webview/shared/lossHistory';
import { hasModel, initialState, isTraining, reduce, restoreState, type Action, type PanelState } from '../../webview/text/state';
import { BACKEND, SETTINGS, finished, generated, lossCurve, progress, started } from './hostMessages';

const run = (actions: Action[], from: PanelState = initialState()) => actions.reduce(reduce, from);

describe('reduce', () => {
  test('a run: started, progress, finished', () => {
    const s = run([BACKEND, SETTINGS, started(1, 10), progress(1, lossCurve(1, 4), 10), progress(1, lossCurve(5, 6), 10)]);
    assert.equal(isTraining(s), true);
    assert.equal(s.run?.points.length, 6);
    assert.deepEqual(s.run?.latest, lossCurve(6, 6)[0]);
    assert.equal(s.run?.best?.epoch, 6);
    assert.equal(s.run?.elapsedMs, 120);
    assert.equal(hasModel(s), false);
    const done = reduce(s, finished(1, 'completed', 6, 0.5));
    assert.equal(done.run?.status, 'completed');
    assert.equal(done.run?.finalLoss, 0.5);
    assert.equal(done.run?.msPerEpoch, 18.25);
    assert.equal(isTraining(done), false);
    assert.equal(hasModel(done), true);
  });

  test('replaying the same run changes nothing', () => {
    const messages: HostMessage[] = [
      BACKEND,
      SETTINGS,
      started(1, 10),
      progress(1, lossCurve(1, 5), 10),
      progress(1, lossCurve(6, 10), 10),
      finished(1, 'completed', 10),
      generated(1),
    ];
    const once = run(messages);
    const twice = run(messages, once);
    assert.deepEqual(twice, once);
    assert.equal(twice.run?.points.length, 10);
    assert.equal(twice.run?.status, 'completed', 'a replayed trainingStarted does not restart a finished run');
  });

  test('a new runId starts an empty run and clears the last error', () => {
    const s = run([started(1, 10), progress(1, lossCurve(1, 5), 10), { type: 'error', message: 'boom' }, started(2, 20)]);
    assert.equal(s.run?.runId, 2);
    assert.equal(s.run?.epochs, 20);
    assert.deepEqual(s.run?.points, []);
    assert.equal(s.error, undefined);
  });

  test('a reused runId (the host restarted) is told from a replay by its facts or its losses', () => {
    const done = run([started(1, 10), progress(1, lossCurve(1, 10), 10), finished(1, 'completed', 10)]);
    const otherText = reduce(done, { ...started(1, 10), characters: 999 });
    assert.equal(otherText.run?.status, 'training');
    assert.deepEqual(otherText.run?.points, []);
    const sameFacts = reduce(done, started(1, 10));
    assert.equal(sameFacts, done, 'same facts: a replay so far');
    const newLosses = lossCurve(1, 2).map((p) => ({ ...p, loss: p.loss + 0.5 }));
    const rerun = reduce(sameFacts, progress(1, newLosses, 10));
    assert.equal(rerun.run?.status, 'training');
    assert.equal(rerun.run?.finalLoss, undefined);
    assert.deepEqual(rerun.run?.points, newLosses);
    assert.deepEqual(rerun.run?.best, newLosses[1]);
  });

  test('progress of another run, or before any run, is ignored', () => {
    const none = reduce(initialState(), progress(1, lossCurve(1, 2)));
    assert.equal(none.run, undefined);
    const s = run([started(2), progress(2, lossCurve(1, 3))]);
    assert.equal(reduce(s, progress(1, lossCurve(4, 5))), s);
    assert.equal(reduce(s, finished(1)), s);
  });

  test('overlapping progress adds only newer epochs', () => {
    const s = run([started(1), progress(1, lossCurve(1, 5)), progress(1, lossCurve(3, 8))]);
    assert.deepEqual(
      s.run?.points.map((p) => p.epoch),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
  });

  test('a very long run is thinned, keeping the first and the newest point', () => {
    let s = run([started(1, 100000)]);
    for (let e = 1; e <= 10000; e += 500) s = reduce(s, progress(1, lossCurve(e, e + 499), 100000));
    const points = s.run?.points ?? [];
    assert.ok(points.length <= MAX_CHART_POINTS, `${points.length} points`);
    assert.equal(points[0].epoch, 1);
    assert.equal(points[points.length - 1].epoch, 10000);
    assert.equal(s.run?.latest?.epoch, 10000);
    assert.ok(points.every((p, i) => i === 0 || p.epoch > points[i - 1].epoch), 'in order');
  });

  test('the same settings keep the form draft; new ones replace it', () => {
    const draft = { ...formValuesFrom(SETTINGS.training, SETTINGS.generation), 'hidden-size': '99' };
    const s = run([SETTINGS, { type: 'ui/formEdited', values: draft }, SETTINGS]);
    assert.equal(s.draft?.['hidden-size'], '99');
    const changed = reduce(s, { ...SETTINGS, training: { ...SETTINGS.training, epochs: 5 } });
    assert.equal(changed.draft, undefined);
    assert.equal(changed.settings?.training.epochs, 5);
  });

  test('cancel requested until the run ends', () => {
    const s = run([started(1), { type: 'ui/cancelRequested' }]);
    assert.equal(s.cancelRequested, true);
    assert.equal(reduce(s, finished(1, 'cancelled', 3)).cancelRequested, false);
  });

  test('errors show until dismissed; models come from training or loading', () => {
    const s = run([{ type: 'error', message: 'a' }, { type: 'error', message: 'b' }]);
    assert.deepEqual(s.error, { message: 'b', seq: 2 });
    assert.equal(reduce(s, { type: 'ui/dismissError' }).error, undefined);
    const loaded = reduce(initialState(), { type: 'modelLoaded', name: 'm', vocabularySize: 3, cell: 'gru' });
    assert.equal(hasModel(loaded), true);
    assert.equal(reduce(loaded, { type: 'modelSaved', path: '/p' }).savedPath, '/p');
  });
});

describe('restoreState', () => {
  test('round-trips through JSON (as vscode.setState stores it)', () => {
    const s = run([
      BACKEND,
      SETTINGS,
      { type: 'ui/formEdited', values: formValuesFrom(SETTINGS.training, SETTINGS.generation) },
      started(4, 10),
      progress(4, lossCurve(1, 10), 10),
      finished(4, 'completed', 10),
      generated(4),
      { type: 'modelSaved', path: '/m' },
      { type: 'error', message: 'x' },
      { type: 'ui/logScale', on: true },
    ]);
    assert.deepEqual(restoreState(JSON.parse(JSON.stringify(s))), s);
  });

  test('a training run keeps its unknown remaining time (NaN, stored as null)', () => {
    const s = run([started(4, 10)]);
    const restored = restoreState(JSON.parse(JSON.stringify(s)));
    assert.ok(Number.isNaN(restored.run?.remainingMs));
  });

  test('anything unusable gives a fresh state or drops the bad part', () => {
    for (const saved of [undefined, null, 3, 'x', [], {}, { version: 2 }]) {
      assert.deepEqual(restoreState(saved), initialState());
    }
    const partly = restoreState({
      version: 1,
      backend: { name: 'wasm', requested: 'auto' },
      run: { runId: 1, points: 'many' },
      generated: { runId: 1, prompt: 'g', text: 'ok', temperature: 0 },
      draft: { cell: 'rnn' },
      model: { origin: 'stolen' },
      cancelRequested: true,
    });
    assert.deepEqual(partly.backend, { name: 'wasm', requested: 'auto' });
    assert.equal(partly.run, undefined);
    assert.equal(partly.generated?.text, 'ok');
    assert.equal(partly.draft, undefined);
    assert.equal(partly.model, undefined);
    assert.equal(partly.cancelRequested, false, 'no run, nothing to cancel');
  });
});
