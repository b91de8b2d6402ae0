/** How values are scaled for the network: to [0, 1] by the training range (the tutorial), or to mean 0 / deviation 1. */
export type ScalerKind = 'minmax' | 'standard';
export const SCALER_KINDS: readonly ScalerKind[] = ['minmax', 'standard'];

/**
 * A fitted scaler: scaled = (x - offset) / scale. MinMax: offset = min, scale = max - min
 * (sklearn's MinMaxScaler to [0, 1]); standard: offset = mean, scale = population standard
 * deviation (sklearn's StandardScaler). A constant series gets scale 1. Plain data: it is
 * saved in meta.json as it is.
 */
export interface Scaler {
  kind: ScalerKind;
  offset: number;
  scale: number;
}

/** A scaler of `kind` fitted on `values` (the training part only: held-out values must not leak in). */
export function fitScaler(kind: ScalerKind, values: ArrayLike<number>): Scaler {
  const n = values.length;
  if (n === 0) throw new Error('Cannot fit a scaler on no values.');
  if (kind === 'minmax') {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (values[i] < min) min = values[i];
      if (values[i] > max) max = values[i];
    }
    return { kind, offset: min, scale: max > min ? max - min : 1 };
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const deviation = Math.sqrt(squares / n);
  return { kind, offset: mean, scale: deviation > 0 ? deviation : 1 };
}

/** `values` scaled, as float32 (what the network takes). */
export function scaleValues(scaler: Scaler, values: ArrayLike<number>): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - scaler.offset) / scaler.scale;
  return out;
}

/** One scaled value back in the transformed series' units. */
export function unscale(scaler: Scaler, scaled: number): number {
  return scaled * scaler.scale + scaler.offset;
}

/** True when `value` is a Scaler as meta.json must hold it. */
export function isScaler(value: unknown): value is Scaler {
  const scaler = value as Partial<Scaler> | null;
  return (
    (scaler?.kind === 'minmax' || scaler?.kind === 'standard') &&
    Number.isFinite(scaler.offset) &&
    Number.isFinite(scaler.scale) &&
    (scaler.scale as number) > 0
  );
}
