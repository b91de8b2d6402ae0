/**
 * The Vega-Lite spec of the text panel's loss chart: a line per curve (training solid,
 * validation dashed, the legend naming them) of loss per epoch over a named, initially
 * empty data source `loss` (fed with changesets), a nearest-point hover with a tooltip and
 * a rule, and a config made from VS Code's theme.
 */
import type { Config, PositionDef, TopLevelSpec } from './specTypes';
import type { ChartTheme } from './theme';

/** Name of the data source the chart is fed through. */
export const LOSS_DATA = 'loss';
/** Signal holding the last epoch of the run: the x axis spans the whole run from the start. */
export const MAX_EPOCH_SIGNAL = 'maxEpoch';

/** The curves of the loss chart. */
export type LossSeries = 'Training' | 'Validation';

export interface LossChartOptions {
  logScale: boolean;
  maxEpoch: number;
  height: number;
}

/** The x encoding of both loss charts: epochs 1 .. the `maxEpoch` signal (the whole run). */
export function epochAxis(): PositionDef {
  return {
    field: 'epoch',
    type: 'quantitative',
    title: 'Epoch',
    scale: { domainMin: 1, domainMax: { expr: MAX_EPOCH_SIGNAL }, nice: false, zero: false },
    axis: { format: 'd', tickMinStep: 1 },
  };
}

export function lossChartSpec(theme: ChartTheme, options: LossChartOptions): TopLevelSpec {
  const highContrast = theme.kind === 'high-contrast' || theme.kind === 'high-contrast-light';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Training and validation loss per epoch',
    width: 'container',
    height: options.height,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    background: theme.background,
    padding: { left: 4, right: 12, top: 8, bottom: 4 },
    data: { name: LOSS_DATA },
    params: [{ name: MAX_EPOCH_SIGNAL, value: Math.max(1, options.maxEpoch) }],
    encoding: {
      x: epochAxis(),
      y: {
        field: 'loss',
        type: 'quantitative',
        title: options.logScale ? 'Loss, nats/char (log scale)' : 'Loss, nats/char',
        scale: options.logScale ? { type: 'log' } : { zero: false, nice: true },
        axis: { format: options.logScale ? '~g' : '~r' },
      },
    },
    layer: [
      {
        mark: {
          type: 'line',
          color: theme.line,
          strokeWidth: highContrast ? 3 : 2,
          strokeJoin: 'round',
          strokeCap: 'round',
          clip: true,
        },
        encoding: {
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: ['Training', 'Validation'], range: [[1, 0], [5, 3]] },
            legend: { orient: 'top', direction: 'horizontal', symbolStrokeColor: theme.line, symbolStrokeWidth: 2 },
          },
        },
      },
      {
        params: [
          {
            name: 'hover',
            select: { type: 'point', fields: ['epoch'], nearest: true, on: 'pointermove', clear: 'pointerout' },
          },
        ],
        mark: { type: 'point', filled: true, size: highContrast ? 70 : 45, color: theme.line, clip: true },
        encoding: {
          opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 },
          tooltip: [
            { field: 'series', type: 'nominal', title: 'Curve' },
            { field: 'epoch', type: 'quantitative', title: 'Epoch', format: 'd' },
            { field: 'loss', type: 'quantitative', title: 'Loss', format: '.4f' },
          ],
        },
      },
      {
        transform: [{ filter: { param: 'hover', empty: false } }],
        mark: { type: 'rule', color: theme.muted, strokeDash: [3, 3], strokeWidth: 1 },
      },
    ],
    config: chartConfig(theme),
  };
}

/** Fonts, colours and axes from VS Code's theme: the config every chart of the panels uses. */
export function chartConfig(theme: ChartTheme): Config {
  const highContrast = theme.kind === 'high-contrast' || theme.kind === 'high-contrast-light';
  const small = Math.max(10, Math.round(theme.fontSize * 0.85));
  return {
    font: theme.font,
    background: theme.background,
    view: { stroke: null },
    axis: {
      labelColor: theme.muted,
      titleColor: theme.foreground,
      labelFont: theme.font,
      titleFont: theme.font,
      labelFontSize: small,
      titleFontSize: small,
      titleFontWeight: 'normal',
      gridColor: theme.grid,
      gridOpacity: highContrast ? 0.8 : 0.6,
      domainColor: theme.grid,
      tickColor: theme.grid,
      labelPadding: 4,
      titlePadding: 8,
    },
    axisX: { grid: false },
  };
}
