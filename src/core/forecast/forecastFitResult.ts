import * as v from 'valibot';
import { finite } from '../numberSchemas';
import { FitResultSchema } from '../training/fitResult';

/** What training a forecasting network reports: a fit's result and the windows it used. */
export const ForecastFitResultSchema = v.object({
  ...FitResultSchema.entries,
  /** Training windows (validation windows not included). */
  trainWindows: finite,
  /** The last training windows held out for valLoss (0 without a validation split). */
  validationWindows: finite,
});

export type ForecastFitResult = v.InferOutput<typeof ForecastFitResultSchema>;
