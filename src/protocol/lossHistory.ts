/**
 * The loss curve kept by a panel's state: points in epoch order, without duplicates (overlapping
 * progress adds nothing), and thinned to a bounded size so that a 100,000-epoch run
 * neither bloats the persisted state nor the SVG chart (a chart is not wider than 1,000 pixels).
 */
import type { LossPoint } from './common';

export const MAX_CHART_POINTS = 1000;

/** A point with only its known fields (valLoss when it has one). */
const copyPoint = <P extends LossPoint>(p: P): P => (p.valLoss === undefined ? { epoch: p.epoch, loss: p.loss } : { epoch: p.epoch, loss: p.loss, valLoss: p.valLoss }) as P;

/**
 * `existing` followed by the points of `incoming` that are newer than its last epoch;
 * `existing` itself (same array) when nothing is new. Older points are halved, keeping the
 * first and the newest, whenever the curve grows past `max`.
 */
export function appendPoints<P extends LossPoint = LossPoint>(
  existing: readonly P[],
  incoming: readonly P[],
  max = MAX_CHART_POINTS,
): readonly P[] {
  let last = existing.length > 0 ? existing[existing.length - 1].epoch : -Infinity;
  const added: P[] = [];
  for (const p of incoming) {
    if (p.epoch > last) {
      added.push(copyPoint(p));
      last = p.epoch;
    }
  }
  if (added.length === 0) return existing;
  let points = [...existing, ...added];
  while (points.length > max) {
    const n = points.length;
    points = points.filter((_, i) => i % 2 === 0 || i === n - 1);
  }
  return points;
}

/** The point with the lowest loss among `best` and `incoming`. */
export function bestPoint(best: LossPoint | undefined, incoming: readonly LossPoint[]): LossPoint | undefined {
  let result = best;
  for (const p of incoming) if (!result || p.loss < result.loss) result = { epoch: p.epoch, loss: p.loss };
  return result;
}
