/** A series put in time order, with what that took. */
export interface OrderedSeries {
  /** Ascending (equal times keep their file order). */
  times: Float64Array;
  values: Float64Array;
  /** Rows whose time is earlier than the row before them in the file (0: the file was sorted). */
  outOfOrder: number;
  /** Rows whose time equals an earlier row's (counted after sorting: rows - distinct times). */
  duplicates: number;
}

/**
 * Sorts (times[i], values[i]) by time, stably, when they are not sorted already (the usual
 * case costs one pass), and counts out-of-order rows and duplicate times. The input arrays
 * are returned as they are when already sorted, else new arrays.
 */
export function orderByTime(times: Float64Array, values: Float64Array): OrderedSeries {
  let outOfOrder = 0;
  for (let i = 1; i < times.length; i++) if (times[i] < times[i - 1]) outOfOrder++;
  let sortedTimes = times;
  let sortedValues = values;
  if (outOfOrder > 0) {
    const order = new Uint32Array(times.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => times[a] - times[b] || a - b);
    sortedTimes = new Float64Array(times.length);
    sortedValues = new Float64Array(times.length);
    for (let i = 0; i < order.length; i++) {
      sortedTimes[i] = times[order[i]];
      sortedValues[i] = values[order[i]];
    }
  }
  let duplicates = 0;
  for (let i = 1; i < sortedTimes.length; i++) if (sortedTimes[i] === sortedTimes[i - 1]) duplicates++;
  return { times: sortedTimes, values: sortedValues, outOfOrder, duplicates };
}
