/**
 * Progress in context: a job's notification is shown only while its panel is hidden or
 * closed — opened when the panel hides mid-run (with the share done and the last message),
 * closed when it shows again — and its Cancel button cancels the job. Runs inside VS Code
 * with a recording `withProgress`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NotificationProgress } from '../../../src/extension/jobs/notificationProgress';
import { Signal } from '../../../src/extension/signal';

type Report = { message?: string; increment?: number };

/** A stand-in for vscode.window.withProgress that records each notification it is asked for. */
function recordingWithProgress() {
  const shown: Array<{ reports: Report[]; closed: boolean; cancel: vscode.EventEmitter<void> }> = [];
  const withProgress = ((_options: vscode.ProgressOptions, task: (p: vscode.Progress<Report>, t: vscode.CancellationToken) => Thenable<unknown>) => {
    const entry = { reports: [] as Report[], closed: false, cancel: new vscode.EventEmitter<void>() };
    shown.push(entry);
    const token = { isCancellationRequested: false, onCancellationRequested: entry.cancel.event };
    return Promise.resolve(task({ report: (r) => entry.reports.push(r) }, token)).then((value) => {
      entry.closed = true;
      return value;
    });
  }) as typeof vscode.window.withProgress;
  return { shown, withProgress };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

suite('Progress in context', () => {
  test('the notification shows only while the panel is hidden, carrying the progress over, and cancels the job', async () => {
    const visibility = new Signal<boolean>();
    const panel = { visible: true, onDidChangeVisibility: visibility.event };
    const setVisible = (visible: boolean) => {
      panel.visible = visible;
      visibility.fire(visible);
    };
    const epochs: string[] = [];
    const statusBar = { showEpoch: (epoch: number, of: number) => epochs.push(`${epoch}/${of}`), showIdle: () => epochs.push('idle') };
    let cancelled = 0;
    const { shown, withProgress } = recordingWithProgress();
    const progress = new NotificationProgress('RNN Studio: training', panel, statusBar, () => cancelled++, withProgress);

    progress.report({ message: 'epoch 1/4', done: 0.25, epoch: { epoch: 1, epochs: 4 } });
    assert.equal(shown.length, 0, 'no notification while the panel is on screen');

    setVisible(false);
    assert.equal(shown.length, 1, 'hidden mid-run: the notification opens');
    assert.deepEqual(shown[0].reports, [{ message: 'epoch 1/4', increment: 25 }], 'with the progress so far');
    progress.report({ message: 'epoch 2/4', done: 0.5, epoch: { epoch: 2, epochs: 4 } });
    assert.deepEqual(shown[0].reports.at(-1), { message: 'epoch 2/4', increment: 25 });

    shown[0].cancel.fire();
    assert.equal(cancelled, 1, "the notification's Cancel cancels the job");

    setVisible(true);
    await tick();
    assert.equal(shown[0].closed, true, 'shown again: the notification closes');

    setVisible(false);
    assert.equal(shown.length, 2);
    assert.deepEqual(shown[1].reports, [{ message: 'epoch 2/4', increment: 50 }], 'a new notification starts where the run is');

    progress.dispose();
    await tick();
    assert.equal(shown[1].closed, true, 'the job ended: its notification closes');
    assert.deepEqual(epochs, ['1/4', '2/4', 'idle']);
    setVisible(true);
    setVisible(false);
    assert.equal(shown.length, 2, 'nothing opens after the job ended');
  });

  test('a job whose panel is closed shows its progress in a notification from the start', () => {
    const { shown, withProgress } = recordingWithProgress();
    const progress = new NotificationProgress('RNN Studio: reading prices.csv', undefined, { showEpoch: () => undefined, showIdle: () => undefined }, () => undefined, withProgress);
    assert.equal(shown.length, 1);
    progress.dispose();
  });
});
