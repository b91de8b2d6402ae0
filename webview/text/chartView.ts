/** The chart card: the live loss chart, its log-scale switch and its empty-state note. */
import { byId, setHidden } from '../shared/dom';
import type { VscodeCheckbox } from '../shared/elements';
import { createLossChart, lossRows, type LossChart } from './lossChart';
import type { Action } from './state';
import { readChartTheme, watchChartTheme } from '../shared/theme';
import type { View } from '../shared/view';

export interface ChartView extends View {
  readonly chart: LossChart;
}

export function createChartView(dispatch: (action: Action) => void): ChartView {
  const el = byId('loss-chart');
  const empty = byId('chart-empty');
  const logScale = byId<VscodeCheckbox>('log-scale');
  const chart = createLossChart(el, readChartTheme(), (message) => {
    empty.textContent = `The chart could not be drawn: ${message}`;
    empty.hidden = false;
  });
  watchChartTheme((theme) => chart.setTheme(theme));
  logScale.addEventListener('change', () => dispatch({ type: 'ui/logScale', on: logScale.checked }));

  return {
    chart,
    render(state) {
      const run = state.run;
      if (logScale.checked !== state.logScale) logScale.checked = state.logScale;
      setHidden(empty, Boolean(run && run.points.length > 0));
      el.classList.toggle('is-empty', !run || run.points.length === 0);
      chart.show(lossRows(run?.runId, run?.points ?? [], run?.epochs ?? 1, state.logScale));
    },
  };
}
