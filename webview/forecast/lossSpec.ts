/**
 * The live loss chart's spec: loss and validation loss per epoch, one colour per model, val
 * dashed, fed by changesets on the named source `loss`.
 */
import { LOSS_DATA, MAX_EPOCH_SIGNAL, epochAxis } from '../shared/chartSpec';
import type { TopLevelSpec } from '../shared/specTypes';
import { modelColor, type ForecastTheme } from './palette';
import { frame, highContrast } from './specBase';

/** Colour slots of the live loss chart (model index modulo this). */
export const LOSS_SLOTS = 10;

export interface LossRow {
  slot: number;
  model: string;
  series: 'loss' | 'val';
  kind: string;
  epoch: number;
  value: number;
}

export function lossSpec(theme: ForecastTheme, maxEpoch: number, logScale: boolean): TopLevelSpec {
  const hc = highContrast(theme);
  const slots = Array.from({ length: LOSS_SLOTS }, (_, i) => i);
  return {
    ...frame(theme, 220),
    description: 'Training and validation loss per epoch, per model',
    data: { name: LOSS_DATA },
    params: [{ name: MAX_EPOCH_SIGNAL, value: Math.max(1, maxEpoch) }],
    encoding: {
      x: epochAxis(),
      y: {
        field: 'value',
        type: 'quantitative',
        title: logScale ? 'Loss, scaled MSE (log)' : 'Loss (scaled MSE)',
        scale: logScale ? { type: 'log' } : { zero: false, nice: true },
        axis: { format: logScale ? '~g' : '~r' },
      },
      color: { field: 'slot', type: 'nominal', scale: { domain: slots, range: slots.map((i) => modelColor(theme, i)) }, legend: null },
    },
    layer: [
      {
        mark: { type: 'line', strokeWidth: hc ? 3 : 2, strokeJoin: 'round', strokeCap: 'round', clip: true },
        encoding: {
          strokeDash: { field: 'series', type: 'nominal', scale: { domain: ['loss', 'val'], range: [[1, 0], [6, 4]] }, legend: null },
          detail: { field: 'series' },
        },
      },
      {
        params: [
          { name: 'lossHover', select: { type: 'point', fields: ['slot', 'series', 'epoch'], nearest: true, on: 'pointermove', clear: 'pointerout' } },
        ],
        mark: { type: 'point', filled: true, size: hc ? 70 : 45, clip: true },
        encoding: {
          opacity: { condition: { param: 'lossHover', empty: false, value: 1 }, value: 0 },
          tooltip: [
            { field: 'model', type: 'nominal', title: 'Model' },
            { field: 'kind', type: 'nominal', title: 'Curve' },
            { field: 'epoch', type: 'quantitative', title: 'Epoch', format: 'd' },
            { field: 'value', type: 'quantitative', title: 'Loss', format: '.5f' },
          ],
        },
      },
    ],
  };
}

// ---- Series, held-out part and forecast ----

/** The forecast band's half-width and what it is. */
