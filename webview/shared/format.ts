/** Human-readable numbers and durations for the panel. */

/** 850 ms, 12.4 s, 2 min 05 s, 1 h 02 min. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const totalSeconds = Math.round(seconds);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A loss value with four decimals, or in scientific notation when tiny. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return String(loss);
  if (loss !== 0 && Math.abs(loss) < 0.001) return loss.toExponential(2);
  return loss.toFixed(4);
}

/** 12.3 ms/epoch with a sensible precision. */
export function formatMsPerEpoch(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US')} ms`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** 'greedy' for 0, else the number. */
export function formatTemperature(t: number): string {
  return t === 0 ? '0 (greedy)' : String(t);
}
