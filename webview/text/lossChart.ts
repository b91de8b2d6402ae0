/**
 * The text panel's live loss chart: a LiveChart of one run's points, keyed by run and
 * epoch, so a new run clears the chart and a replayed one adds nothing.
 */
import type { LossPoint } from '../../src/protocol/common';
import { lossChartSpec } from '../shared/chartSpec';
import { LiveChart, type LiveChartData } from '../shared/liveChart';
import type { ChartTheme } from '../shared/theme';

const CHART_HEIGHT = 220;

/** A point of the chart's data: the run it belongs to, its epoch and loss. */
export interface LossRow extends LossPoint {
  runId: number | undefined;
}

export type LossChart = LiveChart<LossRow, ChartTheme>;

export function createLossChart(el: HTMLElement, theme: ChartTheme, onError: (message: string) => void): LossChart {
  return new LiveChart<LossRow, ChartTheme>(el, theme, {
    name: 'loss',
    spec: (t, maxEpoch, logScale) => lossChartSpec(t, { logScale, maxEpoch, height: CHART_HEIGHT }),
    key: (row) => `${row.runId}|${row.epoch}`,
    value: (row) => row.loss,
  }, onError);
}

/** The chart's data for a run's points. */
export function lossRows(runId: number | undefined, points: readonly LossPoint[], maxEpoch: number, logScale: boolean): LiveChartData<LossRow> {
  return { rows: points.map((p) => ({ runId, epoch: p.epoch, loss: p.loss })), maxEpoch, logScale };
}
