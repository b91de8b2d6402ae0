/**
 * The host's handle on the training worker: typed request/reply over `postMessage`,
 * progress events, and cancellation through a shared flag. The worker starts on the first
 * request (activation stays cheap) and again after a crash or a backend change.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { BackendChoice } from '../core/backendChoice';
import type { WorkerData, WorkerEvent, WorkerMessage, WorkerReplies, WorkerRequestBody } from '../worker/protocol';

/**
 * A failed request; `userError` says the message is meant for the user as it is, and
 * `cancelled` that the user stopped it (nothing to report).
 */
export class WorkerRequestError extends Error {
  constructor(
    message: string,
    readonly userError: boolean,
    readonly cancelled = false,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(body: unknown): void;
  reject(error: Error): void;
}

export class TrainingWorkerClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly events = new vscode.EventEmitter<WorkerEvent>();
  /** Progress of the running request (training, reading a CSV, forecasting). */
  readonly onEvent = this.events.event;

  constructor(
    private readonly distDir: string,
    private readonly backend: () => BackendChoice,
  ) {}

  request<K extends WorkerRequestBody['type']>(
    body: Extract<WorkerRequestBody, { type: K }>,
  ): Promise<WorkerReplies[K]> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<WorkerReplies[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (b: unknown) => void, reject });
      worker.postMessage({ ...body, id });
    });
  }

  /** Stops the running training within one batch (or reading within one chunk). */
  cancel(): void {
    Atomics.store(this.cancelFlag, 0, 1);
  }

  /** Ends the worker (and its model); the next request starts a fresh one. */
  restart(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.failPending(new WorkerRequestError('The training worker was restarted.', true));
  }

  dispose(): void {
    this.restart();
    this.events.dispose();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const workerData: WorkerData = {
      cancelFlag: this.cancelFlag.buffer as SharedArrayBuffer,
      wasmDir: this.distDir + path.sep,
      backend: this.backend(),
    };
    const worker = new Worker(path.join(this.distDir, 'worker.js'), { workerData });
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => this.onExit(worker, `The training worker failed: ${error.message}`));
    worker.on('exit', (code) => this.onExit(worker, `The training worker stopped (exit code ${code}).`));
    this.worker = worker;
    return worker;
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type !== 'reply' && message.type !== 'error') {
      this.events.fire(message);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'reply') pending.resolve(message.body);
    else pending.reject(new WorkerRequestError(message.message, message.userError, message.cancelled));
  }

  private onExit(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failPending(new WorkerRequestError(reason, false));
  }

  private failPending(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
