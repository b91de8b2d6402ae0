/**
 * The RNN Studio panel. Restores the last state (vscode.getState) so a hidden or reloaded
 * panel shows its chart and text at once, then says 'ready'; the host replays what it
 * buffered, which the idempotent reducer (state.ts) merges without duplicates. Every
 * valid host message and user action goes through the reducer, is persisted, and is
 * rendered by the views; malformed host messages are ignored.
 */
import './elements';
import { parseHostMessage, type WebviewMessage } from '../src/protocol';
import { createChartView } from './chartView';
import { createErrorBanner } from './errorBanner';
import { createGeneratedText } from './generatedText';
import { createHeader } from './header';
import { reduce, restoreState, type Action, type PanelState } from './state';
import { createStatus } from './status';
import { createTrainingForm } from './trainingForm';
import { host } from './vscodeApi';
import type { View } from './view';

/** Progress can arrive many times a second: persist it at most this often. */
const PERSIST_PROGRESS_MS = 250;

const connection = host();
let state: PanelState = restoreState(connection.getState());
let persistTimer: ReturnType<typeof setTimeout> | undefined;

function persistNow(): void {
  if (persistTimer !== undefined) clearTimeout(persistTimer);
  persistTimer = undefined;
  connection.setState(state);
}

function persist(action: Action): void {
  if (action.type !== 'progress') persistNow();
  else if (persistTimer === undefined) persistTimer = setTimeout(persistNow, PERSIST_PROGRESS_MS);
}

const post = (message: WebviewMessage) => connection.post(message);

function dispatch(action: Action): void {
  const next = reduce(state, action);
  if (next === state) return;
  state = next;
  render();
  persist(action);
}

const chartView = createChartView(dispatch);
const views: View[] = [
  createHeader<PanelState>((s) => s.run?.source),
  createErrorBanner(dispatch),
  createStatus(dispatch, post),
  chartView,
  createGeneratedText(post),
  createTrainingForm(dispatch, post),
];

function render(): void {
  for (const view of views) view.render(state);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message) dispatch(message);
});
window.addEventListener('pagehide', () => {
  if (persistTimer !== undefined) persistNow();
});

render();
post({ type: 'ready' });

/** For tests and debugging in the webview's developer tools. */
declare global {
  interface Window {
    rnnStudio?: { state: () => PanelState; chartSettled: () => Promise<void>; embedCount: () => number };
  }
}
window.rnnStudio = {
  state: () => state,
  chartSettled: () => chartView.chart.settled(),
  embedCount: () => chartView.chart.embedCount,
};
