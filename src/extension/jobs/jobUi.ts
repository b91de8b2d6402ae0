/**
 * The job runner's surfaces in VS Code: the notice of a job that waits (with a button that
 * cancels the one it waits for), each running job's progress outside its panel, and the
 * `rnnStudio.busy` context that enables "RNN Studio: Cancel".
 */
import * as vscode from 'vscode';
import type { StatusBar } from '../statusBar';
import type { JobInfo, JobSpec, JobUi, ProgressSurface } from './jobTypes';
import { NotificationProgress } from './notificationProgress';

export class VsCodeJobUi implements JobUi {
  constructor(private readonly statusBar: StatusBar) {}

  waiting(job: JobInfo, _running: JobInfo, cancelRunning: () => void): void {
    void vscode.window.showInformationMessage(`RNN Studio: ${job.notice ?? ''}`, 'Cancel It').then((choice) => {
      if (choice) cancelRunning();
    });
  }

  progress(_job: JobInfo, spec: Pick<JobSpec<unknown>, 'title' | 'panel'>, cancel: () => void): ProgressSurface {
    return new NotificationProgress(spec.title ?? 'RNN Studio', spec.panel, this.statusBar, cancel);
  }
}

/** Keeps `rnnStudio.busy` true while a job runs or waits. */
export function busyContext(jobs: readonly JobInfo[]): void {
  void vscode.commands.executeCommand('setContext', 'rnnStudio.busy', jobs.length > 0);
}

/**
 * "RNN Studio: Cancel" from the palette (or a script): the job of `owner` when given, else
 * the only job, else the one the user picks from the running and waiting ones.
 */
export async function pickJobToCancel(jobs: readonly JobInfo[], owner?: string): Promise<JobInfo[]> {
  if (owner !== undefined) return jobs.filter((job) => job.owner === owner);
  if (jobs.length <= 1) return [...jobs];
  const picked = await vscode.window.showQuickPick(
    jobs.map((job) => ({ label: job.label[0].toUpperCase() + job.label.slice(1), description: job.state === 'running' ? 'running' : 'waiting', job })),
    { title: 'RNN Studio: Cancel', placeHolder: 'Which job to cancel?' },
  );
  return picked ? [picked.job] : [];
}
