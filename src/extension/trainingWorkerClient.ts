/**
 * The host's handle on the training worker: typed request/reply over `postMessage`, each
 * request's progress events routed to that request only, and cancellation of one request by
 * its id. Requests go to the worker one at a time, in order, so a request still waiting here
 * is cancelled without the worker ever seeing it. The worker starts on the first request
 * (activation stays cheap) and again after a crash, a restart (backend change), or a request
 * whose engine failed (the wasm backend out of memory: the worker is ended, not reused).
 * Free of `vscode`: the unit tests drive it under plain Node.
 */
import { Worker } from 'node:worker_threads';
import type { BackendChoice } from '../core/backendChoice';
import type { WorkerData, WorkerEvent, WorkerMessage, WorkerReplies, WorkerRequest, WorkerRequestBody } from '../worker/protocol';
import { Signal } from './signal';

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

/** Why the worker restarted after its engine failed (see engineFailure.ts): what the panels are told. */
export const ENGINE_RESTARTED = 'The training engine ran out of memory and was restarted.';

/** The failed request's message: what happened, and what to change. */
const engineFailed = (detail: string) =>
  `The training engine ran out of memory and was restarted (${detail}): lower the batch size, the window or sequence length, or the units, and run again.`;

/** Where the worker's files are, and the backend it is started with. */
export interface WorkerFiles {
  /** The worker's script (dist/worker.js). */
  script: string;
  /** Folder holding tfjs-backend-wasm's .wasm files, ending in a path separator. */
  wasmDir: string;
  backend: () => BackendChoice;
}

/** A request sent (or about to be): its id is what `cancel` takes. */
export interface WorkerCall<R> {
  readonly id: number;
  readonly reply: Promise<R>;
}

interface Queued {
  request: WorkerRequest;
  onEvent?: (event: WorkerEvent) => void;
  resolve(body: unknown): void;
  reject(error: Error): void;
}

export class TrainingWorkerClient {
  private worker: Worker | undefined;
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly queue: Queued[] = [];
  private inFlight: Queued | undefined;
  private nextId = 1;
  private readonly restarted = new Signal<string>();
  /** Fires with the reason whenever the worker, and the models it held, are gone. */
  readonly onDidRestart = this.restarted.event;

  constructor(private readonly files: WorkerFiles) {}

  /** Queues one request; `onEvent` receives its progress events, and only its. */
  call<K extends WorkerRequestBody['type']>(
    body: Extract<WorkerRequestBody, { type: K }>,
    onEvent?: (event: WorkerEvent) => void,
  ): WorkerCall<WorkerReplies[K]> {
    const id = this.nextId++;
    const reply = new Promise<WorkerReplies[K]>((resolve, reject) => {
      this.queue.push({ request: { ...body, id }, onEvent, resolve, reject });
    });
    this.sendNext();
    return { id, reply };
  }

  /** The reply to one request (for requests nobody cancels). */
  request<K extends WorkerRequestBody['type']>(body: Extract<WorkerRequestBody, { type: K }>): Promise<WorkerReplies[K]> {
    return this.call(body).reply;
  }

  /**
   * Stops request `id` and no other: a queued one is dropped (rejected as cancelled), the
   * one in the worker stops within one batch or chunk (training replies with what it learned).
   */
  cancel(id: number): void {
    const index = this.queue.findIndex((q) => q.request.id === id);
    if (index >= 0) {
      const [dropped] = this.queue.splice(index, 1);
      dropped.reject(new WorkerRequestError('Cancelled before it started.', true, true));
    } else if (this.inFlight?.request.id === id) {
      Atomics.store(this.cancelFlag, 0, id);
    }
  }

  /** Ends the worker (and its models) for `reason`; the next request starts a fresh one. */
  restart(reason = 'The training worker was restarted.'): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.failAll(new WorkerRequestError(reason, true), reason);
  }

  dispose(): void {
    this.restarted.dispose();
    this.restart();
  }

  private sendNext(): void {
    if (this.inFlight) return;
    const next = this.queue.shift();
    if (!next) return;
    this.inFlight = next;
    this.ensureWorker().postMessage(next.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const workerData: WorkerData = {
      cancelFlag: this.cancelFlag.buffer,
      wasmDir: this.files.wasmDir,
      backend: this.files.backend(),
    };
    const worker = new Worker(this.files.script, { workerData });
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => this.onExit(worker, `The training worker failed: ${error.message}`));
    worker.on('exit', (code) => this.onExit(worker, `The training worker stopped (exit code ${code}).`));
    this.worker = worker;
    return worker;
  }

  private onMessage(message: WorkerMessage): void {
    const current = this.inFlight;
    if (message.type !== 'reply' && message.type !== 'error') {
      const { requestId, ...event } = message;
      if (current?.request.id === requestId) current.onEvent?.(event);
      return;
    }
    if (current?.request.id !== message.id) return;
    this.inFlight = undefined;
    if (message.type === 'reply') current.resolve(message.body);
    else if (message.engineFailed) {
      // Its heap is corrupt: every later request would fail the same way. A fresh worker takes the next.
      current.reject(new WorkerRequestError(engineFailed(message.message), true));
      this.restart(ENGINE_RESTARTED);
      return;
    } else current.reject(new WorkerRequestError(message.message, message.userError, message.cancelled));
    this.sendNext();
  }

  private onExit(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(new WorkerRequestError(reason, false), reason);
  }

  /** Rejects every request, in the worker or queued: the worker they were meant for is gone. */
  private failAll(error: Error, reason: string): void {
    const all = [...(this.inFlight ? [this.inFlight] : []), ...this.queue.splice(0)];
    this.inFlight = undefined;
    for (const queued of all) queued.reject(error);
    this.restarted.fire(reason);
  }
}
