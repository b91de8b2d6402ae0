/**
 * The forecast panel's state: the host's part (src/protocol/forecastState.ts: the run, its
 * result as plotted, ...), which the host sends whole in a `snapshot` when the panel
 * (re)loads and the shared reducer keeps up to date from the host's messages, and the
 * panel's own UI part (the log scale, the dismissed error, the form's draft: formDraft.ts).
 * Both are persisted with `vscode.setState`: VS Code hands that to the host after a reload;
 * the panel itself restores only its UI part from it. No DOM here: the module is unit-tested under Node.
 */
import * as v from 'valibot';
import type { ForecastPanelMessage } from '../../src/protocol/forecast';
import { initialForecastState as initialHostState, reduceForecast as reduceHost, type ForecastState as HostState } from '../../src/protocol/forecastState';

import { dropStaleDraft, FORM_DRAFT_ENTRIES, type FormDraftAction } from './formDraft';
import { restoreUi, reduceSharedUi, SHARED_UI_ENTRIES, type SharedUiAction } from '../shared/uiState';

export { isRunning, type ForecastRun } from '../../src/protocol/forecastState';

const ForecastUiSchema = v.object({ ...SHARED_UI_ENTRIES, ...FORM_DRAFT_ENTRIES });
type ForecastUi = v.InferOutput<typeof ForecastUiSchema>;

export type ForecastState = HostState & ForecastUi;

export type ForecastAction = ForecastPanelMessage | SharedUiAction | FormDraftAction;

export function initialForecastState(): ForecastState {
  return { ...initialHostState(), logScale: false };
}

/** The UI part of the state saved by `vscode.setState` (a bad part is dropped); the host's part comes in its snapshot. */
export function restoreForecastState(saved: unknown): ForecastState {
  return restoreUi(ForecastUiSchema, initialForecastState(), saved);
}

export function reduceForecast(state: ForecastState, action: ForecastAction): ForecastState {
  switch (action.type) {
    case 'snapshot':
      // The host's part is the snapshot's, whole: a part it lacks is gone.
      return dropStaleDraft({ ...action.state, dismissedError: state.dismissedError, logScale: state.logScale, draft: state.draft });
    case 'ui/dismissError':
    case 'ui/cancelRequested':
    case 'ui/logScale':
      return reduceSharedUi(state, action, reduceHost);
    case 'ui/formDraft':
      return { ...state, draft: action.draft };
    default:
      return dropStaleDraft(reduceHost(state, action));
  }
}
