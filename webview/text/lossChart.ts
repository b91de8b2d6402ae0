/**
 * The text panel's live loss chart: a LiveChart of one run's points — the training loss and,
 * on prose, the validation loss — keyed by run, curve and epoch, so a new run clears the
 * chart and a replayed one adds nothing.
 */
import type { LossPoint } from '../../src/protocol/common';
import { lossChartSpec, type LossSeries } from '../shared/chartSpec';
import { LiveChart, type LiveChartData } from '../shared/liveChart';
import type { ChartTheme } from '../shared/theme';

const CHART_HEIGHT = 220;

/** A point of the chart's data: the run it belongs to, its curve, its epoch and loss. */
export interface LossRow {
  runId: number | undefined;
  series: LossSeries;
  epoch: number;
  loss: number;
}

export type LossChart = LiveChart<LossRow, ChartTheme>;

export function createLossChart(el: HTMLElement, theme: ChartTheme, onError: (message: string) => void): LossChart {
  return new LiveChart<LossRow, ChartTheme>(el, theme, {
    name: 'loss',
    spec: (t, maxEpoch, logScale) => lossChartSpec(t, { logScale, maxEpoch, height: CHART_HEIGHT }),
    key: (row) => `${row.runId}|${row.series}|${row.epoch}`,
    value: (row) => row.loss,
  }, onError);
}

/** The chart's data for a run's points. */
export function lossRows(runId: number | undefined, points: readonly LossPoint[], maxEpoch: number, logScale: boolean): LiveChartData<LossRow> {
  const rows = points.flatMap((p): LossRow[] => {
    const training: LossRow = { runId, series: 'Training', epoch: p.epoch, loss: p.loss };
    return p.valLoss === undefined ? [training] : [training, { runId, series: 'Validation', epoch: p.epoch, loss: p.valLoss }];
  });
  return { rows, maxEpoch, logScale };
}
