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
 * The plausible range for a scenario whose default `value` differs from the register's most likely value (the
 * register describes one form; the other form's default is elsewhere). The range keeps its relative shape:
 * scaled by value ÷ mode, so a parameter a form switches off (value 0) has no spread in that form; when the mode
 * is 0 it is shifted instead. The result is clamped to the physical bounds.
 */
export function rangeAround(range: PlausibleRange, value: number, bounds?: { min: number; max: number }): PlausibleRange {
  if (value === range.mode) return range;
  let out: PlausibleRange;
  if (range.mode !== 0) {
    const ratio = value / range.mode;
    const a = range.low * ratio;
    const b = range.high * ratio;
    out = { low: Math.min(a, b), mode: value, high: Math.max(a, b) };
  } else {
    const shift = value - range.mode;
    out = { low: range.low + shift, mode: value, high: range.high + shift };
  }
  if (bounds) {
    const clamp = (x: number) => Math.min(bounds.max, Math.max(bounds.min, x));
    out = { low: clamp(out.low), mode: clamp(out.mode), high: clamp(out.high) };
  }
  return out;
}
