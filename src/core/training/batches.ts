/** `order` cut into batches of `batchSize` (the last one may be smaller), in order. */
export function batchesOf<T>(order: readonly T[], batchSize: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < order.length; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}

/** The integers from, from + 1, ..., to - 1 (none when to <= from). */
export const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);
