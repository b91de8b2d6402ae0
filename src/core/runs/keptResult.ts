/**
 * What a kept run stores of a ForecastJobResult: the same shape (so it validates with
 * ForecastJobResultSchema and the panel shows it as it showed the live one), bounded. A
 * result's series can have millions of points and its held-out part up to a million; kept,
 * the series is decimated to MAX_KEPT_POINTS (min/max per bucket), the held-out values and
 * every prediction on the same indices, each forecast likewise, loss curves longer than
 * MAX_KEPT_EPOCHS are dropped (the chart then says there is none), and the warnings are capped.
 * Metrics are the ones computed on the whole held-out part, as they were.
 */
import { minMaxIndices } from '../forecast/minMaxDecimation';
import type { ForecastJobResult } from '../forecast/forecastResult';

export const MAX_KEPT_POINTS = 2000;
const MAX_KEPT_EPOCHS = 2000;
const MAX_WARNINGS = 50;
const MAX_WARNING_LENGTH = 600;

const pick = (values: readonly number[], indices: readonly number[]): number[] => indices.map((i) => values[i]);

function decimated<L extends { t: number[]; value: number[] }>(line: L): L {
  const indices = minMaxIndices(line.value, MAX_KEPT_POINTS);
  return { ...line, t: pick(line.t, indices), value: pick(line.value, indices) };
}

/** `result` bounded for keeping (see the module's comment); a small result comes back equal. */
export function keptResult(result: ForecastJobResult): ForecastJobResult {
  const held = minMaxIndices(result.heldOut.value, MAX_KEPT_POINTS);
  const longCurve = (m: ForecastJobResult['models'][number]) => m.lossHistory.length > MAX_KEPT_EPOCHS || m.valLossHistory.length > MAX_KEPT_EPOCHS;
  return {
    ...result,
    series: decimated(result.series),
    heldOut: { t: pick(result.heldOut.t, held), value: pick(result.heldOut.value, held) },
    baselines: result.baselines.map((b) => ({ ...b, predicted: pick(b.predicted, held) })),
    models: result.models.map((m) => ({
      ...m,
      ...(longCurve(m) ? { lossHistory: [], valLossHistory: [] } : {}),
      predicted: pick(m.predicted, held),
      forecast: decimated(m.forecast),
    })),
    forecast: result.forecast ? decimated(result.forecast) : null,
    warnings: result.warnings.slice(0, MAX_WARNINGS).map((w) => (w.length > MAX_WARNING_LENGTH ? `${w.slice(0, MAX_WARNING_LENGTH - 1)}…` : w)),
  };
}
