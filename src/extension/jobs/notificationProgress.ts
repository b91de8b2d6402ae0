/**
 * A running job's progress outside its panel: a cancellable notification shown only while
 * the job's panel is hidden or closed (VS Code's guidelines: progress notifications are a
 * last resort), opened when the panel is hidden mid-run and closed when it shows again,
 * with the share done and the last message carried over; and the status bar's epoch.
 */
import * as vscode from 'vscode';
import type { StatusBar } from '../statusBar';
import type { JobProgress, PanelPresence, ProgressSurface } from './jobTypes';

export class NotificationProgress implements ProgressSurface {
  private last: JobProgress | undefined;
  /** Percent shown in the open notification. */
  private shown = 0;
  private open: { progress: vscode.Progress<{ message?: string; increment?: number }>; close(): void } | undefined;
  private readonly visibility: { dispose(): void } | undefined;
  private disposed = false;

  constructor(
    private readonly title: string,
    panel: PanelPresence | undefined,
    private readonly statusBar: Pick<StatusBar, 'showEpoch' | 'showIdle'>,
    private readonly cancel: () => void,
    private readonly withProgress: typeof vscode.window.withProgress = vscode.window.withProgress,
  ) {
    this.visibility = panel?.onDidChangeVisibility((visible) => (visible ? this.close() : this.show()));
    if (!panel?.visible) this.show();
  }

  report(progress: JobProgress): void {
    this.last = progress;
    if (progress.epoch) this.statusBar.showEpoch(progress.epoch.epoch, progress.epoch.epochs);
    this.update();
  }

  private update(): void {
    if (!this.open || !this.last) return;
    const percent = this.last.done === undefined ? this.shown : Math.min(100, 100 * this.last.done);
    this.open.progress.report({ message: this.last.message, increment: percent - this.shown });
    this.shown = percent;
  }

  private show(): void {
    if (this.open || this.disposed) return;
    void this.withProgress(
      { location: vscode.ProgressLocation.Notification, title: this.title, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          const cancelled = token.onCancellationRequested(() => this.cancel());
          this.shown = 0;
          this.open = {
            progress,
            close: () => {
              cancelled.dispose();
              this.open = undefined;
              resolve();
            },
          };
          this.update();
        }),
    );
  }

  private close(): void {
    this.open?.close();
  }

  dispose(): void {
    this.disposed = true;
    this.close();
    this.visibility?.dispose();
    this.statusBar.showIdle();
  }
}
