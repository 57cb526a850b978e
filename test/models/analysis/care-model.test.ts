import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise, compareAppraisals } from '../../../models/analysis/appraisal.js';
import { attribute } from '../../../models/analysis/attribution.js';
import { NOT_SAMPLED, PLACEMENT_TIMES, REFITTED, careAnalysisModel } from '../../../models/analysis/care-model.js';
import { runParameters } from '../../../models/analysis/monte-carlo.js';
import { createRng } from '../../../models/analysis/random.js';
import { latinHypercube } from '../../../models/analysis/sampling.js';
import { scenarioPlan } from '../../../models/analysis/uncertainty.js';
import { PARAMETERS, compareRuns, runScenario, runScenarioArrays } from '../../../models/health-care/index.js';
import { parseScenarioText } from '../../../scenarios/parse.js';
import type { Scenario } from '../../../scenarios/scenario.js';

function library(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL(`../../../scenarios/library/${file}`, import.meta.url), 'utf8'), file, PARAMETERS);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const separate = library('northamptonshire-separate.json');
const combined = library('combined-like-greater-manchester.json');
const trusted = library('separate-trusted-assessors-d2a.json');

describe('the care model seen by the analysis', () => {
  it('samples neither the form switch nor policy levers, and holds a form default that is not the register’s most likely value', () => {
    const names = careAnalysisModel.parameters.map((p) => p.name);
    for (const name of NOT_SAMPLED) expect(names).not.toContain(name);
    const reorganisation = careAnalysisModel.parameters.find((p) => p.name === 'Reorganisation_Cost')!;
    expect(careAnalysisModel.samplingRange(separate, reorganisation)).toEqual({ low: 0, mode: 0, high: 0 });
    expect(careAnalysisModel.samplingRange(combined, reorganisation)).toEqual(reorganisation.range);
  });

  it('splits a real option’s difference exactly: Shapley parts add up to the total, alone-effects plus interaction too', async () => {
    const keys = careAnalysisModel.headline;
    const a = await attribute(careAnalysisModel, separate, trusted, keys);
    expect(a.method).toBe('exact');
    expect(a.parts.map((p) => p.name).sort()).toEqual(Object.keys(trusted.parameters).sort());
    for (const k of keys) {
      const scale = Math.max(1, Math.abs(a.total[k]));
      const shapley = a.parts.reduce((s, p) => s + p.shapley[k], 0);
      const alone = a.parts.reduce((s, p) => s + p.oneAtATime[k], 0);
      expect(Math.abs(shapley + a.otherSettings[k] - a.total[k]) / scale).toBeLessThan(1e-9);
      expect(Math.abs(alone + a.interaction[k] + a.otherSettings[k] - a.total[k]) / scale).toBeLessThan(1e-9);
    }
    const run = (s: Scenario) => runScenario(s).metrics['cost.total'];
    expect(a.total['cost.total']).toBeCloseTo(run(trusted) - run(separate), 3);
    // The integrated values act only through integration: alone they change nothing, so their part is interaction.
    const assess = a.parts.find((p) => p.name === 'Assess_Delay_Integrated')!;
    expect(assess.oneAtATime['strandedBeds.final']).toBeCloseTo(0, 9);
    expect(assess.shapley['strandedBeds.final']).toBeLessThan(0);
  }, 120_000);

  it('appraises with the model’s own present value and break-even year', () => {
    const base = runScenario(separate);
    const option = runScenario(combined);
    const settings = (s: Scenario) =>
      careAnalysisModel.appraisalSettings(s, careAnalysisModel.effectiveParameters(s), careAnalysisModel.run(s, careAnalysisModel.effectiveParameters(s)));
    const a0 = appraise(base.yearly, settings(separate), { optimismBias: 0 });
    const a1 = appraise(option.yearly, settings(combined), { optimismBias: 0 });
    expect(a1.presentValue).toBe(option.metrics['cost.presentValue']);
    expect(a1.presentValueWithOptimismBias).toBe(a1.presentValue);
    expect(compareAppraisals(a0, a1).breakEvenYear).toBe(compareRuns(base, option).breakEvenYear);
    const uplifted = appraise(option.yearly, settings(combined), { optimismBias: 2 });
    expect(uplifted.optimismBiasUplift).toBe(88e6);
    // Spent over the first year: discounted a little, by (1 − 1.035^−1) / ln 1.035 on average.
    expect(uplifted.presentValueWithOptimismBias - uplifted.presentValue).toBeCloseTo((88e6 * (1 - 1 / 1.035)) / Math.log(1.035), 0);
  });

  describe('sampled runs start from the observed hospital', () => {
    const runs = 24;
    const design = latinHypercube(runs, careAnalysisModel.parameters.length, createRng(7, 1));
    const plan = scenarioPlan(careAnalysisModel, separate, design, runs);
    const sample = (i: number): Record<string, number> => runParameters(plan, i);

    it('re-fits the under-65 beds instead of sampling them', () => {
      expect(REFITTED).toEqual(['Under65_Emergency_Beds']);
      expect(careAnalysisModel.calibration?.parameters).toEqual([...PLACEMENT_TIMES, 'Under65_Emergency_Beds']);
      expect(careAnalysisModel.parameters.map((p) => p.name)).not.toContain('Under65_Emergency_Beds');
    });

    it('starts every sampled run with the scenario’s delayed patients and occupancy, which independent sampling does not', () => {
      const observed = runScenario(separate).series;
      expect(observed.occupancy[0]).toBeCloseTo(0.95, 3);
      expect(observed.strandedBeds[0]).toBeCloseTo(275, 0);
      let offOccupancy = 0;
      let offDelayed = 0;
      for (let i = 0; i < runs; i++) {
        const raw = sample(i);
        const fitted = careAnalysisModel.calibrate!(separate, plan.base, raw);
        const before = runScenario(separate, { parameters: raw }).series;
        if (Math.abs(before.occupancy[0] - observed.occupancy[0]) > 0.02) offOccupancy++;
        if (Math.abs(before.strandedBeds[0] - observed.strandedBeds[0]) > 20) offDelayed++;
        const after = runScenario(separate, { parameters: fitted }).series;
        expect(after.strandedBeds[0], `run ${i}`).toBeCloseTo(observed.strandedBeds[0], 6);
        if (fitted.Under65_Emergency_Beds > 0) expect(after.occupancy[0], `run ${i}`).toBeCloseTo(observed.occupancy[0], 9);
        // The placement times keep their sampled ratios; nothing else but the under-65 beds moves.
        const factor = fitted.Placement_Time_P1 / raw.Placement_Time_P1;
        for (const name of PLACEMENT_TIMES) expect(fitted[name] / raw[name]).toBeCloseTo(factor, 12);
        const others = (p: Record<string, number>) => Object.fromEntries(Object.entries(p).filter(([k]) => !PLACEMENT_TIMES.includes(k) && k !== 'Under65_Emergency_Beds'));
        expect(others(fitted)).toEqual(others(raw));
      }
      expect(offOccupancy).toBeGreaterThan(runs / 4);
      expect(offDelayed).toBeGreaterThan(runs / 4);
    });

    it('leaves a run at the scenario’s own values exactly as it is, and a scenario’s own under-65 beds alone', () => {
      expect(careAnalysisModel.calibrate!(separate, plan.base, { ...plan.base })).toEqual(plan.base);
      const fixed: Scenario = { ...separate, parameters: { ...separate.parameters, Under65_Emergency_Beds: 250 } };
      const base = careAnalysisModel.effectiveParameters(fixed);
      const raw = { ...base, Elective_LoS: 4 };
      expect(careAnalysisModel.calibrate!(fixed, base, raw)).toEqual(raw);
    });

    it('gives sampled runs that agree at half the time step (independent sampling changed cost by up to 14%)', () => {
      for (let i = 0; i < runs; i++) {
        const p = careAnalysisModel.calibrate!(separate, plan.base, sample(i));
        const a = runScenario(separate, { parameters: p });
        const b = runScenario(separate, { parameters: p, dt: 0.25 });
        for (const key of careAnalysisModel.headline) {
          const x = a.metrics[key as keyof typeof a.metrics];
          const y = b.metrics[key as keyof typeof b.metrics];
          expect(Math.abs(x - y) / Math.max(1, Math.abs(y)), `${key} in run ${i}`).toBeLessThan(0.01);
        }
      }
    }, 60_000);
  });

  it('gives Monte Carlo the same run as the window, without copying the series into arrays', () => {
    const arrays = runScenarioArrays(combined);
    const plain = runScenario(combined);
    expect(arrays.series.strandedBeds).toBeInstanceOf(Float64Array);
    expect(Array.from(arrays.series.strandedBeds)).toEqual(plain.series.strandedBeds);
    expect(Array.from(arrays.times)).toEqual(plain.times);
    expect(arrays.metrics).toEqual(plain.metrics);
    // Present value: each day's spending discounted from the middle of the day, (1 + r)^(−t/365).
    const total = plain.series['cost.cumulative.total'];
    let pv = 0;
    for (let k = 1; k < total.length; k++) pv += (total[k] - total[k - 1]) * Math.pow(1 + combined.discountRate, -(k - 0.5) / 365);
    expect(plain.metrics['cost.presentValue'] / pv).toBeCloseTo(1, 12);
  });
});
