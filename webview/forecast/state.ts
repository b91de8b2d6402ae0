/**
 * The forecast panel's state: the host's part (src/protocol/forecastState.ts: the run, its
 * result as plotted, ...), which the host sends whole in a `snapshot` when the panel
 * (re)loads and the shared reducer keeps up to date from the host's messages, and the
 * panel's own UI part (the log scale, the dismissed error). Both are persisted with
 * `vscode.setState`: VS Code hands that to the host after a reload; the panel itself restores
 * only its UI part from it. No DOM here: the module is unit-tested under Node.
 */
import * as v from 'valibot';
import { droppable } from '../../src/protocol/common';
import type { ForecastPanelMessage } from '../../src/protocol/forecast';
import { initialForecastState as initialHostState, reduceForecast as reduceHost, type ForecastState as HostState } from '../../src/protocol/forecastState';

export { isRunning, type ForecastRun, type Phase } from '../../src/protocol/forecastState';

const ForecastUiSchema = v.object({
  /** The `seq` of the error the user dismissed. */
  dismissedError: droppable(v.number()),
  /** The loss chart's y axis. */
  logScale: v.fallback(v.boolean(), false),
});
type ForecastUi = v.InferOutput<typeof ForecastUiSchema>;

export type ForecastState = HostState & ForecastUi;

export type ForecastUiAction = { type: 'ui/dismissError' } | { type: 'ui/cancelRequested' } | { type: 'ui/logScale'; on: boolean };

export type ForecastAction = ForecastPanelMessage | ForecastUiAction;

export function initialForecastState(): ForecastState {
  return { ...initialHostState(), logScale: false };
}

/** The UI part of the state saved by `vscode.setState` (a bad part is dropped); the host's part comes in its snapshot. */
export function restoreForecastState(saved: unknown): ForecastState {
  const ui = v.safeParse(ForecastUiSchema, saved);
  return ui.success ? { ...initialForecastState(), ...ui.output } : initialForecastState();
}

export function reduceForecast(state: ForecastState, action: ForecastAction): ForecastState {
  switch (action.type) {
    case 'snapshot':
      // The host's part is the snapshot's, whole: a part it lacks is gone.
      return { ...action.state, dismissedError: state.dismissedError, logScale: state.logScale };
    case 'ui/dismissError':
      return { ...state, dismissedError: state.error?.seq };
    case 'ui/cancelRequested':
      return reduceHost(state, { type: 'cancel' });
    case 'ui/logScale':
      return { ...state, logScale: action.on };
    default:
      return reduceHost(state, action);
  }
}
