import type { CsvLayout } from './csvLayout';
import { columnLabel, csvError } from './csvError';
import type { TimeColumn } from './timeColumn';
import { TIME_FORMAT_NAMES } from './timeFormats';

/** Names a target column usually has, most wanted first (the tutorial forecasts `Close`). */
const PREFERRED_TARGETS = ['close', 'adj close', 'adj_close', 'price', 'value', 'target', 'y'];

/** The columns, listed for a message: `Timestamp, Open, Close`. */
function listed(layout: CsvLayout): string {
  return layout.columns.map((name) => `"${name}"`).join(', ');
}

/**
 * The 0-based index of the column `wanted` names: its exact header name, else the name in
 * any case, else `column N` or `N` (1-based). UserError listing the columns when none matches.
 */
function findColumn(file: string, layout: CsvLayout, wanted: string, flag: string): number {
  const { columns } = layout;
  let index = columns.indexOf(wanted);
  if (index < 0) index = columns.findIndex((name) => name.toLowerCase() === wanted.trim().toLowerCase());
  if (index < 0) {
    const number = /^(?:column\s*)?(\d+)$/i.exec(wanted.trim());
    if (number && Number(number[1]) >= 1 && Number(number[1]) <= columns.length) index = Number(number[1]) - 1;
  }
  if (index < 0) throw csvError(file, `it has no column "${wanted}" (${flag}); its columns are ${listed(layout)}.`, flag);
  return index;
}

/**
 * The time column: `wanted` undefined takes the detected one (possibly none), null asks
 * for none (rows in file order), a name picks that column, which must hold times in a
 * format RNN Studio reads.
 */
export function chooseTimeColumn(file: string, layout: CsvLayout, wanted: string | null | undefined): TimeColumn | null {
  if (wanted === undefined) return layout.time;
  if (wanted === null) return null;
  const index = findColumn(file, layout, wanted, 'time column');
  const format = layout.timeFormats[index];
  if (format === null) {
    const example = layout.examples[index] ? ` (e.g. "${layout.examples[index]}")` : '';
    throw csvError(
      file,
      `${columnLabel(index, layout.columns[index])} does not hold times${example}; RNN Studio reads ${Object.values(TIME_FORMAT_NAMES).join(', ')}.`,
      'time column',
    );
  }
  return { index, name: layout.columns[index], format };
}

/**
 * The column to forecast: `wanted` when given (not the time column), else the first numeric
 * column named like a price (`Close`, `Price`, `Value`, ...), else the first numeric column.
 * UserError when the file has no numeric column, saying what each column holds.
 */
export function chooseTargetColumn(file: string, layout: CsvLayout, wanted: string | undefined, time: TimeColumn | null): number {
  if (wanted !== undefined) {
    const index = findColumn(file, layout, wanted, 'column');
    if (index === time?.index) throw csvError(file, `${columnLabel(index, layout.columns[index])} is the time column; choose a column of values to forecast.`, 'column');
    return index;
  }
  const numeric = layout.numeric.filter((index) => index !== time?.index);
  if (numeric.length === 0) {
    const holds = layout.columns.map((name, index) => `"${name}"${layout.examples[index] ? ` (e.g. "${layout.examples[index]}")` : ''}`).join(', ');
    throw csvError(file, `it has no numeric column to forecast: ${holds}.`, 'column');
  }
  const lower = numeric.map((index) => layout.columns[index].toLowerCase());
  for (const name of PREFERRED_TARGETS) {
    const at = lower.indexOf(name);
    if (at >= 0) return numeric[at];
  }
  const priceLike = lower.findIndex((name) => /close|price/.test(name));
  return numeric[priceLike >= 0 ? priceLike : 0];
}
