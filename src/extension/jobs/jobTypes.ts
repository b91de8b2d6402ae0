/** The shapes the job runner shares with its users and its UI (see jobRunner.ts). */
import type { WorkerEvent, WorkerReplies, WorkerRequestBody } from '../../worker/protocol';

/** Whether a job's panel is on screen: progress shows there, else in a notification. */
export interface PanelPresence {
  readonly visible: boolean;
  onDidChangeVisibility(listener: (visible: boolean) => void): { dispose(): void };
}

export interface JobInfo {
  readonly id: number;
  /** Whose job it is: the panel whose Cancel stops it ('text', 'forecast'). */
  readonly owner: string;
  /** What it does, in a sentence: 'the text training', 'reading prices.csv'. */
  readonly label: string;
  state: 'waiting' | 'running';
  /** While waiting behind another job: what the user is told about it. */
  notice?: string;
}

export interface JobSpec<T> {
  owner: string;
  label: string;
  /** The progress notification's title; none for quick jobs (generate, save, load). */
  title?: string;
  /** The job's panel, where its progress shows while visible. */
  panel?: PanelPresence;
  run(context: JobContext): Promise<T>;
}

/** What a job's `run` is given: its requests and its progress. */
export interface JobContext {
  /** Sends one request of this job; `onEvent` receives that request's progress only. */
  request<K extends WorkerRequestBody['type']>(
    body: Extract<WorkerRequestBody, { type: K }>,
    onEvent?: (event: WorkerEvent) => void,
  ): Promise<WorkerReplies[K]>;
  /** Progress for the notification (while the job's panel is hidden) and the status bar. */
  report(progress: JobProgress): void;
}

/** One progress report: a message, the share done (0..1), the epoch for the status bar. */
export interface JobProgress {
  message: string;
  done?: number;
  epoch?: { epoch: number; epochs: number };
}

export interface ProgressSurface {
  report(progress: JobProgress): void;
  dispose(): void;
}

/** What the runner shows, implemented with VS Code in jobUi.ts (and faked in tests). */
export interface JobUi {
  /** `job` waits behind `running`: say so now; `cancelRunning` is the notice's button. */
  waiting(job: JobInfo, running: JobInfo, cancelRunning: () => void): void;
  /** The running job's progress surface; `cancel` is its Cancel button. */
  progress(job: JobInfo, spec: Pick<JobSpec<unknown>, 'title' | 'panel'>, cancel: () => void): ProgressSurface;
}
