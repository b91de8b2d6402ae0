/**
 * The first half of the forecasting job: the CSV read (streaming, see readCsvSeries), sorted
 * and resampled to the chosen interval, and what to tell the user about how that went.
 */
import { readCsvSeries, type CsvReadOptions, type CsvSeries } from '../csv/csvIngest';
import { UserError } from '../userError';
import { readCovariateColumns } from './covariateColumns';
import type { CovariateColumn } from './covariates';
import type { IngestSummary } from './forecastResult';
import type { ForecastRecipe, ForecastSettings } from './forecastSettings';
import { INTERVALS, steps, type ResampleChoice, type ResampleInterval } from './intervals';
import { naturalInterval } from './naturalInterval';
import { resample, type Aggregation, type ResampledSeries } from './resample';
import type { TrainedForecaster } from './trainedForecaster';

/** A CSV's series, ready to be split and windowed. */
export interface SeriesFromCsv {
  series: CsvSeries;
  points: ResampledSeries;
  interval: ResampleInterval;
  aggregation: Aggregation;
  ingest: IngestSummary;
  /** Names the series in messages, e.g. `Column "Close" of prices.csv (daily means)`. */
  label: string;
  /** A time for messages: `2021-03-31`, `2021-03-31T12:30:00Z`, or `data row 5`. */
  formatTime: (time: number) => string;
  /** The covariate columns named by the settings (or the loaded model) on the series' points. */
  covariateColumns: CovariateColumn[];
  /** Things worth telling about how the CSV became the series. */
  warnings: string[];
}

function timeFormatter(kind: 'time' | 'index'): (time: number) => string {
  if (kind === 'index') return (time) => `data row ${time + 1}`;
  return (time) => new Date(time).toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z');
}

/**
 * The resampling to use and why ('auto': the series' own interval, or days with the tutorial
 * recipe), checked against whether the file has a time column.
 */
function chooseInterval(file: string, series: CsvSeries, asked: ResampleChoice, recipe: ForecastRecipe): { interval: ResampleInterval; reason: string } {
  if (series.time) {
    if (asked !== 'auto') return { interval: asked, reason: 'as set' };
    return recipe === 'tutorial' ? { interval: 'day', reason: 'the tutorial recipe' } : naturalInterval(series.times);
  }
  if (asked === 'auto' || asked === 'none') return { interval: 'none', reason: 'no time column: every row in file order' };
  throw new UserError(
    `Cannot resample ${file} by ${asked}: it has no time column (${series.layout.columns.map((name) => `"${name}"`).join(', ')}); name one with --time-column, or use --resample none.`,
    'resample',
  );
}

function ingestWarnings(series: CsvSeries, ingest: IngestSummary): string[] {
  const warnings: string[] = [];
  const { skipped } = series;
  if (series.rowsSkipped > 0) {
    const reasons = [
      skipped.missingValue ? `${skipped.missingValue} with no value (empty / NaN)` : '',
      skipped.nonNumericValue
        ? `${skipped.nonNumericValue} with text instead of a number${series.summaries[0]?.firstNonNumeric ? ` (first on line ${series.summaries[0].firstNonNumeric.line}: "${series.summaries[0].firstNonNumeric.text}")` : ''}`
        : '',
      skipped.badTime ? `${skipped.badTime} with no readable time${skipped.firstBadTime ? ` (first on line ${skipped.firstBadTime.line}: "${skipped.firstBadTime.text}")` : ''}` : '',
    ].filter(Boolean);
    warnings.push(`${series.rowsSkipped} of ${series.rows} rows were skipped in "${ingest.column}": ${reasons.join(', ')}.`);
  }
  if (!series.time) warnings.push('No time column was found: the rows are used in file order.');
  if (series.outOfOrder > 0) warnings.push(`The rows were not in time order (${series.outOfOrder} came earlier than the row before them); they were sorted.`);
  if (series.duplicates > 0) {
    warnings.push(`${series.duplicates} rows have the same time as another row (duplicates); ${ingest.resample === 'none' ? `each time's rows were combined by ${ingest.aggregation}` : `they are part of their ${INTERVALS[ingest.resample].word}'s ${ingest.aggregation}`}.`);
  }
  if (ingest.gaps > 0) warnings.push(`${steps(ingest.gaps, ingest.resample)} have no data (gaps); the series goes from one point to the next across them.`);
  return warnings;
}

/**
 * Reads `csv` as `settings` (or, for what they leave open, a loaded model) say: its column,
 * time column, interval and aggregation, and the covariate columns (a loaded model's own).
 */
export async function seriesFromCsv(
  csv: string,
  settings: ForecastSettings,
  loaded: TrainedForecaster | undefined,
  read: Pick<CsvReadOptions, 'shouldStop' | 'onProgress'>,
): Promise<SeriesFromCsv> {
  const series = await readCsvSeries(csv, {
    column: settings.column ?? loaded?.column,
    timeColumn: settings.timeColumn !== undefined ? settings.timeColumn : loaded ? (loaded.timeColumn?.name ?? null) : undefined,
    ...read,
  });
  const { interval, reason } = chooseInterval(csv, series, settings.resample === 'auto' && loaded ? loaded.resample : settings.resample, settings.recipe);
  const aggregation = loaded?.aggregation ?? settings.aggregation;
  const points = resample(series.times, series.values, interval, aggregation);
  const names = loaded ? (loaded.covariates?.columns.map((column) => column.name) ?? []) : settings.covariates === 'auto' ? [] : settings.covariates.columns;
  const covariates = await readCovariateColumns(csv, names, { series, points, interval, aggregation }, read);
  const timeKind = series.time ? 'time' : 'index';
  const describe = [INTERVALS[interval].adjective, interval === 'none' ? '' : `${aggregation}s`].filter(Boolean).join(' ');
  const ingest: IngestSummary = {
    file: csv,
    bytes: series.layout.bytes,
    column: series.column.name,
    timeColumn: series.time?.name ?? null,
    timeFormat: series.time?.format ?? null,
    timeKind,
    rows: series.rows,
    rowsSkipped: series.rowsSkipped,
    skipped: series.skipped,
    duplicates: series.duplicates,
    outOfOrder: series.outOfOrder,
    resample: interval,
    resampleReason: reason,
    aggregation,
    gaps: points.gaps,
    points: points.times.length,
    step: points.step,
  };
  return {
    series,
    points,
    interval,
    aggregation,
    ingest,
    label: `Column "${series.column.name}" of ${csv}${describe ? ` (${describe})` : ''}`,
    formatTime: timeFormatter(timeKind),
    covariateColumns: covariates.columns,
    warnings: [...ingestWarnings(series, ingest), ...covariates.warnings],
  };
}
