/**
 * One text training as the panel sees it: the worker's `started` and per-epoch events become
 * `trainingStarted` and batched `progress` messages (every loss point arrives), and the
 * notification and status bar get the epoch and loss. A run that started and then fails
 * (an error in the worker, a crash, a restart) is ended with `trainingFailed`, so the panel
 * never stays "Training…"; the caller shows the error.
 */
import type { SettingNamer } from '../core/settings/numberSetting';
import type { TextTrainingSettings } from '../core/text/textSettings';
import type { LossPoint } from '../protocol/common';
import type { TextHostMessage as HostMessage } from '../protocol/text';
import type { ModelSummary, TrainingOutcome } from '../worker/protocol';
import type { JobContext } from './jobs/jobTypes';
import { ProgressBatch } from './jobs/progressBatch';
import { WorkerRequestError } from './trainingWorkerClient';
import type { TextSource } from './textSource';

export async function trainOnText(
  job: JobContext,
  runId: number,
  source: Pick<TextSource, 'text' | 'label'>,
  training: TextTrainingSettings,
  name: SettingNamer,
  post: (message: HostMessage) => void,
): Promise<TrainingOutcome & { model: ModelSummary }> {
  // The worker's refusals (a run too big for the text: see runBounds.ts) name the settings as the user set them.
  const settingNames = Object.fromEntries(Object.keys(training).map((key) => [key, name(key)]));
  /** The timing the next batch is sent with. */
  let timing = { epochs: training.epochs, elapsedMs: 0, remainingMs: 0 };
  const batch = new ProgressBatch<LossPoint>((points) => post({ type: 'progress', runId, points, ...timing }));
  let started = false;
  const reply = job.request({ type: 'train', text: source.text, source: source.label, training, settingNames }, (event) => {
    if (event.type === 'started') {
      const { type: _started, ...info } = event;
      started = true;
      post({ type: 'trainingStarted', runId, source: source.label, ...info });
    } else if (event.type === 'epoch') {
      const remainingMs = (event.elapsedMs / event.epoch) * (event.epochs - event.epoch);
      timing = { epochs: event.epochs, elapsedMs: event.elapsedMs, remainingMs };
      job.report({ message: `epoch ${event.epoch}/${event.epochs}, loss ${event.loss.toFixed(4)}`, done: event.epoch / event.epochs, epoch: event });
      const point = event.valLoss === undefined ? { epoch: event.epoch, loss: event.loss } : { epoch: event.epoch, loss: event.loss, valLoss: event.valLoss };
      batch.add(point, event.epoch === event.epochs);
    }
  });
  const outcome = await reply.catch((error: unknown) => {
    batch.flush();
    if (started) post({ type: 'trainingFailed', runId, cancelled: error instanceof WorkerRequestError && error.cancelled });
    throw error;
  });
  // A cancelled run's last points: its time from the outcome, nothing left to run.
  timing = { epochs: training.epochs, elapsedMs: outcome.msPerEpoch * outcome.epochsRun, remainingMs: 0 };
  batch.flush();
  return outcome;
}
