/** Why rows were left out. */
export interface SkippedRows {
  /** The target cell was empty / NaN / NA / null. */
  missingValue: number;
  /** The target cell was text. */
  nonNumericValue: number;
  /** The time cell was missing or not a time. */
  badTime: number;
  /** The first row left out for a bad time: line and cell. */
  firstBadTime?: { line: number; text: string };
}
