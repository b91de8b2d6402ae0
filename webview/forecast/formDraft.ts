/**
 * The settings form's draft: what the user typed in the form, kept in the panel's UI state
 * (so `vscode.setState` persists it) and put back when the webview is recreated — the panel
 * hidden and shown again, or VS Code reloaded. The whole form is kept as Run would post it
 * (RunRequest: every field as typed), so a new field needs nothing here.
 *
 * The rule against a stale draft: a draft is bound to the run it was edited over — its
 * `basis`, formBasis() of the state then (the run's id and the settings it brought). When the
 * panel shows another run (a new run started by Run or Try it, a kept run reopened, a forecast
 * of another CSV), that run's settings fill the form and the draft is dropped; edits never
 * carry over to a run, or a CSV, they were not made on. No DOM here: unit-tested under Node.
 */
import * as v from 'valibot';
import { droppable } from '../../src/protocol/common';
import type { ForecastState as HostState } from '../../src/protocol/forecastState';
import { RunRequestSchema } from '../../src/protocol/forecastRunSettings';

const FormDraftSchema = v.object({
  /** formBasis() of the state the draft was edited over. */
  basis: v.pipe(v.string(), v.maxLength(4000)),
  /** The form's fields as typed. */
  values: RunRequestSchema,
});
export type FormDraft = v.InferOutput<typeof FormDraftSchema>;

/** The draft's entry of the panel's UI part (a malformed one is dropped on restore). */
export const FORM_DRAFT_ENTRIES = { draft: droppable(FormDraftSchema) };

export interface FormDraftAction {
  type: 'ui/formDraft';
  /** undefined: the form shows the run's settings as they came. */
  draft?: FormDraft;
}

/** What the form is filled from: the shown run and its settings ('' before any run). */
export function formBasis(state: Pick<HostState, 'run'>): string {
  const run = state.run;
  return run ? `${run.runId}|${JSON.stringify(run.settings ?? null)}` : '';
}

/**
 * `next` (after a host message or snapshot) without a draft that was edited over another
 * run. Before the host's snapshot the state has no run yet: a restored draft waits for it.
 */
export function dropStaleDraft<S extends Pick<HostState, 'run'> & { draft?: FormDraft }>(next: S): S {
  if (!next.draft || !next.run || next.draft.basis === formBasis(next)) return next;
  return { ...next, draft: undefined };
}
