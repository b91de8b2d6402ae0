/**
 * The RNN Studio forecast panel (dist/forecastWebview.js): its markup (markup.ts) mounted
 * into the page shell, then its views over the panel store (../shared/panelStore.ts: the UI
 * state restored, the host's snapshot on 'ready', the reducer of state.ts, persistence).
 */
import { mountPanel } from '../shared/dom';
import '../shared/elements';
import { createErrorBanner } from '../shared/errorBanner';
import { createHeader } from '../shared/header';
import { watchChartTheme } from '../shared/theme';
import { exposePanel } from '../shared/panelHandle';
import { createPanelStore } from '../shared/panelStore';
import { forecastPanelMarkup } from './markup';
import { parseForecastPanelMessage, type ForecastPanelMessage, type ForecastWebviewMessage } from '../../src/protocol/forecast';
import { readForecastTheme } from './palette';
import { createResultsView } from './resultsView';
import { createRunView } from './runView';
import { createRunsView } from './runsView';
import { createSettingsForm } from './settingsForm';
import { createSuggestionsView } from './suggestionsView';
import { sourceText } from './source';
import { reduceForecast, restoreForecastState, type ForecastAction, type ForecastState } from './state';

mountPanel(forecastPanelMarkup(document.title));

const store = createPanelStore<ForecastState, ForecastAction, ForecastPanelMessage, ForecastWebviewMessage>({
  restore: restoreForecastState,
  reduce: reduceForecast,
  parse: parseForecastPanelMessage,
  isProgress: (action) => action.type === 'forecastProgress' || action.type === 'ingestProgress',
});
const { dispatch, post } = store;

const theme = readForecastTheme();
const runView = createRunView(dispatch, post, theme);
const resultsView = createResultsView(post, theme);
watchChartTheme((next) => {
  runView.setTheme(next);
  resultsView.setTheme(next);
}, readForecastTheme);

store.start([
  createHeader<ForecastState>(sourceText),
  createErrorBanner<ForecastState>(dispatch, 'run'),
  runView,
  createSettingsForm(post, dispatch),
  createSuggestionsView(post),
  resultsView,
  createRunsView(post),
]);

const charts = () => [runView.chart, ...Object.values(resultsView.charts)];

exposePanel({
  state: store.state,
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
});
