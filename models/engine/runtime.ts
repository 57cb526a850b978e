/**
 * Pure helper functions the generated code calls by parameter name. They hold no state: everything a run
 * changes lives in the typed arrays passed to them. `s` is the run's sim array (see SIM_* indices).
 */

/** Indices into the per-run sim array `s`. */
export const SIM_DT = 0;
export const SIM_START = 1;
export const SIM_STOP = 2;
/** How many time points each pipeline delay has recorded so far. */
export const SIM_HISTORY_COUNT = 3;
export const SIM_HEADER = 4;
/**
 * Pipeline delay d keeps its history in a ring buffer h[base .. base + capacity); the sim array holds
 * s[SIM_HEADER + 3d] = base, then capacity, then the position of the latest value.
 */
export function simSize(delayCount: number): number {
  return SIM_HEADER + 3 * delayCount;
}

/** A graphical function packed for fast evaluation. mode: 0 continuous, 1 extrapolate, 2 discrete. */
export interface PackedTable {
  xs: Float64Array;
  ys: Float64Array;
  mode: 0 | 1 | 2;
}

/**
 * XMILE graphical functions: `continuous` interpolates and holds the end values outside the x range,
 * `extrapolate` extends the first and last segments, `discrete` holds each y until the next x.
 */
export function tableValue(table: PackedTable, x: number): number {
  const { xs, ys, mode } = table;
  const n = xs.length;
  if (x !== x) return NaN;
  if (x <= xs[0]) {
    // An end segment of zero width (a vertical step) cannot be extended: the end value holds.
    if (mode === 1 && n > 1 && x < xs[0] && xs[1] > xs[0]) return ys[0] + ((x - xs[0]) * (ys[1] - ys[0])) / (xs[1] - xs[0]);
    return ys[0];
  }
  if (x >= xs[n - 1]) {
    if (mode === 1 && n > 1 && x > xs[n - 1] && xs[n - 1] > xs[n - 2]) {
      return ys[n - 1] + ((x - xs[n - 1]) * (ys[n - 1] - ys[n - 2])) / (xs[n - 1] - xs[n - 2]);
    }
    return ys[n - 1];
  }
  // Largest i with xs[i] <= x (binary search; xs is non-decreasing).
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  if (mode === 2) return ys[lo];
  const x0 = xs[lo];
  const x1 = xs[hi];
  if (x1 === x0) return ys[hi];
  return ys[lo] + ((x - x0) * (ys[hi] - ys[lo])) / (x1 - x0);
}

/**
 * XMILE DELAY (pipeline): the input as it was at time `tq` (= TIME − delay time), read from the recorded
 * history with linear interpolation between steps. Before the start time the initial value applies. When `tq`
 * is later than the last recorded step (a delay shorter than DT) the last recorded value is used.
 * The history is a ring buffer: step k lives at base + k mod capacity. A fixed delay time gets a buffer just
 * long enough; a delay time that changes during the run gets one step per time point.
 */
export function delayRead(h: Float64Array, s: Float64Array, d: number, initial: number, tq: number): number {
  const count = s[3];
  if (count < 1) return initial;
  const p = (tq - s[1]) / s[0];
  if (p < -1e-9) return initial;
  const o = 4 + 3 * d;
  const base = s[o];
  const capacity = s[o + 1];
  const latest = s[o + 2];
  const last = count - 1;
  if (p >= last) return h[base + latest];
  const k0 = Math.floor(p + 1e-9);
  const back = last - k0;
  // Older than the buffer holds (only when the delay time grew past the size it started with): the oldest value.
  if (back >= capacity) return h[base + (latest + 1 === capacity ? 0 : latest + 1)];
  let j = latest - back;
  if (j < 0) j += capacity;
  const y0 = h[base + j];
  const frac = p - k0;
  if (frac <= 1e-9) return y0;
  return y0 + (h[base + (j + 1 === capacity ? 0 : j + 1)] - y0) * frac;
}

/** SAFEDIV / XIDZ / ZIDZ: the alternative when the divisor is zero. */
export function safeDiv(a: number, b: number, alternative: number): number {
  return b === 0 ? alternative : a / b;
}

/** STEP(height, time): `height` from `time` on. A tolerance of 1e-6·DT absorbs floating-point time drift. */
export function stepFn(t: number, s: Float64Array, height: number, stepTime: number): number {
  return t >= stepTime - s[SIM_DT] * 1e-6 ? height : 0;
}

/**
 * XMILE PULSE(magnitude, first, interval): magnitude/DT during the DT starting at `first`, so that the pulse
 * moves `magnitude` into a stock; repeated every `interval` when interval > 0.
 */
export function pulseFn(t: number, s: Float64Array, magnitude: number, first: number, interval: number): number {
  const dt = s[SIM_DT];
  const eps = dt * 1e-6;
  if (t < first - eps) return 0;
  let since = t - first;
  if (interval > 0) since -= Math.floor((since + eps) / interval) * interval;
  return since < dt - eps ? magnitude / dt : 0;
}

/** RAMP(slope, start, end): 0 until `start`, then rising by `slope` per time unit until `end`. */
export function rampFn(t: number, slope: number, start: number, end: number): number {
  if (t <= start) return 0;
  return slope * (Math.min(t, end) - start);
}

/**
 * x^y, faster than Math.pow (about 50 ns a call in V8) for the two cases models use most: small integer
 * exponents by repeated squaring (exact for integers such as 10^3; a few units in the last place otherwise),
 * and non-integer exponents of a positive base as exp(y·ln x) (≈5e-16 relative). Everything else is Math.pow.
 */
export function power(x: number, y: number): number {
  if (y === (y | 0) && y <= 64 && y >= -64) {
    let n = y < 0 ? -y : y;
    let result = 1;
    let base = x;
    while (n > 0) {
      if (n & 1) result *= base;
      base *= base;
      n >>= 1;
    }
    return y < 0 ? 1 / result : result;
  }
  return x > 0 && y !== Math.floor(y) ? Math.exp(y * Math.log(x)) : Math.pow(x, y);
}
