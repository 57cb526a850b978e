import { describe, expect, it } from 'vitest';
import { buildTables } from '../../../models/engine/codegen.js';
import { tableValue, type PackedTable } from '../../../models/engine/runtime.js';

/** Small graphical functions are compiled to straight-line code; it must agree with the generic evaluator. */
describe('compiled graphical functions', () => {
  const tables: PackedTable[] = [];
  for (const mode of [0, 1, 2] as const) {
    tables.push({ xs: Float64Array.from([0, 0.5, 1, 1.5, 2, 3]), ys: Float64Array.from([1.6, 1.3, 1, 0.8, 0.7, 0.65]), mode });
    tables.push({ xs: Float64Array.from([-2, 0, 0, 4, 4]), ys: Float64Array.from([5, 1, 3, -2, 7]), mode });
    tables.push({ xs: Float64Array.from([1]), ys: Float64Array.from([42]), mode });
    const many = Array.from({ length: 40 }, (_, i) => i * 0.25);
    tables.push({ xs: Float64Array.from(many), ys: Float64Array.from(many.map((x) => Math.sin(x))), mode });
  }
  const fns = buildTables(tables);
  it('give exactly the values of tableValue, on and between the points and outside the range', () => {
    const probes = [-10, -2, -1.5, -1e-12, 0, 1e-12, 0.25, 0.5, 0.75, 1, 1.2, 2, 2.5, 3, 4, 4.5, 9.75, 10, 100];
    for (let k = 0; k < 200; k++) probes.push(-3 + (k / 199) * 14);
    tables.forEach((table, i) => {
      for (const x of probes) expect(Object.is(fns[i](x), tableValue(table, x))).toBe(true);
      expect(fns[i](Number.NaN)).toBeNaN();
    });
  });
});
