/**
 * The RNN Studio forecast panel (dist/forecastWebview.js). Restores the last state
 * (vscode.getState) so a hidden or reloaded panel shows its charts and tables at once, then
 * says 'ready'; the host replays what it buffered, which the idempotent reducer (state.ts)
 * merges without duplicates. Every valid host message and user action goes through the
 * reducer, is persisted, and is rendered by the views; malformed host messages are ignored.
 */
import '../elements';
import { parseHostMessage, type WebviewMessage } from '../../src/protocol';
import { createErrorBanner } from '../errorBanner';
import { createHeader } from '../header';
import { watchChartTheme } from '../theme';
import type { View } from '../view';
import { host } from '../vscodeApi';
import { readForecastTheme } from './palette';
import { createResultsView } from './resultsView';
import { createRunView } from './runView';
import { sourceText } from './source';
import { reduceForecast, restoreForecastState, type ForecastAction, type ForecastState } from './state';

/** Progress can arrive many times a second: persist it at most this often. */
const PERSIST_PROGRESS_MS = 250;

const connection = host();
let state: ForecastState = restoreForecastState(connection.getState());
let persistTimer: ReturnType<typeof setTimeout> | undefined;

function persistNow(): void {
  if (persistTimer !== undefined) clearTimeout(persistTimer);
  persistTimer = undefined;
  connection.setState(state);
}

function persist(action: ForecastAction): void {
  if (action.type !== 'forecastProgress' && action.type !== 'ingestProgress') persistNow();
  else if (persistTimer === undefined) persistTimer = setTimeout(persistNow, PERSIST_PROGRESS_MS);
}

const post = (message: WebviewMessage) => connection.post(message);

function dispatch(action: ForecastAction): void {
  const next = reduceForecast(state, action);
  if (next === state) return;
  state = next;
  render();
  persist(action);
}

const theme = readForecastTheme();
const runView = createRunView(dispatch, post, theme);
const resultsView = createResultsView(post, theme);
const views: Array<View<ForecastState>> = [
  createHeader<ForecastState>(sourceText),
  createErrorBanner<ForecastState>(dispatch, 'run'),
  runView,
  resultsView,
];

watchChartTheme((next) => {
  runView.setTheme(next);
  resultsView.setTheme(next);
}, readForecastTheme);

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

const charts = () => [runView.chart, ...Object.values(resultsView.charts)];

/** For tests and debugging in the webview's developer tools (the text panel's handle, plus the forecast charts). */
(window as unknown as { rnnStudio: unknown }).rnnStudio = {
  state: () => state,
  chartSettled: async () => {
    await Promise.all(charts().map((c) => c.settled()));
  },
  embedCount: () => runView.chart.embedCount,
  embedCounts: () => ({
    loss: runView.chart.embedCount,
    series: resultsView.charts.series.embedCount,
    heldOut: resultsView.charts.heldOut.embedCount,
    forecast: resultsView.charts.forecast.embedCount,
    leaderboard: resultsView.charts.leaderboard.embedCount,
  }),
};
