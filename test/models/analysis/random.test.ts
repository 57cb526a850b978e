import { describe, expect, it } from 'vitest';
import { createRng, permutation } from '../../../models/analysis/random.js';
import { latinHypercube, quantileValue, rangeForDefault } from '../../../models/analysis/sampling.js';
import { band, percentileSorted } from '../../../models/analysis/stats.js';

describe('seeded generator', () => {
  it('gives the same numbers for the same seed and different numbers for another seed or stream', () => {
    const draw = (seed: number, stream = 0) => {
      const rng = createRng(seed, stream);
      return Array.from({ length: 50 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42)).not.toEqual(draw(42, 1));
    expect(draw(2 ** 40 + 5)).not.toEqual(draw(5));
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const rng = createRng(7);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      counts[Math.floor(x * 10)]++;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('refuses a seed that is not a whole number', () => {
    expect(() => createRng(1.5)).toThrow(/seed/);
    expect(() => createRng(-1)).toThrow(/seed/);
  });

  it('shuffles into a permutation', () => {
    const p = Array.from(permutation(100, createRng(1))).sort((a, b) => a - b);
    expect(p).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('Latin hypercube', () => {
  it('puts exactly one point in each stratum of each column', () => {
    const n = 37;
    const d = 5;
    const u = latinHypercube(n, d, createRng(3));
    for (let j = 0; j < d; j++) {
      const strata = Array.from({ length: n }, (_, i) => Math.floor(u[i * d + j] * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
});

describe('triangular and uniform quantiles', () => {
  const range = { low: 190, mode: 313, high: 400 };
  it('maps 0, the mode share and 1 to low, mode and high, monotonically', () => {
    expect(quantileValue(range, 0)).toBeCloseTo(190, 9);
    expect(quantileValue(range, (313 - 190) / (400 - 190))).toBeCloseTo(313, 9);
    expect(quantileValue(range, 1)).toBeCloseTo(400, 9);
    let previous = -Infinity;
    for (let u = 0; u <= 1; u += 0.01) {
      const v = quantileValue(range, u);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
    expect(quantileValue(range, 0.25, 'uniform')).toBeCloseTo(190 + 0.25 * 210, 9);
  });

  it('has the triangular mean (low + mode + high) / 3 over a fine hypercube', () => {
    const n = 20_000;
    const u = latinHypercube(n, 1, createRng(9));
    let sum = 0;
    for (let i = 0; i < n; i++) sum += quantileValue(range, u[i]);
    expect(sum / n).toBeCloseTo((190 + 313 + 400) / 3, 1);
  });

  it('returns the value itself for a range of zero width', () => {
    expect(quantileValue({ low: 2, mode: 2, high: 2 }, 0.7)).toBe(2);
  });

  it('holds a form default that is not the register’s most likely value', () => {
    expect(rangeForDefault({ low: 2, mode: 4, high: 8 }, 4)).toEqual({ low: 2, mode: 4, high: 8 });
    expect(rangeForDefault({ low: 30, mode: 44, high: 60 }, 0)).toEqual({ low: 0, mode: 0, high: 0 });
  });
});

describe('percentiles', () => {
  it('interpolates between order statistics', () => {
    expect(percentileSorted([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentileSorted([1, 2, 3, 4, 5], 10)).toBeCloseTo(1.4, 12);
    const b = band([5, 1, 4, 2, 3]);
    expect(b).toEqual({ p10: percentileSorted([1, 2, 3, 4, 5], 10), p50: 3, p90: percentileSorted([1, 2, 3, 4, 5], 90), mean: 3 });
  });
});
