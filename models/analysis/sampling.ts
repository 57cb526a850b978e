/**
 * Latin hypercube sampling over the parameter register's plausible ranges.
 *
 * The design is a matrix of uniform quantiles u in (0, 1), one column per parameter: each column has exactly one
 * point in each of the n equal strata, in a random order. A scenario turns a quantile into a value through its
 * own distribution for that parameter (`quantileValue`), so two scenarios given the same design row see the
 * same "plausible future" (common random numbers) even where their ranges differ.
 */
import type { Rng } from './random.js';
import { permutation } from './random.js';

export type Distribution = 'triangular' | 'uniform';

/** Low, most likely and high: the register's plausible range. */
export interface PlausibleRange {
  low: number;
  mode: number;
  high: number;
}

/**
 * An n × d Latin hypercube, row-major (`u[i * d + j]` is run i's quantile for parameter j). The random draws
 * are taken in a fixed order, so the same generator state gives the same design.
 */
export function latinHypercube(n: number, d: number, rng: Rng): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the number of runs must be a whole number ≥ 1, got ${n}`);
  const u = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const order = permutation(n, rng);
    for (let i = 0; i < n; i++) {
      // Within the stratum, avoid exactly 0 so the quantile functions stay finite at their ends.
      const within = (rng.nextUint32() + 0.5) / 4294967296;
      u[i * d + j] = (order[i] + within) / n;
    }
  }
  return u;
}

/** The inverse cumulative distribution: the value at quantile `u` of the range's distribution. */
export function quantileValue(range: PlausibleRange, u: number, distribution: Distribution = 'triangular'): number {
  const { low, mode, high } = range;
  const width = high - low;
  if (!(width > 0)) return low;
  if (distribution === 'uniform') return low + u * width;
  const split = (mode - low) / width;
  if (u < split) return low + Math.sqrt(u * width * (mode - low));
  return high - Math.sqrt((1 - u) * width * (high - mode));
}

/** Throws unless low ≤ mode ≤ high and all are finite; `where` names the parameter. */
export function checkRange(range: PlausibleRange, where: string): void {
  const { low, mode, high } = range;
  if (![low, mode, high].every(Number.isFinite) || !(low <= mode && mode <= high)) {
    throw new RangeError(`${where}: the plausible range must have low ≤ most likely ≤ high, got ${low}, ${mode}, ${high}`);
  }
}

/**
 * The plausible range for a scenario whose form's default is `value`. The register's range describes the form
 * whose default is its most likely value; a form with another default (the separate form's zero reorganisation
 * cost, its 1.0 transition productivity) holds that default in every run: it is a structural setting of the
 * form, not an uncertain quantity.
 */
export function rangeForDefault(range: PlausibleRange, value: number): PlausibleRange {
  return value === range.mode ? range : { low: value, mode: value, high: value };
}
