/**
 * (time, value) pairs appended one at a time into two Float64Arrays that grow by doubling:
 * 16 bytes per kept row and no object per row.
 */
export class GrowableSeries {
  private times: Float64Array;
  private values: Float64Array;
  private size = 0;

  /** @param capacity Rows to allocate for at first (e.g. an estimate from the file size). */
  constructor(capacity = 1024) {
    this.times = new Float64Array(Math.max(16, capacity));
    this.values = new Float64Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.size;
  }

  push(time: number, value: number): void {
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2);
      times.set(this.times);
      this.times = times;
      const values = new Float64Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    this.times[this.size] = time;
    this.values[this.size] = value;
    this.size++;
  }

  /**
   * The pairs so far, as arrays of exactly `length`: views of the storage when little of it
   * is unused, else copies (so a generous first capacity is not kept alive).
   */
  toArrays(): { times: Float64Array; values: Float64Array } {
    const view = this.size * 1.25 >= this.times.length;
    const cut = (array: Float64Array) => (view ? array.subarray(0, this.size) : array.slice(0, this.size));
    return { times: cut(this.times), values: cut(this.values) };
  }
}
