/**
 * The backtest table of a finished run: per model and baseline, the one-step and the
 * multi-step MAE from K origins on the held-out part, as mean ± standard deviation over the
 * origins (min – max in the cell's tooltip), and the forecast intervals' measured coverage.
 */
import { plural } from '../shared/format';
import { formatValue, stepWord } from './format';
import type { PlotResult } from '../../src/protocol/forecastPlot';

type Spread = { mean: number; std: number; min: number; max: number };

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

function spreadCell(s: Spread): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = 'num';
  td.textContent = `${formatValue(finiteOrNull(s.mean))} ± ${formatValue(finiteOrNull(s.std))}`;
  td.title = `Over the origins: ${formatValue(finiteOrNull(s.min))} – ${formatValue(finiteOrNull(s.max))}`;
  return td;
}

/** One row per model, then per baseline; none without a backtest. */
export function backtestRows(result: PlotResult): HTMLTableRowElement[] {
  return (result.backtest?.rows ?? []).map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.model = row.name;
    if (row.baseline) tr.className = 'is-baseline';
    const th = document.createElement('th');
    th.scope = 'row';
    th.className = 'model-cell';
    th.textContent = row.label;
    if (row.baseline) {
      const tag = document.createElement('span');
      tag.className = 'tag tag-baseline';
      tag.textContent = 'baseline';
      th.append(tag);
    }
    tr.append(th, spreadCell(row.oneStep), spreadCell(row.multiStep));
    return tr;
  });
}

/** "5 origins on the held-out part, each forecasting 1 and 30 days from the true history. Intervals' coverage: 80 %: 83 %, 95 %: 96 %." */
export function backtestNote(result: PlotResult): string {
  const b = result.backtest;
  if (!b) return '';
  const coverage = result.band?.levels.map((l) => `${Math.round(l.level * 100)} %: ${l.coverage === null ? 'n/a' : `${Math.round(l.coverage * 100)} %`}`).join(', ');
  return (
    `${plural(b.origins.length, 'origin')} on the held-out part, each forecasting 1 and ${plural(b.horizon, stepWord(result.ingest.resample))} from the true history, without retraining. ` +
    `MAE as mean ± std over the origins.${coverage ? ` Measured coverage of the forecast's intervals: ${coverage}.` : ''}`
  );
}
