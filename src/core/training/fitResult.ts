/**
 * What a fit reports, declared once for the text and forecast trainers (and, through the
 * schema, for whatever validates their messages). Plain data. Losses may be NaN (a diverged
 * fit, or a loaded model that saved none), which JSON sends as null: they are jsonNumbers.
 */
import * as v from 'valibot';
import { finite, jsonNumber, jsonNumbers } from '../numberSchemas';

export const FitResultSchema = v.object({
  /** Loss of each completed epoch, on the training data. */
  lossHistory: jsonNumbers,
  /** Loss on the validation data after each completed epoch; empty without validation. */
  valLossHistory: jsonNumbers,
  /** Completed epochs. */
  epochsRun: finite,
  /** The epoch (1-based) whose weights the model has at the end: the best with early stopping, else the last; 0 when none completed. */
  bestEpoch: finite,
  /** Early stopping ended the fit before its last epoch. */
  stoppedEarly: v.boolean(),
  /** `shouldStop` ended the fit (the model keeps what it learned). */
  cancelled: v.boolean(),
  /** The time budget (FitLoop.maxMs) ended the fit, the epoch it cut short counted; absent = false (kept runs from before time budgets). */
  outOfTime: v.optional(v.boolean()),
  /** Training time per completed epoch (the whole time if none completed). */
  msPerEpoch: jsonNumber,
  /** Loss of the epoch whose weights the model ends with (bestEpoch); when none completed, the untrained loss on the first batch. */
  finalLoss: jsonNumber,
});

export type FitResult = v.InferOutput<typeof FitResultSchema>;

/** One finished epoch. */
export interface EpochLoss {
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** The epoch's training loss (the mean over its batches, see FitLoop.batchWeight). */
  loss: number;
  /** Validation loss after the epoch; absent without validation. */
  valLoss?: number;
  /** Since the fit started. */
  elapsedMs: number;
}
