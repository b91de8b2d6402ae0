import * as v from 'valibot';
import { finite, jsonNumber } from '../numberSchemas';
import type { Backtest } from './backtest';
import { ForecastMetricsSchema, type ForecastMetrics } from './metrics';

/** One row of "compare models": a trained model or a baseline. */
export const LeaderboardEntrySchema = v.object({
  /** Preset name ('mlp', 'rnn', 'lstm', 'gru') or a baseline's ('persistence', 'seasonalNaive'). */
  name: v.string(),
  /** "MLP 56-32", "LSTM 64", "Last value (persistence)", "Same day last week (seasonal naive, 7 days)". */
  label: v.string(),
  baseline: v.boolean(),
  metrics: ForecastMetricsSchema,
  /** MAE below the best baseline's on the measure ranked by (always false for a baseline itself). */
  beatsBaseline: v.boolean(),
  /** What the order comes from: the backtest's multi-step MAE, mean over its origins, or the held-out one-step MAE (absent in results from before: 'heldOut'). */
  rankedBy: v.optional(v.picklist(['backtest', 'heldOut'])),
  /** With rankedBy 'backtest': that mean MAE (NaN: no backtest row). */
  backtestMae: v.optional(jsonNumber),
  /** 1 = best. */
  rank: finite,
});
export type LeaderboardEntry = v.InferOutput<typeof LeaderboardEntrySchema>;

/** NaN sorts last. */
const byValue = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b);

interface Ranked {
  name: string;
  label: string;
  metrics: ForecastMetrics;
}

/** The baseline with the lowest held-out MAE (the first on a tie; the first when every MAE is NaN). */
export function bestBaseline<B extends Ranked>(baselines: readonly [B, ...B[]]): B;
export function bestBaseline<B extends Ranked>(baselines: readonly B[]): B | undefined;
export function bestBaseline<B extends Ranked>(baselines: readonly B[]): B | undefined {
  return baselines.reduce<B | undefined>((best, b) => (best === undefined || byValue(b.metrics.mae, best.metrics.mae) < 0 ? b : best), undefined);
}

/** Origins a backtest needs before the ranking comes from it. */
const MIN_RANKING_ORIGINS = 2;

/**
 * The models and the baselines ranked by MAE (equivalently MASE: the scale is shared), then
 * RMSE: the backtest's multi-step MAE (mean over its origins, see backtest.ts) when `backtest`
 * has at least 2 origins, so that a ranking is not the luck of one split; else the held-out
 * one-step MAE. A model beats the baseline when that MAE is below the best baseline's; one
 * that does not is listed as such — never hidden.
 */
export function leaderboard(models: readonly Ranked[], baselines: readonly Ranked[], backtest: Backtest | null = null): LeaderboardEntry[] {
  const byBacktest = backtest !== null && backtest.origins.length >= MIN_RANKING_ORIGINS;
  const backtestMae = (name: string, baseline: boolean) => backtest?.rows.find((row) => row.name === name && row.baseline === baseline)?.multiStep.mean ?? NaN;
  const key = (r: Ranked, baseline: boolean) => (byBacktest ? backtestMae(r.name, baseline) : r.metrics.mae);
  const bars = baselines.map((b) => key(b, true)).filter((mae) => !Number.isNaN(mae));
  const bar = bars.length > 0 ? Math.min(...bars) : NaN;
  const extra = (r: Ranked, baseline: boolean) => (byBacktest ? { rankedBy: 'backtest' as const, backtestMae: backtestMae(r.name, baseline) } : { rankedBy: 'heldOut' as const });
  const entries = [
    ...models.map((r) => ({ name: r.name, label: r.label, metrics: r.metrics, baseline: false, beatsBaseline: key(r, false) < bar, ...extra(r, false), by: key(r, false) })),
    ...baselines.map((r) => ({ name: r.name, label: r.label, metrics: r.metrics, baseline: true, beatsBaseline: false, ...extra(r, true), by: key(r, true) })),
  ];
  entries.sort((a, b) => byValue(a.by, b.by) || byValue(a.metrics.mae, b.metrics.mae) || byValue(a.metrics.rmse, b.metrics.rmse));
  return entries.map(({ by: _by, ...entry }, index) => ({ ...entry, rank: index + 1 }));
}

/** The model ranked first on `ranked` (its leaderboard), the one whose forecast is shown; undefined without models. */
export function bestModel<M extends { name: string }>(models: readonly M[], ranked: readonly LeaderboardEntry[]): M | undefined {
  const first = ranked.find((entry) => !entry.baseline);
  return models.find((model) => model.name === first?.name);
}
