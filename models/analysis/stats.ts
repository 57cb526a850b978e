/** Percentiles and bands. */

/** The p-th percentile (0–100) of already sorted values, by linear interpolation between order statistics. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return sorted[0];
  const pos = (p / 100) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const frac = pos - lo;
  // When both neighbours are equal the result is exactly that value (no rounding noise).
  return sorted[lo] === sorted[hi] ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** P10, P50 and P90 of a set of values, with its mean. */
export interface Band {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export function band(values: ArrayLike<number>): Band {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return {
    p10: percentileSorted(sorted, 10),
    p50: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Bands of a series over time: P10, P50 and P90 at each time. */
export interface SeriesBand {
  times: number[];
  p10: number[];
  p50: number[];
  p90: number[];
}

/**
 * `values[r * points + k]` is run r's value at time k. Returns P10/P50/P90 at each time; P10 ≤ P50 ≤ P90 holds at
 * every time because each column is sorted before the percentiles are read.
 */
export function seriesBand(times: number[], values: Float64Array, runs: number): SeriesBand {
  const points = times.length;
  const column = new Float64Array(runs);
  const out: SeriesBand = { times: [...times], p10: [], p50: [], p90: [] };
  for (let k = 0; k < points; k++) {
    for (let r = 0; r < runs; r++) column[r] = values[r * points + k];
    column.sort();
    out.p10.push(percentileSorted(column, 10));
    out.p50.push(percentileSorted(column, 50));
    out.p90.push(percentileSorted(column, 90));
  }
  return out;
}
