/**
 * The RNN Studio text panel: its markup (markup.ts) mounted into the page shell, then its
 * views over the panel store (panelStore.ts: the UI state restored, the host's snapshot on
 * 'ready', the reducer of state.ts, persistence).
 */
import { mountPanel } from '../shared/dom';
import '../shared/elements';
import { createChartView } from './chartView';
import { createErrorBanner } from '../shared/errorBanner';
import { createGeneratedText } from './generatedText';
import { createHeader } from '../shared/header';
import { exposePanel } from '../shared/panelHandle';
import { createPanelStore } from '../shared/panelStore';
import { parseTextPanelMessage, type TextPanelMessage, type TextWebviewMessage } from '../../src/protocol/text';
import { createModelReleased } from './modelReleased';
import { reduce, restoreState, type Action, type PanelState } from './state';
import { textPanelMarkup } from './markup';
import { createStatus } from './status';
import { createTrainingForm } from './trainingForm';

mountPanel(textPanelMarkup(document.title));

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

exposePanel({
  state: store.state,
  chartSettled: () => chartView.chart.settled(),
  embedCount: () => chartView.chart.embedCount,
});
