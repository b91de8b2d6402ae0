import { SeededRandom } from '../../../src/core/random';

/** The core's seeded generator with the shapes test data needs. */
export class TestRandom extends SeededRandom {
  /** Integer in [low, high]. */
  int(low: number, high: number): number {
    return low + this.nextInt(high - low + 1);
  }

  /** `count` values uniform in [-1, 1). */
  values(count: number): number[] {
    return Array.from({ length: count }, () => 2 * this.next() - 1);
  }
}
