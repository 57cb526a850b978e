import { describe, expect, it } from 'vitest';
import { compileModel, ModelError, type ModelSpec } from '../../../models/engine/index.js';
import { power } from '../../../models/engine/runtime.js';
import { at, aux, flow, run, series, spec, stock, value } from './helpers.js';

const teacup = (): ModelSpec => ({
  name: 'teacup',
  sim: { start: 0, stop: 30, dt: 0.125, method: 'euler' },
  variables: [
    { name: 'Teacup Temperature', kind: 'stock', equation: '180', outflows: ['Heat Loss to Room'] },
    { name: 'Heat Loss to Room', kind: 'flow', equation: '("Teacup Temperature"-"Room Temperature")/"Characteristic Time"' },
    { name: 'Room Temperature', kind: 'aux', equation: '70' },
    { name: 'Characteristic Time', kind: 'aux', equation: '10' },
  ],
});

describe('compileModel: stocks, flows and auxiliaries with Euler', () => {
  it('reproduces the teacup model (Vensim reference value at t=30: 75.374)', () => {
    const r = compileModel(teacup()).run();
    expect(r.names).toEqual(['Teacup Temperature', 'Heat Loss to Room', 'Room Temperature', 'Characteristic Time']);
    expect(r.times.length).toBe(241);
    expect(r.times[240]).toBe(30);
    expect(r.series[0][0]).toBe(180);
    expect(r.series[0][240]).toBeCloseTo(75.374, 3);
    expect(r.series[1][240]).toBeCloseTo(0.537402, 5);
    expect(r.series[2][240]).toBe(70);
  });

  it('overrides constants by name with `set`', () => {
    const m = compileModel(teacup());
    expect(m.constantNames).toEqual(['Teacup Temperature', 'Room Temperature', 'Characteristic Time']);
    const r = m.run({ set: { room_temperature: 20 } });
    expect(r.series[2][100]).toBe(20);
    expect(r.series[0][240]).toBeLessThan(30);
    expect(() => m.run({ set: { nope: 1 } })).toThrow(/no such variable/);
    expect(() => m.run({ set: { 'Heat Loss to Room': 1 } })).toThrow(/not a constant/);
    expect(() => m.run({ set: { room_temperature: Number.NaN } })).toThrow(/not a finite number/);
    const derived = compileModel({ ...teacup(), variables: [...teacup().variables, { name: 'T', kind: 'stock', equation: 'Room Temperature + 1' }] });
    expect(() => derived.run({ set: { T: 1 } })).toThrow(/not a constant/);
    expect(m.run({ set: { 'teacup temperature': 100 } }).series[0][0]).toBe(100);
    try {
      m.run({ set: { 'Heat Loss to Room': 1 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      expect((e as ModelError).code).toBe('bad-override');
    }
  });
});


function failure(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('expected a ModelError');
}

describe('dependency order and algebraic loops', () => {
  it('orders auxiliaries by dependency, not by model order', () => {
    const r = run([aux('c', 'b * 2'), aux('b', 'a + 1'), aux('a', 'TIME')], { stop: 2 });
    expect(series(r, 'c')).toEqual([2, 4, 6]);
  });
  it('initialises stocks that reference other stocks in dependency order', () => {
    const r = run([stock('A', 'B + C', ['f']), stock('B', 'C * 2'), stock('C', '5'), flow('f', '1')], { stop: 1 });
    expect(at(r, 'A', 0)).toBe(15);
    expect(at(r, 'B', 0)).toBe(10);
  });
  it('reports an algebraic loop listing the variables in it', () => {
    const e = failure(() => compileModel(spec([aux('a', 'b + 1'), aux('b', 'c * 2'), aux('c', 'a'), aux('d', 'a')])));
    expect(e.code).toBe('cycle');
    expect(e.variables?.slice().sort()).toEqual(['a', 'b', 'c']);
    expect(e.message).toMatch(/algebraic loop/);
    expect(e.message).toContain('a → b → c → a');
  });
  it('reports a self-reference as a loop', () => {
    const e = failure(() => compileModel(spec([aux('x', 'x + 1')])));
    expect(e.code).toBe('cycle');
    expect(e.variables).toEqual(['x']);
  });
  it('does not treat a loop through a stock as algebraic', () => {
    const r = run([stock('S', '1', ['f']), flow('f', 'S * 0.5')], { stop: 2 });
    expect(series(r, 'S')).toEqual([1, 1.5, 2.25]);
  });
  it('reports a loop in the initial values', () => {
    const e = failure(() => compileModel(spec([stock('S', 'a'), aux('a', 'S')])));
    expect(e.code).toBe('cycle');
    expect(e.message).toMatch(/initial values/);
    expect(e.variables?.slice().sort()).toEqual(['S', 'a']);
  });
});

describe('integration', () => {
  const decay = (method: 'euler' | 'rk4') =>
    run([stock('x', '1', [], ['out']), flow('out', 'x * k'), aux('k', '1')], { start: 0, stop: 5, dt: 0.25, method });
  it('RK4 is far more accurate than Euler on exponential decay at the same dt', () => {
    const exact = Math.exp(-5);
    const eulerError = Math.abs(at(decay('euler'), 'x', 5) - exact);
    const rk4Error = Math.abs(at(decay('rk4'), 'x', 5) - exact);
    expect(eulerError).toBeGreaterThan(1e-3);
    expect(rk4Error).toBeLessThan(1e-5);
    expect(rk4Error * 1000).toBeLessThan(eulerError);
  });
  it('RK4 error falls by about 16× when dt halves (fourth order)', () => {
    const err = (dt: number) =>
      Math.abs(at(run([stock('x', '1', [], ['out']), flow('out', 'x')], { stop: 5, dt, method: 'rk4' }), 'x', 5) - Math.exp(-5));
    const ratio = err(0.25) / err(0.125);
    expect(ratio).toBeGreaterThan(12);
    expect(ratio).toBeLessThan(20);
  });
  it('the run method option overrides the spec', () => {
    const m = compileModel(spec([stock('x', '1', [], ['out']), flow('out', 'x')], { stop: 1 }));
    expect(at(m.run(), 'x', 1)).toBe(0);
    expect(at(m.run({ method: 'rk4' }), 'x', 1)).toBeCloseTo(0.375, 12);
  });
  it('non-negative stocks are held at zero while their outflow keeps its value', () => {
    const r = run([stock('S', '2', [], ['out'], { nonNegative: true }), flow('out', '1')], { stop: 4 });
    expect(series(r, 'S')).toEqual([2, 1, 0, 0, 0]);
    expect(series(r, 'out')).toEqual([1, 1, 1, 1, 1]);
  });
  it('non-negative flows report the clamped value', () => {
    const r = run([stock('S', '0', ['in']), flow('in', 'TIME - 2', { nonNegative: true })], { stop: 4 });
    expect(series(r, 'in')).toEqual([0, 0, 0, 1, 2]);
    expect(series(r, 'S')).toEqual([0, 0, 0, 0, 1]);
  });
});

describe('choosing outputs', () => {
  it('saves only the variables asked for, in model order, with the same values', () => {
    const m = compileModel(teacup());
    const all = m.run();
    const some = m.run({ outputs: ['room_temperature', 'TEACUP TEMPERATURE'] });
    expect(some.names).toEqual(['Teacup Temperature', 'Room Temperature']);
    expect(some.series[0]).toEqual(all.series[0]);
    expect(some.series[1]).toEqual(all.series[2]);
    expect(failure(() => m.run({ outputs: ['nope'] })).code).toBe('unknown-variable');
  });
  it('still stops on a non-finite stock that is not saved', () => {
    const m = compileModel(spec([stock('S', '1e308', ['f']), flow('f', '1e308'), aux('k', '1')], { stop: 5 }));
    const e = failure(() => m.run({ outputs: ['k'] }));
    expect(e.code).toBe('non-finite');
    expect(e.variable).toBe('S');
  });
});

describe('sim specs and save step', () => {
  it('saves every save step from start to stop inclusive', () => {
    const r = run([aux('t', 'TIME')], { start: 0, stop: 10, dt: 0.25, saveStep: 1 });
    expect(Array.from(r.times)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(series(r, 't')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it('computes time as start + k·dt, so no drift accumulates', () => {
    const r = run([aux('t', 'TIME')], { start: 0, stop: 100, dt: 0.1 });
    expect(r.times.length).toBe(1001);
    expect(r.times[1000]).toBe(100);
    expect(r.times[30]).toBe(30 * 0.1);
    const third = run([aux('t', 'TIME')], { start: 0, stop: 2, dt: 1 / 3 });
    expect(third.times.length).toBe(7);
    expect(third.times[6]).toBe(2);
  });
  it('accepts sim overrides per run and rejects bad ones', () => {
    const m = compileModel(spec([aux('t', 'TIME')]));
    expect(m.run({ sim: { stop: 3 } }).times.length).toBe(4);
    expect(failure(() => m.run({ sim: { dt: 0 } })).code).toBe('bad-sim-specs');
    expect(failure(() => m.run({ sim: { stop: -1 } })).code).toBe('bad-sim-specs');
    expect(failure(() => m.run({ sim: { saveStep: 1.5 } })).message).toMatch(/multiple of dt/);
    expect(m.run({ sim: { saveStep: 0.5, stop: 2 } }).times.length).toBe(3);
  });
});

describe('non-finite values', () => {
  it('stop the run naming the time and the first variable that went non-finite', () => {
    const e = failure(() => run([aux('a', '1 / (TIME - 2)'), aux('b', 'a * 2')], { stop: 5 }));
    expect(e.code).toBe('non-finite');
    expect(e.time).toBe(2);
    expect(e.variable).toBe('a');
    expect(e.message).toMatch(/time 2/);
  });
  it('catch a stock that overflows', () => {
    const e = failure(() => run([stock('S', '1', ['f']), flow('f', 'S * 1e200')], { stop: 10 }));
    expect(e.code).toBe('non-finite');
    expect(e.variable).toBe('f');
    expect(e.time).toBe(1);
  });
  it('name the stock when only the stock overflows', () => {
    const e = failure(() => run([stock('S', '1e308', ['f']), flow('f', '1e308')], { stop: 10 }));
    expect(e.code).toBe('non-finite');
    expect(e.variable).toBe('S');
    expect(e.time).toBe(1);
  });
  it('catch NaN in initial values', () => {
    const e = failure(() => run([stock('S', 'SQRT(-1)')]));
    expect(e.code).toBe('non-finite');
    expect(e.variable).toBe('S');
    expect(e.time).toBe(0);
  });
});

describe('independence', () => {
  const modelA = () =>
    spec(
      [
        stock('S', '10', ['in'], ['out']),
        flow('in', 'DELAY(out, 2) + tbl(TIME)'),
        flow('out', 'SMTH1(S, 3) / 4'),
        { name: 'tbl', kind: 'gf', equation: '', gf: { kind: 'continuous', xs: [0, 10], ys: [0, 5] } },
      ],
      { stop: 10, dt: 0.5 },
    );
  const modelB = () =>
    spec(
      [
        stock('S', '1', ['in']),
        flow('in', 'DELAY(S, 1) * rate + tbl(TIME)'),
        aux('rate', '0.1'),
        { name: 'tbl', kind: 'gf', equation: '', gf: { kind: 'discrete', xs: [0, 5], ys: [1, 2] } },
      ],
      { stop: 10, dt: 0.25 },
    );
  it('two compiled models coexist and interleaved runs give the same results as separate ones', () => {
    const aAlone = compileModel(modelA()).run();
    const bAlone = compileModel(modelB()).run();
    const a = compileModel(modelA());
    const b = compileModel(modelB());
    const a1 = a.run();
    const b1 = b.run({ set: { rate: 0.2 } });
    const b2 = b.run();
    const a2 = a.run();
    expect(a1.series).toEqual(aAlone.series);
    expect(a2.series).toEqual(aAlone.series);
    expect(b2.series).toEqual(bAlone.series);
    expect(b1.series).not.toEqual(bAlone.series);
  });
  it('large models split into chunks give the same answer', () => {
    const vars = [aux('x0', 'TIME')];
    for (let i = 1; i <= 2500; i++) vars.push(aux(`x${i}`, `x${i - 1} + 1`));
    const r = run(vars, { stop: 2 });
    expect(series(r, 'x2500')).toEqual([2500, 2501, 2502]);
  });
});

describe('compiler optimisations keep the results', () => {
  it('parts of equations shared by several equations are computed once and give the same values', () => {
    const r = run([aux('x', 'TIME + 1'), aux('a', 'x ^ 1.5 + 1'), aux('b', '2 * x ^ 1.5'), aux('c', 'EXP(x / 2) - EXP(x / 2)')], { stop: 3 });
    for (const t of [0, 1, 2, 3]) {
      expect(at(r, 'a', t)).toBeCloseTo(Math.pow(t + 1, 1.5) + 1, 12);
      expect(at(r, 'b', t)).toBeCloseTo(2 * Math.pow(t + 1, 1.5), 12);
      expect(at(r, 'c', t)).toBe(0);
    }
  });
  it('fixed parts inside an IF branch that is not taken do not stop the run', () => {
    const r = run([aux('k', '-1'), aux('y', 'IF TIME > 100 THEN LN(k) * TIME ELSE TIME')], { stop: 2 });
    expect(series(r, 'y')).toEqual([0, 1, 2]);
  });
  it('shared parts inside an IF branch that is not taken do not stop the run', () => {
    const r = run([aux('a', 'IF TIME > 100 THEN LN(TIME - 1) ELSE 0'), aux('b', 'IF TIME > 100 THEN LN(TIME - 1) * 2 ELSE 1')], { stop: 2 });
    expect(series(r, 'a')).toEqual([0, 0, 0]);
    expect(series(r, 'b')).toEqual([1, 1, 1]);
    const e = failure(() => run([aux('a', 'LN(TIME - 1)'), aux('b', 'LN(TIME - 1) * 2')], { stop: 2 }));
    expect(e.code).toBe('non-finite');
    expect(e.variable).toBe('a');
  });
  it('fixed parts follow overrides of the constants they use', () => {
    const m = compileModel(spec([aux('k', '2'), aux('y', 'TIME * k ^ 0.5')], { stop: 1 }));
    expect(at(m.run(), 'y', 1)).toBeCloseTo(Math.SQRT2, 14);
    expect(at(m.run({ set: { k: 9 } }), 'y', 1)).toBeCloseTo(3, 14);
  });
  it('keeps integer powers exact', () => {
    const r = run([aux('a', '10 ^ 3'), aux('b', '(TIME + 10) ^ 3'), aux('c', '(TIME + 3) ^ 2')], { stop: 0 });
    expect(at(r, 'a', 0)).toBe(1000);
    expect(at(r, 'b', 0)).toBe(1000);
    expect(at(r, 'c', 0)).toBe(9);
  });
});

describe('untrusted model text', () => {
  it('never reaches generated code: names that look like code are just names', () => {
    const evil = 'a}; globalThis.__pwned = 1; {';
    const r = run(
      [aux(evil, '2'), aux('b', `"${evil}" * 3`), aux('c', '"process.exit(1)" + 1'), aux('process.exit(1)', '4')],
      { stop: 0 },
    );
    expect(at(r, 'b', 0)).toBe(6);
    expect(at(r, 'c', 0)).toBe(5);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });
  it('rejects equations that are code rather than arithmetic', () => {
    for (const equation of ['globalThis.x = 1', 'f = function() {}', '`x`', "'x'", 'a; b', 'a[0]', 'import("fs")']) {
      expect(() => compileModel(spec([aux('v', equation), aux('a', '1'), aux('b', '1')]))).toThrow(ModelError);
    }
  });
});

describe('powers', () => {
  it('agree with Math.pow for integer, negative, fractional and special cases', () => {
    const cases: [number, number][] = [
      [10, 3], [2, 10], [1.1, 8], [0.85, 8], [-2, 3], [-2, 2], [2, -2], [0, 0], [0, -1], [0, 3], [3, 0.5], [0.5, 2.5],
      [-8, 1 / 3], [7, 64], [1.0001, 65], [1e10, 40], [2, 0.1], [Math.E, -1.5],
    ];
    for (const [x, y] of cases) {
      const want = Math.pow(x, y);
      if (!Number.isFinite(want)) {
        // A model value that is not finite stops the run; the operator itself still follows Math.pow.
        expect(Object.is(power(x, y), want)).toBe(true);
        continue;
      }
      const got = value('b ^ e', [aux('b', String(x)), aux('e', String(y))]);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(2e-15 * Math.abs(want));
    }
    expect(value('10 ^ 3 + 0 * TIME')).toBe(1000);
  });
});
