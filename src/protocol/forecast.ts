/**
 * The forecast panel's messages: one valibot schema per message, the types inferred from
 * them, and the protocol the host's generic panel runs for it (see panelSession.ts). The
 * messages every panel shares are in common.ts.
 */
import * as v from 'valibot';
import { ForecastJobResultSchema, IngestSummarySchema, SplitInfoSchema } from '../core/forecast/forecastResult';
import { finite } from '../core/numberSchemas';
import { RunIdSchema } from '../core/runs/runRecord';
import { RunListSchema } from './forecastRuns';
import { LossPointSchema, type CommonHostMessage, type CommonWebviewMessage } from './common';
import { ForecastStateSchema, initialForecastState, reduceForecast, restoreForecastState, type ForecastState } from './forecastState';
import { PlotResultSchema } from './forecastPlot';
import { RunRequestSchema, RunSettingsSchema } from './forecastRunSettings';
import { definePanelProtocol, type Snapshot } from './panelSession';


const FORECAST_HOST_MESSAGES = [
  v.object({
    type: v.literal('ingestProgress'),
    runId: finite,
    /** The CSV's file name. */
    file: v.string(),
    bytesRead: finite,
    totalBytes: finite,
    rows: finite,
  }),
  /** The auto recipe fits probe `probe` of `probes` (after reading, before training) to choose the transform and window. */
  v.object({ type: v.literal('forecastProbe'), runId: finite, probe: finite, probes: finite, what: v.pipe(v.string(), v.maxLength(300)) }),
  v.object({
    type: v.literal('forecastStarted'),
    runId: finite,
    ingest: IngestSummarySchema,
    split: SplitInfoSchema,
    /** Presets about to train, in order ('mlp', 'rnn', 'lstm', 'gru'), or the loaded one. */
    models: v.array(v.string()),
    epochs: finite,
    /** A saved model is applied: nothing trains. */
    loaded: v.boolean(),
    /** The settings it runs with, as the form shows them. */
    settings: v.optional(RunSettingsSchema),
  }),
  /** The series is read: its result so far (series, held-out points, baselines; no model yet), plotted while the models train. */
  v.object({ type: v.literal('forecastSeries'), runId: finite, result: PlotResultSchema }),
  /** Model `modelIndex` is done: the result so far, with every model done (its metrics, forecast) ranked with the baselines. */
  v.object({ type: v.literal('forecastModelDone'), runId: finite, modelIndex: finite, result: PlotResultSchema }),
  v.object({
    type: v.literal('forecastProgress'),
    runId: finite,
    /** Preset training now, and its 0-based position in `forecastStarted.models`. */
    model: v.string(),
    modelIndex: finite,
    /** New points since the last message of this model, in epoch order. */
    points: v.array(LossPointSchema),
    epochs: finite,
    /** Since the model started training (its earlier seeds included). */
    elapsedMs: finite,
    remainingMs: finite,
    /** The seed training now, of the model's ensemble, and its epoch (its loss is not plotted after the first seed); absent with one seed. */
    seed: v.optional(v.object({ member: finite, members: finite, epoch: finite })),
  }),
  /** A run's result; `settings` (a kept run reopened) prefill the form when no forecastStarted came before. */
  v.object({ type: v.literal('forecastFinished'), runId: finite, result: ForecastJobResultSchema, settings: v.optional(RunSettingsSchema) }),
  /**
   * Run `runId` ended without a result: its request failed (the error follows as `error`, or a
   * notification while the panel is hidden), or was cancelled in the worker (e.g. while reading).
   * The worker holds none of its forecasters.
   */
  v.object({ type: v.literal('forecastFailed'), runId: finite, cancelled: v.boolean() }),
  /** The runs kept in the workspace (.rnn-studio/runs/), newest first, and which one the panel's result is. */
  v.object({ type: v.literal('runHistory'), ...RunListSchema.entries }),
] as const;

/** Forecast panel -> host, besides ready, cancel and saveModel (the forecaster). */
const FORECAST_WEBVIEW_MESSAGES = [
  /** Write the forecast (and held-out predictions) as CSV. */
  v.object({ type: v.literal('exportForecastCsv') }),
  /** Save a chart the webview rendered (`data`: SVG text, or a PNG data URL). */
  v.object({
    type: v.literal('exportChart'),
    chart: v.pipe(v.string(), v.regex(/^[\w-]{1,40}$/)),
    format: v.picklist(['svg', 'png']),
    data: v.string(),
  }),
  /** Show the kept run `id` (read by the host from .rnn-studio/runs/ only). */
  v.object({ type: v.literal('openRun'), id: RunIdSchema }),
  /** Run the forecast again on the same CSV (column, time column) with these settings (the form's, or a suggestion's). */
  v.object({ type: v.literal('runForecast'), settings: RunRequestSchema }),
] as const;

/** Host -> forecast panel: what the forecast job posts. */
export type ForecastHostMessage = v.InferOutput<(typeof FORECAST_HOST_MESSAGES)[number]> | CommonHostMessage;
/** Everything the forecast panel receives: the host's messages and its snapshot. */
export type ForecastPanelMessage = ForecastHostMessage | Snapshot<ForecastState>;
/** Forecast panel -> host. */
export type ForecastWebviewMessage = v.InferOutput<(typeof FORECAST_WEBVIEW_MESSAGES)[number]> | CommonWebviewMessage;

/** What the host's generic panel runs, and how each side reads what it receives (malformed: undefined). */
export const { protocol: FORECAST_PROTOCOL, parsePanelMessage: parseForecastPanelMessage, parseWebviewMessage: parseForecastWebviewMessage } =
  definePanelProtocol({
    host: FORECAST_HOST_MESSAGES,
    webview: FORECAST_WEBVIEW_MESSAGES,
    state: ForecastStateSchema,
    initialState: initialForecastState,
    restoreState: restoreForecastState,
    reduce: reduceForecast,
  });
