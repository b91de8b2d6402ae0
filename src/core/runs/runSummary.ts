/**
 * A kept run in a line: what the panel's Runs list shows and compares (when, which file,
 * the best model's MAE against the best baseline's, every model's MAE and MASE, the
 * settings). Small: the list holds up to MAX_LISTED_RUNS of them.
 */
import * as v from 'valibot';
import { bestBaseline } from '../forecast/leaderboard';
import { KeptSettingsSchema, RunIdSchema, type RunRecord } from './runRecord';

/** Kept runs listed, and files read when listing (the newest). */
export const MAX_LISTED_RUNS = 50;

/** A metric: null where it cannot be computed (NaN in the result). */
const MetricSchema = v.nullable(v.number());

const ScoreSchema = v.object({
  /** Preset or baseline name ('mlp', 'persistence', ...). */
  name: v.string(),
  /** "MLP 56-32", "Last value (persistence)". */
  label: v.string(),
  mae: MetricSchema,
  mase: MetricSchema,
});
export type RunScore = v.InferOutput<typeof ScoreSchema>;

export const RunSummarySchema = v.object({
  id: RunIdSchema,
  /** ms since 1970 UTC. */
  finishedAt: v.number(),
  /** The CSV as the record names it (workspace-relative where possible), and its column. */
  csv: v.string(),
  column: v.string(),
  /** The interval the series was resampled to ('day', 'month', 'none', ...). */
  interval: v.string(),
  /** The model that made the forecast (lowest held-out MAE); null when none ran. */
  best: v.nullable(ScoreSchema),
  /** The baseline with the lowest held-out MAE. */
  bestBaseline: ScoreSchema,
  /** In training order. */
  models: v.array(ScoreSchema),
  baselines: v.array(ScoreSchema),
  settings: KeptSettingsSchema,
  /** Set when a saved model was applied. */
  loaded: v.boolean(),
  cancelled: v.boolean(),
});
export type RunSummary = v.InferOutput<typeof RunSummarySchema>;

const metric = (x: number): number | null => (Number.isFinite(x) ? x : null);

function score(entry: { name: string; label: string; metrics: { mae: number; mase: number } }): RunScore {
  return { name: entry.name, label: entry.label, mae: metric(entry.metrics.mae), mase: metric(entry.metrics.mase) };
}

export function summarizeRun(record: RunRecord): RunSummary {
  const r = record.result;
  const best = r.models.find((m) => m.name === r.forecast?.model);
  return {
    id: record.id,
    finishedAt: Date.parse(record.finishedAt),
    csv: record.csv,
    column: r.ingest.column,
    interval: r.ingest.resample,
    best: best ? score(best) : null,
    // The schema puts persistence first: there is always one.
    bestBaseline: score(bestBaseline(r.baselines) ?? r.baselines[0]),
    models: r.models.map(score),
    baselines: r.baselines.map(score),
    settings: record.settings,
    loaded: record.loadedFrom !== undefined,
    cancelled: r.cancelled,
  };
}
