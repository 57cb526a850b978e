import { describe, expect, it } from 'vitest';
import { attribute, changedParameters } from '../../../models/analysis/attribution.js';
import { sortTornado, tornado } from '../../../models/analysis/tornado.js';
import { standInModel, standInScenario } from './stand-in-model.js';

const separate = standInScenario();
const combined = standInScenario({ name: 'Combined', form: 'combined' });
const keys = standInModel.headline;

describe('tornado', () => {
  it('gives zero width to a parameter with zero range and a real width to one with a range', async () => {
    const t = await tornado(standInModel, separate, keys);
    const fixed = t.items.find((i) => i.name === 'fixed_thing')!;
    for (const k of keys) expect(fixed.metrics[k].width).toBe(0);
    const delay = t.items.find((i) => i.name === 'delay')!;
    expect(delay.metrics['strandedBeds.final'].width).toBeGreaterThan(0);
    expect(delay.low).toBe(3);
    expect(delay.high).toBe(9);
    expect(sortTornado(t, 'cost.total')[0].metrics['cost.total'].width).toBeGreaterThanOrEqual(delay.metrics['cost.total'].width);
  });

  it('leaves out parameters the scenario sets, and swings both scenarios together for a difference', async () => {
    const t = await tornado(standInModel, standInScenario({ parameters: { delay: 4 } }), keys);
    expect(t.items.map((i) => i.name)).not.toContain('delay');
    const twin = await tornado(standInModel, standInScenario({ name: 'twin' }), keys, separate);
    for (const item of twin.items) for (const k of keys) expect(item.metrics[k].width).toBe(0);
  });
});

describe('attribution', () => {
  it('splits the difference into parts that add up to the total, exactly (Shapley) and with interaction shown', async () => {
    const a = await attribute(standInModel, separate, combined, keys);
    expect(a.method).toBe('exact');
    expect(a.parts.map((p) => p.name)).toEqual(changedParameters(standInModel, separate, combined));
    expect(a.parts.map((p) => p.name)).toEqual(['delay', 'reorg_cost', 'saving']);
    for (const k of keys) {
      const shapleySum = a.parts.reduce((s, p) => s + p.shapley[k], 0);
      const oneAtATimeSum = a.parts.reduce((s, p) => s + p.oneAtATime[k], 0);
      const scale = Math.max(1, Math.abs(a.total[k]));
      expect(Math.abs(shapleySum + a.otherSettings[k] - a.total[k]) / scale).toBeLessThan(1e-9);
      expect(Math.abs(oneAtATimeSum + a.interaction[k] + a.otherSettings[k] - a.total[k]) / scale).toBeLessThan(1e-9);
      // Same horizon, dates and rate: the parameters explain everything.
      expect(Math.abs(a.otherSettings[k]) / scale).toBeLessThan(1e-9);
    }
    expect(a.total['cost.total']).not.toBe(0);
  });

  it('stays exact in its sum when sampling orders for many changed parameters', async () => {
    const many = standInScenario({
      name: 'many',
      form: 'combined',
      parameters: { admissions: 85, complex_share: 0.25, bed_cost: 250, hle_effect: 0.0015 },
    });
    const a = await attribute(standInModel, separate, many, keys, { maxExact: 3, permutations: 6, seed: 4 });
    expect(a.method).toBe('sampled');
    expect(a.parts).toHaveLength(7);
    for (const k of keys) {
      const sum = a.parts.reduce((s, p) => s + p.shapley[k], 0) + a.otherSettings[k];
      expect(Math.abs(sum - a.total[k]) / Math.max(1, Math.abs(a.total[k]))).toBeLessThan(1e-9);
    }
    const again = await attribute(standInModel, separate, many, keys, { maxExact: 3, permutations: 6, seed: 4 });
    expect(again).toEqual(a);
    // Sampled estimates carry a standard error; with many orders they approach the exact values within it.
    const exact = await attribute(standInModel, separate, many, keys);
    const close = await attribute(standInModel, separate, many, keys, { maxExact: 3, permutations: 400, seed: 4 });
    for (const part of close.parts) {
      const truth = exact.parts.find((p) => p.name === part.name)!.shapley['cost.total'];
      expect(part.standardError['cost.total']).toBeGreaterThanOrEqual(0);
      expect(Math.abs(part.shapley['cost.total'] - truth)).toBeLessThanOrEqual(4 * part.standardError['cost.total'] + 1e-6 * Math.abs(truth) + 1e-6);
    }
    for (const part of exact.parts) expect(part.standardError['cost.total']).toBe(0);
  });

  it('reports the part of a difference that no parameter explains', async () => {
    const shorter = standInScenario({ name: 'short', form: 'combined', horizonYears: 5 });
    const a = await attribute(standInModel, separate, shorter, keys);
    expect(Math.abs(a.otherSettings['cost.total'])).toBeGreaterThan(1e6);
  });
});
