/**
 * The runs kept in the workspace as the forecast panel holds them (the `runHistory`
 * message and the state's `runs`): at most MAX_LISTED_RUNS summaries, how many files were
 * skipped, and which kept run the panel's result shows (`shown.runId` is that result's
 * `runId`: a later run's result is not mistaken for it).
 */
import * as v from 'valibot';
import { finite } from '../core/numberSchemas';
import { RunIdSchema } from '../core/runs/runRecord';
import { MAX_LISTED_RUNS, RunSummarySchema } from '../core/runs/runSummary';

export const RunListSchema = v.object({
  /** Newest first. */
  runs: v.pipe(v.array(RunSummarySchema), v.maxLength(MAX_LISTED_RUNS)),
  /** Files of the runs folder that could not be read (malformed, too large), and why the first did not. */
  skipped: finite,
  skippedReason: v.optional(v.pipe(v.string(), v.maxLength(600))),
  /** The kept run the panel's result (PlotResult.runId === runId) shows. */
  shown: v.optional(v.object({ id: RunIdSchema, runId: finite })),
});
