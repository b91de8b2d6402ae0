import { bucketCounts } from '../forecast/bucketCounts';
import type { ResampleInterval } from '../forecast/intervals';
import { naturalInterval, type NaturalInterval } from '../forecast/naturalInterval';
import type { ColumnSummary } from './columnSummary';
import { readCsvSeries, type CsvReadOptions } from './csvIngest';
import type { CsvLayout } from './csvLayout';
import { timeColumnIndices, type TimeColumn } from './timeColumn';

/** What a CSV holds, for the user to confirm or change the target and time columns (a quick pick). */
export interface CsvOverview {
  file: string;
  layout: CsvLayout;
  /** The detected (or asked-for) time column. */
  time: TimeColumn | null;
  /** Data rows. */
  rows: number;
  /**
   * The columns that hold numbers (the time column or its parts left out), in file order, each with its
   * range, count, missing and non-numeric cells: "Close — 3.8 .. 61 763 (4.0 M values, 0.9 M missing)".
   */
  numericColumns: ColumnSummary[];
  /** The column a forecast takes when none is named (the tutorial's `Close`). */
  suggested: string;
  /**
   * Of the suggested column's rows on the time column: the series' own interval (what resample
   * 'auto' takes, see naturalInterval) and the points it has at each interval (distinct
   * buckets); null without a time column.
   */
  intervals: { natural: NaturalInterval; points: Record<ResampleInterval, number> } | null;
}

/**
 * Reads all of `file` (streaming, as readCsvSeries) and summarises every column: one pass,
 * bounded memory, cancellable, with progress. Refuses what readCsvSeries refuses (e.g. a
 * file without a numeric column).
 */
export async function summarizeCsv(
  file: string,
  options: Pick<CsvReadOptions, 'timeColumn' | 'signal' | 'shouldStop' | 'onProgress'> = {},
): Promise<CsvOverview> {
  const series = await readCsvSeries(file, { ...options, summarizeAll: true });
  const timeIndices = timeColumnIndices(series.time);
  const numericColumns = series.summaries.filter((summary) => !timeIndices.includes(summary.index) && summary.count > 0 && summary.count >= summary.nonNumeric);
  const intervals = series.time ? { natural: naturalInterval(series.times), points: bucketCounts(series.times) } : null;
  return { file, layout: series.layout, time: series.time, rows: series.rows, numericColumns, suggested: series.column.name, intervals };
}
