import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise, compareAppraisals } from '../../../models/analysis/appraisal.js';
import { attribute } from '../../../models/analysis/attribution.js';
import { NOT_SAMPLED, careAnalysisModel } from '../../../models/analysis/care-model.js';
import { PARAMETERS, compareRuns, runScenario } from '../../../models/health-care/index.js';
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
});
