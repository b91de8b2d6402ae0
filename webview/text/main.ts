/**
 * The RNN Studio text panel: its views over the panel store (panelStore.ts: the UI state
 * restored, the host's snapshot on 'ready', the reducer of state.ts, persistence).
 */
import '../shared/elements';
import { createChartView } from './chartView';
import { createErrorBanner } from '../shared/errorBanner';
import { createGeneratedText } from './generatedText';
import { createHeader } from '../shared/header';
import { createPanelStore } from '../shared/panelStore';
import { parseTextPanelMessage, type TextPanelMessage, type TextWebviewMessage } from '../../src/protocol/text';
import { createModelReleased } from './modelReleased';
import { reduce, restoreState, type Action, type PanelState } from './state';
import { createStatus } from './status';
import { createTrainingForm } from './trainingForm';

const store = createPanelStore<PanelState, Action, TextPanelMessage, TextWebviewMessage>({
  restore: restoreState,
  reduce,
  parse: parseTextPanelMessage,
  isProgress: (action) => action.type === 'progress',
});
const { dispatch, post } = store;

const chartView = createChartView(dispatch);
store.start([
  createHeader<PanelState>((s) => s.run?.source),
  createErrorBanner(dispatch),
  createStatus(dispatch, post),
  chartView,
  createGeneratedText(post),
  createTrainingForm(dispatch, post),
  createModelReleased(post),
]);

/** For tests and debugging in the webview's developer tools. */
declare global {
  interface Window {
    rnnStudio?: { state: () => PanelState; chartSettled: () => Promise<void>; embedCount: () => number };
  }
}
window.rnnStudio = {
  state: store.state,
  chartSettled: () => chartView.chart.settled(),
  embedCount: () => chartView.chart.embedCount,
};
