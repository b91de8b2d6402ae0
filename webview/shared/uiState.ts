/**
 * What both panels' UI part of the state shares (besides the host's part, which comes in its
 * snapshot): the dismissed error and the loss chart's log scale, restored from what
 * `vscode.setState` kept, and the actions on them and on Cancel.
 */
import * as v from 'valibot';
import { droppable, type CancelMessage, type ErrorState } from '../../src/protocol/common';

export const SHARED_UI_ENTRIES = {
  /** The `seq` of the error the user dismissed. */
  dismissedError: droppable(v.number()),
  /** The loss chart's y axis. */
  logScale: v.fallback(v.boolean(), false),
};

export type SharedUiAction = { type: 'ui/dismissError' } | { type: 'ui/cancelRequested' } | { type: 'ui/logScale'; on: boolean };

/** `initial` with the UI part of `saved` (checked by `schema`; a bad part is dropped). */
export function restoreUi<S, U>(schema: v.GenericSchema<unknown, U>, initial: S, saved: unknown): S {
  const ui = v.safeParse(schema, saved);
  return ui.success ? { ...initial, ...ui.output } : initial;
}

/** The shared UI actions; Cancel is the host's reducer's too (the panel shows "Cancelling…" at once). */
export function reduceSharedUi<S extends { error?: ErrorState; dismissedError?: number; logScale: boolean }>(
  state: S,
  action: SharedUiAction,
  reduceHost: (state: S, action: CancelMessage) => S,
): S {
  switch (action.type) {
    case 'ui/dismissError':
      return { ...state, dismissedError: state.error?.seq };
    case 'ui/cancelRequested':
      return reduceHost(state, { type: 'cancel' });
    case 'ui/logScale':
      return { ...state, logScale: action.on };
  }
}
