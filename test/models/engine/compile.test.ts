import { describe, expect, it } from 'vitest';
import { compileModel, ModelError, type ModelSpec } from '../../../models/engine/index.js';

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
    expect(m.constantNames).toEqual(['Room Temperature', 'Characteristic Time']);
    const r = m.run({ set: { room_temperature: 20 } });
    expect(r.series[2][100]).toBe(20);
    expect(r.series[0][240]).toBeLessThan(30);
    expect(() => m.run({ set: { nope: 1 } })).toThrow(/no such variable/);
    expect(() => m.run({ set: { 'Heat Loss to Room': 1 } })).toThrow(/not a constant/);
    try {
      m.run({ set: { 'Teacup Temperature': 1 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      expect((e as ModelError).code).toBe('bad-override');
    }
  });
});
