/**
 * The text output's backtest table (mean ± std over the origins, per model and baseline) and
 * the forecast intervals' measured coverage.
 */
import type { Backtest } from '../core/forecast/backtest';
import type { ForecastIntervals } from '../core/forecast/predictionIntervals';

type Print = (line: string) => void;

const number = (value: number) => (Number.isNaN(value) ? 'n/a' : Math.abs(value) >= 1000 ? value.toFixed(0) : value.toPrecision(4));
const percent = (share: number) => (Number.isNaN(share) ? 'n/a' : `${Math.round(share * 100)} %`);

/** "12.3 ± 4.56" */
const meanSpread = ({ mean, std }: { mean: number; std: number }) => `${number(mean)} ± ${number(std)}`;

export function printBacktest(backtest: Backtest, say: Print): void {
  say('');
  say(`Backtest: ${backtest.origins.length} origins over the held-out part, each forecasting 1 and ${backtest.horizon} steps from the true history (MAE, mean ± std over the origins):`);
  const width = Math.max(28, ...backtest.rows.map((row) => row.label.length + 2));
  say(`${'model'.padEnd(width)}${'one-step'.padStart(22)}${`${backtest.horizon}-step`.padStart(22)}`);
  for (const row of backtest.rows) {
    say(`${row.label.padEnd(width)}${meanSpread(row.oneStep).padStart(22)}${meanSpread(row.multiStep).padStart(22)}${row.baseline ? '  (baseline)' : ''}`);
  }
}

export function printIntervals(intervals: ForecastIntervals, say: Print): void {
  const calibrated = intervals.calibration === 'validation' ? `the validation part (${intervals.calibrationOrigins} origins)` : `the held-out backtest itself (${intervals.calibrationOrigins} origins; optimistic)`;
  const levels = intervals.levels.map((l) => `${Math.round(l.level * 100)} %: ${percent(l.coverage)}`).join(', ');
  const measured = intervals.coveragePoints > 0 ? `coverage measured on ${intervals.coveragePoints} backtest values: ${levels}` : 'coverage not measured (the backtest is off)';
  say(`Intervals of ${intervals.model}'s forecast calibrated on ${calibrated}; ${measured}.`);
}
