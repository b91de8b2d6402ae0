/**
 * Other numeric columns of the CSV as covariates: each read as a series of its own (the same
 * streaming reader, time column and checks as the target), resampled like the target, and
 * put on the target's points — the column's latest bucket at or before each point (its
 * first before it starts), so a row the column misses never becomes 0.
 */
import { readCsvSeries, type CsvReadOptions, type CsvSeries } from '../csv/csvIngest';
import { UserError } from '../userError';
import type { CovariateColumn } from './covariates';
import type { ResampleInterval } from './intervals';
import { resample, type Aggregation, type ResampledSeries } from './resample';

/** Covariate columns on the target's points, and what to tell about points a column lacked. */
export interface CovariateColumns {
  columns: CovariateColumn[];
  warnings: string[];
}

/** The value of the series (`times`, `values`, ascending) at or before each of `at`; its first value before it starts. [at.length] */
function alignTo(at: Float64Array, times: Float64Array, values: Float64Array): { levels: Float64Array; filled: number } {
  const levels = new Float64Array(at.length);
  let j = 0;
  let filled = 0;
  for (let i = 0; i < at.length; i++) {
    while (j + 1 < times.length && times[j + 1] <= at[i]) j++;
    if (times[j] !== at[i]) filled++;
    levels[i] = values[j];
  }
  return { levels, filled };
}

/** The columns `names` of `csv` on the points of `target` (see the module comment); UserError naming the column and the setting. */
export async function readCovariateColumns(
  csv: string,
  names: readonly string[],
  target: { series: CsvSeries; points: ResampledSeries; interval: ResampleInterval; aggregation: Aggregation },
  read: Pick<CsvReadOptions, 'shouldStop'>,
): Promise<CovariateColumns> {
  const columns: CovariateColumn[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    let series: CsvSeries;
    try {
      series = await readCsvSeries(csv, { column: name, timeColumn: target.series.time?.name ?? null, shouldStop: read.shouldStop });
    } catch (error) {
      if (error instanceof UserError) throw new UserError(`Covariate "${name}": ${error.message}`, 'covariates');
      throw error;
    }
    if (series.column.index === target.series.column.index) {
      throw new UserError(`Covariate "${name}" is the column being forecast; name other columns as covariates.`, 'covariates');
    }
    const points = resample(series.times, series.values, target.interval, target.aggregation);
    const { levels, filled } = alignTo(target.points.times, points.times, points.values);
    if (filled > 0) warnings.push(`Covariate "${series.column.name}" has no value at ${filled} of the series' ${levels.length} points; each takes the column's latest value before it.`);
    columns.push({ name: series.column.name, levels });
  }
  return { columns, warnings };
}
