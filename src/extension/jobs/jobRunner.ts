/**
 * The one place that runs a user-level job on the training worker (training, reading a CSV,
 * forecasting, generating, saving, loading): jobs wait here and the worker runs one at a
 * time; a job that has to wait says so at once, naming the one it waits for and offering to
 * cancel it; Cancel is scoped to one job, so it never stops another. Free of `vscode`: the
 * surfaces (notification, status bar, notices) come through `JobUi`, so the unit tests run it
 * under plain Node with the real worker and a fake UI.
 */
import { STOPPABLE_REQUESTS } from '../../worker/protocol';
import { Signal } from '../signal';
import { WorkerRequestError, type TrainingWorkerClient } from '../trainingWorkerClient';
import type { JobContext, JobInfo, JobSpec, JobUi, ProgressSurface } from './jobTypes';

interface Job extends JobInfo {
  spec: JobSpec<unknown>;
  start(): void;
  reject(error: Error): void;
  /** The request in the worker, and whether it is one that stops when asked. */
  inFlight?: { id: number; stoppable: boolean };
  /** Cancel was asked and has not reached a stoppable request yet. */
  cancelPending: boolean;
}

const cancelledError = () => new WorkerRequestError('Cancelled.', true, true);

/** "Waiting for the text training to finish — Cancel it?" */
export const waitingNotice = (running: Pick<JobInfo, 'label'>) => `Waiting for ${running.label} to finish — Cancel it?`;

export class JobRunner {
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private nextId = 1;
  private readonly changed = new Signal<readonly JobInfo[]>();
  /** Fires with the jobs (the running one first) whenever one is queued, starts or ends. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly worker: TrainingWorkerClient,
    private readonly ui: JobUi,
  ) {}

  /** The running job first, then the waiting ones in order. */
  get jobs(): readonly JobInfo[] {
    return [...(this.running ? [this.running] : []), ...this.queue].map(({ id, owner, label, state, notice }) => ({ id, owner, label, state, notice }));
  }

  /** Runs `spec` when the jobs before it are done; rejects as cancelled if cancelled first. */
  run<T>(spec: JobSpec<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const ahead = this.running;
      const job: Job = {
        id: this.nextId++,
        owner: spec.owner,
        label: spec.label,
        state: 'waiting',
        notice: ahead ? waitingNotice(ahead) : undefined,
        spec,
        cancelPending: false,
        reject,
        start: () => void this.execute(job).then(resolve as (value: unknown) => void, reject),
      };
      this.queue.push(job);
      if (ahead) this.ui.waiting(job, ahead, () => this.cancel(ahead.id));
      this.pump();
      this.changed.fire(this.jobs);
    });
  }

  /**
   * Cancels job `id` only: a waiting one never runs; a running one has its stoppable request
   * (training, reading, forecasting) stopped — the one in the worker, or the next it sends.
   */
  cancel(id: number): void {
    const index = this.queue.findIndex((job) => job.id === id);
    if (index >= 0) {
      const [job] = this.queue.splice(index, 1);
      job.reject(cancelledError());
      this.changed.fire(this.jobs);
      return;
    }
    const job = this.running;
    if (job?.id !== id) return;
    if (job.inFlight?.stoppable) this.worker.cancel(job.inFlight.id);
    else job.cancelPending = true;
  }

  /** Cancels every job of `owner` (a panel's Cancel), running or waiting. */
  cancelOwned(owner: string): void {
    for (const job of this.jobs.filter((j) => j.owner === owner)) this.cancel(job.id);
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = next;
    next.state = 'running';
    next.notice = undefined;
    next.start();
  }

  private async execute(job: Job): Promise<unknown> {
    const surface: ProgressSurface | undefined = job.spec.title ? this.ui.progress(job, job.spec, () => this.cancel(job.id)) : undefined;
    try {
      return await job.spec.run(this.context(job, surface));
    } finally {
      surface?.dispose();
      this.running = undefined;
      this.pump();
      this.changed.fire(this.jobs);
    }
  }

  private context(job: Job, surface: ProgressSurface | undefined): JobContext {
    return {
      request: async (body, onEvent) => {
        const stoppable = STOPPABLE_REQUESTS.has(body.type);
        if (stoppable && job.cancelPending) {
          job.cancelPending = false;
          throw cancelledError();
        }
        const call = this.worker.call(body, onEvent);
        job.inFlight = { id: call.id, stoppable };
        try {
          return await call.reply;
        } finally {
          job.inFlight = undefined;
        }
      },
      report: (progress) => surface?.report(progress),
    };
  }
}
