import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../models/engine/index.js';
import {
  buildModelSpec,
  checkOverrides,
  effectiveParameters,
  formDifferences,
  MODEL_VERSION,
  PARAMETERS,
  SOURCES,
} from '../../../models/health-care/index.js';
import { model } from './helpers.js';

describe('parameter register', () => {
  it('has an entry for every constant of the model and no entry that is not a constant', () => {
    // The engine may also let a stock's constant starting value be set; the register covers the other constants.
    const stocks = new Set(buildModelSpec().variables.filter((v) => v.kind === 'stock').map((v) => normalizeName(v.name)));
    const constants = new Set(model.constantNames.map(normalizeName).filter((n) => !stocks.has(n)));
    const register = new Set(PARAMETERS.map((p) => normalizeName(p.name)));
    expect([...constants].filter((n) => !register.has(n))).toEqual([]);
    expect([...register].filter((n) => !constants.has(n))).toEqual([]);
    // No other numeric-constant variable hides in the spec.
    const numeric = buildModelSpec().variables.filter((v) => v.kind !== 'stock' && /^-?[\d.]+(e[-+]?\d+)?$/i.test(v.equation.trim()));
    expect(numeric.map((v) => normalizeName(v.name)).filter((n) => !register.has(n))).toEqual([]);
  });

  it('gives every entry a valid value, bounds, range, source and group', () => {
    const keys = new Set(SOURCES.map((s) => s.key));
    for (const p of PARAMETERS) {
      expect(p.bounds.min, p.name).toBeLessThanOrEqual(p.range.low);
      expect(p.range.low, p.name).toBeLessThanOrEqual(p.range.mode);
      expect(p.range.mode, p.name).toBeLessThanOrEqual(p.range.high);
      expect(p.range.high, p.name).toBeLessThanOrEqual(p.bounds.max);
      for (const v of [p.value, p.combinedValue ?? p.value]) {
        expect(v, p.name).toBeGreaterThanOrEqual(p.bounds.min);
        expect(v, p.name).toBeLessThanOrEqual(p.bounds.max);
      }
      expect(p.source === 'assumption' || keys.has(p.source), `${p.name} source ${p.source}`).toBe(true);
      expect(p.description.length, p.name).toBeGreaterThan(10);
      expect(['demand', 'capacity', 'costs', 'workforce', 'integration']).toContain(p.group);
    }
  });

  it('lists the table 2.3 differences between the forms', () => {
    const names = formDifferences().map((d) => d.name);
    for (const n of ['Assess_Delay_Integrated', 'D2A_Share_Integrated', 'Gatekeeping_Strength_Integrated', 'Pooled_Share_Integrated', 'Workforce_Flex_Integrated', 'Capacity_Adjust_Time_Integrated', 'Overprescription_Integrated', 'Transition_Productivity', 'Reorganisation_Cost', 'Overhead_Saving', 'Integration_Target']) {
      expect(names).toContain(n);
    }
    expect(effectiveParameters('combined', {}).Reorganisation_Cost).toBe(44e6);
    expect(effectiveParameters('separate', {}).Reorganisation_Cost).toBe(0);
  });

  it('applies overrides by name, case-insensitively', () => {
    expect(effectiveParameters('combined', { 'reorganisation cost': 30e6 }).Reorganisation_Cost).toBe(30e6);
  });

  it('has a version string', () => {
    expect(MODEL_VERSION).toMatch(/^hc-[0-9a-f]{12}$/);
  });
});

describe('checkOverrides', () => {
  it('refuses an unknown name, naming it', () => {
    const r = checkOverrides({ Bed_Dya_Cost: 300 });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toContain('Bed_Dya_Cost');
  });

  it('refuses a value outside the bounds, naming the parameter and its bounds', () => {
    const r = checkOverrides({ D2A_Share: 1.5 });
    expect(r.errors[0].message).toContain('D2A_Share');
    expect(r.errors[0].message).toContain('0 to 1');
    expect(checkOverrides({ Assess_Delay: -1 }).errors[0].message).toMatch(/Assess_Delay.*outside its allowed bounds/);
  });

  it('warns, without refusing, outside the plausible range', () => {
    const r = checkOverrides({ Bed_Day_Cost: 600 });
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]).toMatch(/Bed_Day_Cost = 600 is outside its plausible range 190 to 400/);
    expect(checkOverrides({ Bed_Day_Cost: 300 })).toEqual({ errors: [], warnings: [] });
  });

  it('refuses splits that would add up to more than all patients', () => {
    expect(checkOverrides({ Split_P1: 0.9 }).errors[0].message).toMatch(/Split_P1 \+ Split_P2 \+ Split_P3/);
  });
});
