import * as v from 'valibot';
import { finite } from '../numberSchemas';
import { ForecastMetricsSchema, type ForecastMetrics } from './metrics';

/** One row of "compare models": a trained model or the persistence baseline. */
export const LeaderboardEntrySchema = v.object({
  /** Preset name ('mlp', 'rnn', 'lstm', 'gru') or 'persistence'. */
  name: v.string(),
  /** "MLP 56-32", "LSTM 64", "Last value (persistence)". */
  label: v.string(),
  baseline: v.boolean(),
  metrics: ForecastMetricsSchema,
  /** MASE below the baseline's (always false for the baseline itself). */
  beatsBaseline: v.boolean(),
  /** 1 = best. */
  rank: finite,
});
export type LeaderboardEntry = v.InferOutput<typeof LeaderboardEntrySchema>;

/** NaN sorts last. */
const byValue = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b);

/**
 * The models and the baseline ranked by MASE (equivalently MAE: the scale is shared), then
 * RMSE. A model that does not beat the baseline is listed as such — never hidden.
 */
export function leaderboard(models: ReadonlyArray<{ name: string; label: string; metrics: ForecastMetrics }>, baseline: ForecastMetrics): LeaderboardEntry[] {
  const entries = [
    ...models.map((model) => ({ ...model, baseline: false, beatsBaseline: model.metrics.mae < baseline.mae })),
    { name: 'persistence', label: 'Last value (persistence)', baseline: true, metrics: baseline, beatsBaseline: false },
  ];
  entries.sort((a, b) => byValue(a.metrics.mae, b.metrics.mae) || byValue(a.metrics.rmse, b.metrics.rmse));
  return entries.map((entry, index) => ({ ...entry, rank: index + 1 }));
}
