/** What one column of a CSV holds, for a quick pick ("Close: 3.8 .. 61 763, 3.9 M values"). */
export interface ColumnSummary {
  /** 0-based position in the file. */
  index: number;
  name: string;
  /** Cells that are numbers. */
  count: number;
  /** Empty, `NaN`, `NA`, `null`, ... cells (see MISSING_TEXTS). */
  missing: number;
  /** Cells that are neither numbers nor missing (text): skipped, never read as 0. */
  nonNumeric: number;
  /** Smallest and largest number (NaN when count is 0). */
  min: number;
  max: number;
  /** The first non-numeric cell, to show in a warning: its 1-based line and text. */
  firstNonNumeric?: { line: number; text: string };
}

/** A summary with nothing counted yet. */
export function emptySummary(index: number, name: string): ColumnSummary {
  return { index, name, count: 0, missing: 0, nonNumeric: 0, min: NaN, max: NaN };
}

/** Counts the number `value` (finite) into `summary`. */
export function countValue(summary: ColumnSummary, value: number): void {
  if (summary.count === 0) {
    summary.min = value;
    summary.max = value;
  } else if (value < summary.min) summary.min = value;
  else if (value > summary.max) summary.max = value;
  summary.count++;
}
