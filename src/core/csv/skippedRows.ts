import * as v from 'valibot';

/** Why rows were left out. */
export const SkippedRowsSchema = v.object({
  /** The target cell was empty / NaN / NA / null. */
  missingValue: v.number(),
  /** The target cell was text. */
  nonNumericValue: v.number(),
  /** The time cell was missing or not a time. */
  badTime: v.number(),
  /** The first row left out for a bad time: line and cell. */
  firstBadTime: v.optional(v.object({ line: v.number(), text: v.string() })),
});
export type SkippedRows = v.InferOutput<typeof SkippedRowsSchema>;
