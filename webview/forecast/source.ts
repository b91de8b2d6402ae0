/** What the header says the series is: file, column, time column and resampling. */
import { TIME_FORMAT_NAMES } from '../../src/core/csv/timeFormats';
import { describeResample } from './format';
import type { ForecastState } from './state';

export function sourceText(state: ForecastState): string | undefined {
  const run = state.run;
  if (!run) return undefined;
  const ingest = run.ingest;
  if (!ingest) return `${run.file} (reading…)`;
  const time = ingest.timeColumn
    ? `time: ${ingest.timeColumn}${ingest.timeFormat ? ` (${TIME_FORMAT_NAMES[ingest.timeFormat]})` : ''}`
    : 'no time column (rows in file order)';
  return `${ingest.file} · column ${ingest.column} · ${time} · ${describeResample(ingest.resample, ingest.aggregation)}`;
}
