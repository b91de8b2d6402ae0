/**
 * One forecast run as the panel sees it: the worker's reading, start and per-epoch events
 * become `ingestProgress`, `forecastStarted` and batched `forecastProgress` messages (every
 * loss point of every model arrives), and the notification and status bar follow along. Once
 * the series is read, `forecastSeries` plots it (and the baselines) before training; as each
 * model is done, `forecastModelDone` posts the result so far (bounded, see partialResult.ts).
 * A run that started in the panel and then fails (an error in the worker, a crash, a
 * restart, a cancel while reading) is ended with `forecastFailed`; the caller shows the error.
 */
import * as path from 'node:path';
import type { ForecastJobResult, ModelRun } from '../core/forecast/forecastResult';
import type { ForecastSettings } from '../core/forecast/forecastSettings';
import type { ForecastJobStart } from '../core/forecast/forecastJob';
import type { LossPoint } from '../protocol/common';
import type { ForecastHostMessage as HostMessage } from '../protocol/forecast';
import { runSettingsOf } from '../protocol/forecastRunSettings';
import { partialPlotResult } from './partialResult';
import type { WorkerEvent } from '../worker/protocol';
import type { JobContext } from './jobs/jobTypes';
import { ProgressBatch } from './jobs/progressBatch';
import { WorkerRequestError } from './trainingWorkerClient';

type Epoch = Extract<WorkerEvent, { type: 'forecastEpoch' }>;
type Ingest = Extract<WorkerEvent, { type: 'ingest' }>;

/** Trains `settings.models` on `csv` (or applies the saved model in `load`), telling `post`. */
export function runForecast(
  job: JobContext,
  runId: number,
  csv: string,
  settings: Partial<ForecastSettings>,
  load: string | undefined,
  postToPanel: (message: HostMessage) => void,
): Promise<ForecastJobResult> {
  const file = path.basename(csv);
  /** Whether the panel was told of this run (its first message starts it there). */
  let started = false;
  const post = (message: HostMessage) => {
    started = true;
    postToPanel(message);
  };
  let last: Epoch | undefined;
  let start: ForecastJobStart | undefined;
  const done: ModelRun[] = [];
  /** Training time of the model's seeds before the one training now (each seed's elapsedMs starts at 0). */
  let seedsDoneMs = 0;
  /** Loss points of the first seed; null for a later seed's epoch (no point: its curve would start the model's over). */
  const lossBatch = new ProgressBatch<LossPoint | null>((items) => {
    const { model, modelIndex, epochs, elapsedMs, epoch, models, member, members } = last!;
    const remainingEpochs = epochs - epoch + (members - member - 1) * epochs + (models - modelIndex - 1) * epochs * members;
    const points = items.filter((point): point is LossPoint => point !== null);
    const seed = members > 1 ? { seed: { member, members, epoch } } : {};
    post({ type: 'forecastProgress', runId, model, modelIndex, points, epochs, elapsedMs: seedsDoneMs + elapsedMs, remainingMs: (elapsedMs / epoch) * remainingEpochs, ...seed });
  });
  const readBatch = new ProgressBatch<Ingest>((events) => {
    const { bytesRead, totalBytes, rows } = events[events.length - 1];
    post({ type: 'ingestProgress', runId, file, bytesRead, totalBytes, rows });
    job.report({ message: `reading: ${rows.toLocaleString('en')} rows` });
  });
  const onEvent = (event: WorkerEvent) => {
    if (event.type === 'ingest') {
      readBatch.add(event, event.bytesRead >= event.totalBytes);
    } else if (event.type === 'forecastProbe') {
      readBatch.flush();
      const { probe, probes, what } = event;
      post({ type: 'forecastProbe', runId, probe, probes, what });
      job.report({ message: `choosing what the model sees: ${probe} of ${probes}` });
    } else if (event.type === 'forecastStarted') {
      const { type: _started, ...info } = event;
      start = info;
      const { ingest, split, models, epochs, loaded, settings: ran } = info;
      post({ type: 'forecastStarted', runId, ingest, split, models, epochs, loaded, settings: runSettingsOf(ran) });
      post({ type: 'forecastSeries', runId, result: partialPlotResult(runId, info, []) });
    } else if (event.type === 'forecastModelDone' && start) {
      lossBatch.flush();
      done[event.index] = event.run;
      post({ type: 'forecastModelDone', runId, modelIndex: event.index, result: partialPlotResult(runId, start, done.filter(Boolean)) });
    } else if (event.type === 'forecastEpoch') {
      if (last && (last.modelIndex !== event.modelIndex || last.member !== event.member)) {
        lossBatch.flush();
        seedsDoneMs = last.modelIndex !== event.modelIndex ? 0 : seedsDoneMs + last.elapsedMs;
      }
      const { epoch, epochs, loss, valLoss, modelIndex, models, member, members } = event;
      const seed = members > 1 ? ` seed ${member + 1}/${members}` : '';
      const fraction = ((modelIndex * members + member) * epochs + epoch) / (epochs * models * members);
      job.report({ message: `${event.model}${seed} epoch ${epoch}/${epochs}, loss ${loss.toPrecision(4)}`, done: fraction, epoch: event });
      last = event;
      // The panel's loss curve of a model is its first seed's (the others would start it over).
      lossBatch.add(member > 0 ? null : valLoss === undefined ? { epoch, loss } : { epoch, loss, valLoss }, epoch === epochs);
    }
  };
  return job.request({ type: 'forecast', csv, settings, load }, onEvent).then(
    (result) => {
      lossBatch.flush();
      return result;
    },
    (error: unknown) => {
      readBatch.flush();
      lossBatch.flush();
      if (started) postToPanel({ type: 'forecastFailed', runId, cancelled: error instanceof WorkerRequestError && error.cancelled });
      throw error;
    },
  );
}
