import * as v from 'valibot';
import { FitResultSchema } from '../training/fitResult';

/** What training a text model reports: a fit's result and the training sequences (lines or windows). */
const TextFitResultSchema = v.object({
  ...FitResultSchema.entries,
  /** Training sequences (lines or windows). */
  sequences: v.number(),
});

export type TextFitResult = v.InferOutput<typeof TextFitResultSchema>;
