import { describe, expect, it } from 'vitest';
import { compileModel, type VariableSpec } from '../../../models/engine/index.js';
import { at, aux, flow, run, series, spec, stock, value } from './helpers.js';

describe('pure builtins', () => {
  it('ABS, MIN, MAX', () => {
    expect(value('ABS(-3)')).toBe(3);
    expect(value('MIN(3, 1, 2)')).toBe(1);
    expect(value('MAX(2, 5)')).toBe(5);
    expect(value('max(7)')).toBe(7);
  });
  it('INT truncates toward zero and MOD keeps the sign of the dividend (Vensim, as the rounding test model expects)', () => {
    expect(value('INT(-9.9)')).toBe(-9);
    expect(value('INT(9.9)')).toBe(9);
    expect(value('MOD(-10, 3)')).toBe(-1);
    expect(value('MOD(10, 3)')).toBe(1);
    expect(value('MOD(10, -3)')).toBe(1);
  });
  it('EXP, LN, LOG10, SQRT', () => {
    expect(value('EXP(1)')).toBeCloseTo(Math.E, 15);
    expect(value('LN(EXP(2))')).toBeCloseTo(2, 15);
    expect(value('LOG10(1000)')).toBeCloseTo(3, 15);
    expect(value('SQRT(16)')).toBe(4);
  });
  it('a fixed base to a power that changes over time gives the power for every sign of the base', () => {
    // Positive bases go through exp(y·ln a) with the logarithm worked out once; zero and negative bases cannot.
    const r = run([aux('base', 'b'), aux('b', '1.035'), aux('grow', 'base^(TIME/4)'), aux('z', 'zero^TIME'), aux('zero', '0'), aux('neg', 'minus2^TIME'), aux('minus2', '-2')], {
      stop: 8,
    });
    series(r, 'grow').forEach((x, k) => expect(x / Math.pow(1.035, k / 4)).toBeCloseTo(1, 14));
    expect(series(r, 'z')).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series(r, 'neg')).toEqual([1, -2, 4, -8, 16, -32, 64, -128, 256]);
  });
  it('SIN, COS, TAN, ARCSIN, ARCCOS, ARCTAN, PI', () => {
    expect(value('SIN(PI/2)')).toBeCloseTo(1, 15);
    expect(value('COS(0)')).toBe(1);
    expect(value('TAN(PI/4)')).toBeCloseTo(1, 15);
    expect(value('ARCSIN(1)')).toBeCloseTo(Math.PI / 2, 15);
    expect(value('ARCCOS(1)')).toBe(0);
    expect(value('ARCTAN(1)')).toBeCloseTo(Math.PI / 4, 15);
    expect(value('PI')).toBe(Math.PI);
    expect(value('PI()')).toBe(Math.PI);
  });
  it('SAFEDIV, XIDZ, ZIDZ', () => {
    expect(value('SAFEDIV(6, 3)')).toBe(2);
    expect(value('SAFEDIV(1, 0)')).toBe(0);
    expect(value('SAFEDIV(1, 0, 5)')).toBe(5);
    expect(value('XIDZ(1, 0, 7)')).toBe(7);
    expect(value('XIDZ(8, 2, 7)')).toBe(4);
    expect(value('ZIDZ(1, 0)')).toBe(0);
  });
});

describe('time builtins', () => {
  const sim = { start: 1, stop: 6, dt: 0.5 };
  it('TIME, DT, STARTTIME, STOPTIME', () => {
    const r = run([aux('t', 'TIME'), aux('d', 'DT'), aux('a', 'STARTTIME'), aux('b', 'STOPTIME')], sim);
    expect(series(r, 't')).toEqual(Array.from(r.times));
    expect(at(r, 'd', 3)).toBe(0.5);
    expect(at(r, 'a', 3)).toBe(1);
    expect(at(r, 'b', 3)).toBe(6);
  });
  it('STEP(height, time)', () => {
    const r = run([aux('s', 'STEP(5, 3)')], sim);
    expect(at(r, 's', 2.5)).toBe(0);
    expect(at(r, 's', 3)).toBe(5);
    expect(at(r, 's', 6)).toBe(5);
  });
  it('RAMP(slope, start[, end])', () => {
    const r = run([aux('r', 'RAMP(2, 3)'), aux('e', 'RAMP(2, 3, 4)')], sim);
    expect(at(r, 'r', 2)).toBe(0);
    expect(at(r, 'r', 5)).toBe(4);
    expect(at(r, 'e', 5)).toBe(2);
  });
  it('PULSE(magnitude, first) moves exactly the magnitude into a stock in one DT', () => {
    const r = run([stock('S', '0', ['p']), flow('p', 'PULSE(10, 2)')], sim);
    expect(at(r, 'p', 1.5)).toBe(0);
    expect(at(r, 'p', 2)).toBe(20);
    expect(at(r, 'p', 2.5)).toBe(0);
    expect(at(r, 'S', 6)).toBe(10);
  });
  it('PULSE(magnitude, first, interval) repeats', () => {
    const r = run([aux('p', 'PULSE(4, 1, 3)')], { start: 0, stop: 8, dt: 1 });
    expect(series(r, 'p')).toEqual([0, 4, 0, 0, 4, 0, 0, 4, 0]);
  });
  it('INIT(x) keeps the initial value of x', () => {
    const r = run([stock('S', '3', ['f']), flow('f', '1'), aux('i', 'INIT(S + TIME)')], sim);
    expect(at(r, 'S', 6)).toBe(8);
    expect(series(r, 'i').every((x) => x === 4)).toBe(true);
  });
});

describe('pipeline DELAY', () => {
  const sim = { start: 0, stop: 6, dt: 0.5 };
  it('gives the input from delay-time ago, starting at the input initial value', () => {
    const r = run([aux('in', 'TIME + 10'), aux('d', 'DELAY(in, 2)'), aux('d0', 'DELAY(in, 2, -1)')], sim);
    expect(at(r, 'd', 1.5)).toBe(10);
    expect(at(r, 'd', 2)).toBe(10);
    expect(at(r, 'd', 3)).toBe(11);
    expect(at(r, 'd', 6)).toBe(14);
    expect(at(r, 'd0', 1.5)).toBe(-1);
    expect(at(r, 'd0', 2)).toBe(10);
  });
  it('interpolates when the delay time is not a multiple of DT', () => {
    const r = run([aux('d', 'DELAY(TIME, 1.25)')], sim);
    expect(at(r, 'd', 3)).toBeCloseTo(1.75, 12);
  });
  it('keeps working over long runs (its history is a ring buffer sized from the delay time)', () => {
    const r = run([aux('d', 'DELAY(TIME, 2)')], { start: 0, stop: 100, dt: 0.5 });
    const d = series(r, 'd');
    r.times.forEach((t, k) => expect(d[k]).toBeCloseTo(t >= 2 ? t - 2 : 0, 12));
  });
  it('follows a delay time that changes during the run', () => {
    const r = run([aux('d', 'DELAY(TIME, 1 + TIME / 10)')], { start: 0, stop: 60, dt: 0.5 });
    expect(at(r, 'd', 20)).toBeCloseTo(17, 12);
    expect(at(r, 'd', 50)).toBeCloseTo(44, 12);
    expect(at(r, 'd', 60)).toBeCloseTo(53, 12);
  });
  it('uses a delay time overridden with set', () => {
    const m = compileModel(spec([aux('tau', '3'), aux('d', 'DELAY(TIME, tau)')], { start: 0, stop: 60, dt: 0.25 }));
    expect(at(m.run(), 'd', 50)).toBeCloseTo(47, 12);
    expect(at(m.run({ set: { tau: 7 } }), 'd', 50)).toBeCloseTo(43, 12);
    expect(at(m.run({ set: { tau: 7 }, method: 'rk4' }), 'd', 50)).toBeCloseTo(43, 12);
  });
  it('breaks a feedback loop through its input', () => {
    const r = run([aux('x', 'DELAY(x, 1, 1) * 2')], { start: 0, stop: 3, dt: 1 });
    expect(series(r, 'x')).toEqual([2, 4, 8, 16]);
  });
});

/** Runs a builtin and a hand-built stock structure for it; both must agree step for step. */
function agree(builtin: VariableSpec[], explicit: VariableSpec[], a: string, b: string, method: 'euler' | 'rk4' = 'euler'): void {
  const sim = { start: 0, stop: 20, dt: 0.25, method };
  const input = aux('input', 'STEP(10, 2) + RAMP(1, 5) + 5');
  const r1 = run([input, ...builtin], sim);
  const r2 = run([input, ...explicit], sim);
  const x = series(r1, a);
  const y = series(r2, b);
  expect(x.length).toBe(81);
  for (let k = 0; k < x.length; k++) expect(x[k]).toBeCloseTo(y[k], 10);
}

describe('stateful builtins match their stock-and-flow definitions', () => {
  it('SMTH1', () => {
    agree([aux('out', 'SMTH1(input, 4)')], [stock('S', 'input', ['f']), flow('f', '(input - S) / 4'), aux('out', 'S')], 'out', 'out');
    agree([aux('out', 'SMTH1(input, 4, 2)')], [stock('S', '2', ['f']), flow('f', '(input - S) / 4'), aux('out', 'S')], 'out', 'out', 'rk4');
  });
  it('SMTH3 and SMTHN', () => {
    const chain = (n: number): VariableSpec[] => {
      const vs: VariableSpec[] = [];
      for (let i = 1; i <= n; i++) {
        vs.push(stock(`S${i}`, 'input', [`f${i}`]));
        vs.push(flow(`f${i}`, `(${i === 1 ? 'input' : `S${i - 1}`} - S${i}) / (6 / ${n})`));
      }
      return [...vs, aux('out', `S${n}`)];
    };
    agree([aux('out', 'SMTH3(input, 6)')], chain(3), 'out', 'out');
    agree([aux('out', 'SMTHN(input, 6, 5)')], chain(5), 'out', 'out', 'rk4');
  });
  it('DELAY1', () => {
    agree(
      [aux('out', 'DELAY1(input, 4)')],
      [stock('S', 'input * 4', ['i'], ['o']), flow('i', 'input'), flow('o', 'S / 4'), aux('out', 'o')],
      'out',
      'out',
    );
  });
  it('DELAY3 and DELAYN', () => {
    const chain = (n: number, init: string): VariableSpec[] => {
      const vs: VariableSpec[] = [flow('o0', 'input')];
      for (let i = 1; i <= n; i++) {
        vs.push(stock(`S${i}`, `${init} * 6 / ${n}`, [`o${i - 1}`], [`o${i}`]));
        vs.push(flow(`o${i}`, `S${i} / (6 / ${n})`));
      }
      return [...vs, aux('out', `o${n}`)];
    };
    agree([aux('out', 'DELAY3(input, 6)')], chain(3, 'input'), 'out', 'out');
    agree([aux('out', 'DELAY3(input, 6, 1)')], chain(3, '1'), 'out', 'out');
    agree([aux('out', 'DELAYN(input, 6, 4)')], chain(4, 'input'), 'out', 'out', 'rk4');
  });
  it('TREND', () => {
    agree(
      [aux('out', 'TREND(input, 3, 0.1)')],
      [stock('A', 'input / (1 + 0.1 * 3)', ['f']), flow('f', '(input - A) / 3'), aux('out', '(input - A) / (A * 3)')],
      'out',
      'out',
    );
  });
  it('breaks algebraic loops through their state', () => {
    const r = run([aux('goal', '10'), aux('x', 'SMTH1(goal - x * 0.5 + 3, 2, 0)')], { stop: 40 });
    expect(at(r, 'x', 40)).toBeCloseTo(26 / 3, 3);
  });
});

describe('graphical functions', () => {
  const points = { xs: [0, 1, 2], ys: [0, 10, 30] };
  const vars = (kind: 'continuous' | 'extrapolate' | 'discrete'): VariableSpec[] => [
    { name: 'table', kind: 'gf', equation: '', gf: { kind, ...points } },
    aux('below', 'table(-1)'),
    aux('between', 'LOOKUP(table, 1.5)'),
    aux('on', 'table(1)'),
    aux('above', 'lookup(table, 3)'),
  ];
  const values = (kind: 'continuous' | 'extrapolate' | 'discrete'): number[] => {
    const r = run(vars(kind), { stop: 0 });
    return ['below', 'between', 'on', 'above'].map((n) => at(r, n, 0));
  };
  it('continuous: interpolates, holds the end values outside the range', () => {
    expect(values('continuous')).toEqual([0, 20, 10, 30]);
  });
  it('extrapolate: extends the end segments', () => {
    expect(values('extrapolate')).toEqual([-10, 20, 10, 50]);
  });
  it('discrete: holds each y until the next x', () => {
    expect(values('discrete')).toEqual([0, 10, 10, 30]);
  });
  it('embedded in an auxiliary, applies to its equation; standalone tables are not outputs', () => {
    const r = run([...vars('continuous'), aux('embedded', 'TIME / 4', { gf: { kind: 'continuous', ...points } })], { stop: 8 });
    expect(r.names).not.toContain('table');
    expect(at(r, 'embedded', 2)).toBe(5);
    expect(at(r, 'embedded', 8)).toBe(30);
  });
});
