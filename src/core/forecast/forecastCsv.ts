/**
 * The forecast as a CSV a spreadsheet opens: one row per held-out point and per future step,
 * a column for the true value, each baseline (persistence, seasonal naive) and each model.
 *
 *   time,part,actual,persistence,seasonalNaive,mlp,lstm
 *   2021-02-01,held-out,33114.2,33537.1,32871.0,33690.4,33412.9
 *   2021-04-01,forecast,,,,58877.3,59011.0
 *
 * With intervals, four more columns bound the forecast's model at 80 % and 95 %
 * (lower80,upper80,lower95,upper95), on the forecast rows.
 */
import type { ForecastJobResult } from './forecastResult';

const cell = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : String(value));

/** Times as ISO dates (midnight UTC shortened to the date), or row numbers without a time column. */
function timeText(result: ForecastJobResult): (t: number) => string {
  if (result.ingest.timeKind === 'index') return (t) => String(t);
  return (t) => new Date(t).toISOString().replace('T00:00:00.000Z', '');
}

/** Quotes a header cell that holds a comma, quote or newline. */
const headerCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The interval bounds' columns, each a map from forecast time to bound. */
function boundColumns(result: ForecastJobResult): Array<{ name: string; at: Map<number, number> }> {
  const { intervals, forecast } = result;
  if (!intervals || !forecast) return [];
  return intervals.levels.flatMap(({ level, lower, upper }) =>
    (
      [
        ['lower', lower],
        ['upper', upper],
      ] as const
    ).map(([side, values]) => ({ name: `${side}${Math.round(level * 100)}`, at: new Map(forecast.t.map((t, k) => [t, values[k]])) })),
  );
}

export function forecastCsv(result: ForecastJobResult): string {
  const time = timeText(result);
  const bounds = boundColumns(result);
  const header = ['time', 'part', 'actual', ...result.baselines.map((b) => b.name), ...result.models.map((m) => m.name), ...bounds.map((b) => b.name)].map(headerCell);
  const rows = [header.join(',')];
  result.heldOut.t.forEach((t, i) => {
    const predicted = result.models.map((m) => cell(m.predicted[i]));
    rows.push([time(t), 'held-out', cell(result.heldOut.value[i]), ...result.baselines.map((b) => cell(b.predicted[i])), ...predicted, ...bounds.map(() => '')].join(','));
  });
  const byTime = result.models.map((m) => new Map(m.forecast.t.map((t, i) => [t, m.forecast.value[i]])));
  const future = [...new Set(result.models.flatMap((m) => m.forecast.t))].sort((a, b) => a - b);
  for (const t of future) {
    rows.push([time(t), 'forecast', '', ...result.baselines.map(() => ''), ...byTime.map((values) => cell(values.get(t))), ...bounds.map((b) => cell(b.at.get(t)))].join(','));
  }
  return rows.join('\n') + '\n';
}
