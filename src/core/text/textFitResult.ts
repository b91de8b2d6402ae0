import type { FitResult } from '../training/fitResult';

/** What training a text model reports: a fit's result and the training sequences (lines or windows). */
export interface TextFitResult extends FitResult {
  /** Training sequences (lines or windows). */
  sequences: number;
}
