import * as v from 'valibot';
import { finite } from '../numberSchemas';
import { ForecastMetricsSchema, type ForecastMetrics } from './metrics';

/** One row of "compare models": a trained model or a baseline. */
export const LeaderboardEntrySchema = v.object({
  /** Preset name ('mlp', 'rnn', 'lstm', 'gru') or a baseline's ('persistence', 'seasonalNaive'). */
  name: v.string(),
  /** "MLP 56-32", "LSTM 64", "Last value (persistence)", "Same day last week (seasonal naive, 7 days)". */
  label: v.string(),
  baseline: v.boolean(),
  metrics: ForecastMetricsSchema,
  /** MAE below the best baseline's (always false for a baseline itself). */
  beatsBaseline: v.boolean(),
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

/**
 * The models and the baselines ranked by MAE (equivalently MASE: the scale is shared), then
 * RMSE. A model beats the baseline when its MAE is below the best baseline's; one that does
 * not is listed as such — never hidden.
 */
export function leaderboard(models: readonly Ranked[], baselines: readonly Ranked[]): LeaderboardEntry[] {
  const bar = bestBaseline(baselines)?.metrics.mae ?? NaN;
  const entries = [
    ...models.map(({ name, label, metrics }) => ({ name, label, metrics, baseline: false, beatsBaseline: metrics.mae < bar })),
    ...baselines.map(({ name, label, metrics }) => ({ name, label, metrics, baseline: true, beatsBaseline: false })),
  ];
  entries.sort((a, b) => byValue(a.metrics.mae, b.metrics.mae) || byValue(a.metrics.rmse, b.metrics.rmse));
  return entries.map((entry, index) => ({ ...entry, rank: index + 1 }));
}

/** The model ranked first on `ranked` (its leaderboard), the one whose forecast is shown; undefined without models. */
export function bestModel<M extends { name: string }>(models: readonly M[], ranked: readonly LeaderboardEntry[]): M | undefined {
  const first = ranked.find((entry) => !entry.baseline);
  return models.find((model) => model.name === first?.name);
}
