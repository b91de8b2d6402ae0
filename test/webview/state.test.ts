/** The text panel's reducer, its host's snapshot, and the state restored after a reload. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_CHART_POINTS } from '../../src/protocol/lossHistory';
import { PanelSession } from '../../src/protocol/panelSession';
import { TEXT_PROTOCOL, type TextHostMessage } from '../../src/protocol/text';
import { initialTextState, RELOADED } from '../../src/protocol/textState';
import { formValuesFrom } from '../../webview/text/fields';
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

  test('a new runId starts an empty run and clears the last error', () => {
    const s = run([started(1, 10), progress(1, lossCurve(1, 5), 10), { type: 'error', message: 'boom' }, started(2, 20)]);
    assert.equal(s.run?.runId, 2);
    assert.equal(s.run?.epochs, 20);
    assert.deepEqual(s.run?.points, []);
    assert.equal(s.error, undefined);
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

  test('3: a run whose request failed ends: failed (or cancelled), Cancel off, the model held before kept', () => {
    const before = run([started(1, 10), finished(1, 'completed', 10), started(2, 10), progress(2, lossCurve(1, 3), 10), { type: 'ui/cancelRequested' }]);
    const failed = reduce(before, { type: 'trainingFailed', runId: 2, cancelled: false });
    assert.equal(failed.run?.status, 'failed');
    assert.equal(isTraining(failed), false, 'Train is enabled again');
    assert.equal(failed.cancelRequested, false);
    assert.deepEqual(failed.model, { origin: 'trained', runId: 1 }, 'the worker still holds run 1');
    assert.equal(reduce(before, { type: 'trainingFailed', runId: 2, cancelled: true }).run?.status, 'cancelled');
    assert.equal(reduce(before, { type: 'trainingFailed', runId: 1, cancelled: false }), before, "another run's end is ignored");
  });

  test('3: a run cancelled before its first epoch leaves the model held before (the worker keeps it)', () => {
    const loaded = run([{ type: 'modelLoaded', name: 'm', vocabularySize: 3, cell: 'gru' }, started(2, 10)]);
    assert.deepEqual(reduce(loaded, finished(2, 'cancelled', 0)).model, loaded.model);
    assert.equal(hasModel(run([started(3, 10), finished(3, 'cancelled', 0)])), false, 'no model from a run that trained nothing');
  });

  test('errors show until dismissed; models come from training or loading', () => {
    const s = run([{ type: 'error', message: 'a' }, { type: 'error', message: 'b' }]);
    assert.deepEqual(s.error, { message: 'b', seq: 2 });
    assert.equal(reduce(s, { type: 'ui/dismissError' }).dismissedError, 2);
    const loaded = reduce(initialState(), { type: 'modelLoaded', name: 'm', vocabularySize: 3, cell: 'gru' });
    assert.equal(hasModel(loaded), true);
    assert.equal(reduce(loaded, { type: 'modelSaved', path: '/p' }).savedPath, '/p');
  });
});

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** The host's side: the same reducer over the messages it posts (and the panel's Cancel). */
const host = (messages: Array<TextHostMessage | { type: 'cancel' }>, saved?: unknown) => {
  const session = new PanelSession(TEXT_PROTOCOL, saved);
  for (const m of messages) {
    if (m.type === 'cancel') session.receive(m);
    else session.post(m);
  }
  return session;
};
const RUN: TextHostMessage[] = [BACKEND, SETTINGS, started(4, 10), progress(4, lossCurve(1, 10), 10), finished(4, 'completed', 10), generated(4), { type: 'modelSaved', path: '/m' }];

describe('the snapshot', () => {
  test('replaces the host part of the state and keeps the UI part', () => {
    const ui = run([SETTINGS, { type: 'ui/formEdited', values: { ...formValuesFrom(SETTINGS.training, SETTINGS.generation), epochs: '7' } }, { type: 'ui/logScale', on: true }]);
    const live = run(RUN);
    const s = reduce(ui, host(RUN).snapshot());
    assert.deepEqual(json({ ...s, draft: undefined, draftSettings: undefined, logScale: false }), json({ ...live, draft: undefined, draftSettings: undefined }));
    assert.equal(s.draft?.epochs, '7', 'the same settings keep the draft');
    assert.equal(s.logScale, true);
    assert.equal(reduce(run([started(9)]), host([BACKEND]).snapshot()).run, undefined, 'what the snapshot lacks is gone');
  });

  test('the panel and the host reach the same state from the same messages; Cancel counts on both sides', () => {
    const messages = [started(3, 100), progress(3, lossCurve(1, 37))];
    const s = run([...messages, { type: 'ui/cancelRequested' }]);
    const h = host([...messages, { type: 'cancel' }]);
    assert.deepEqual(json(h.state), json({ ...s, logScale: undefined }));
    assert.equal(h.state.cancelRequested, true);
  });

  test('a dismissed error stays dismissed in a later snapshot; a new error shows', () => {
    const s = reduce(run([{ type: 'error', message: 'a' }]), { type: 'ui/dismissError' });
    assert.equal(reduce(s, host([{ type: 'error', message: 'a' }]).snapshot()).dismissedError, 1);
    assert.equal(reduce(s, { type: 'error', message: 'b' }).error?.seq, 2);
  });
});

describe('after a VS Code reload', () => {
  /** What VS Code hands the serializer: the webview's last setState, through JSON. */
  const persisted = (s: PanelState) => JSON.parse(JSON.stringify(s)) as unknown;

  test('the host restores the run from the persisted state, and says the model is released', () => {
    const s = run(RUN);
    const restored = host([], persisted(s)).state;
    assert.deepEqual(restored.run, s.run);
    assert.deepEqual(restored.generated, s.generated);
    assert.equal(restored.savedPath, '/m');
    assert.equal(hasModel(restored), false, 'the worker no longer holds it');
    assert.equal(restored.modelReleased, RELOADED);
    const back = run([{ type: 'modelLoaded', name: 'm', vocabularySize: 3, cell: 'gru' }], { ...initialState(), ...restored });
    assert.equal(back.modelReleased, undefined, 'a loaded model clears it');
  });

  test('a run that was training is over; its unknown remaining time (NaN, stored as null) survives JSON', () => {
    const s = run([started(4, 10)]);
    assert.ok(Number.isNaN(s.run?.remainingMs));
    const restored = host([], persisted(s)).state;
    assert.equal(restored.run?.status, 'cancelled');
    assert.equal(isTraining(restored), false);
  });

  test('anything unusable gives a fresh state or drops the bad part', () => {
    for (const saved of [undefined, null, 3, 'x', []]) {
      assert.deepEqual(host([], saved).state, initialTextState());
      assert.deepEqual(restoreState(saved), initialState());
    }
    const partly = host([], {
      backend: { name: 'wasm', requested: 'auto' },
      run: { runId: 1, points: 'many' },
      generated: { runId: 1, prompt: 'g', text: 'ok', temperature: 0 },
      model: { origin: 'stolen' },
      cancelRequested: true,
    }).state;
    assert.deepEqual(partly.backend, { name: 'wasm', requested: 'auto' });
    assert.equal(partly.run, undefined);
    assert.equal(partly.generated?.text, 'ok');
    assert.equal(partly.model, undefined);
    assert.equal(partly.cancelRequested, false, 'no run, nothing to cancel');
    const ui = restoreState({ draft: { cell: 'rnn' }, logScale: true });
    assert.equal(ui.draft, undefined);
    assert.equal(ui.logScale, true);
  });
});
