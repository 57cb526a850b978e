import { describe, expect, it } from 'vitest';
import { OPTIMISM_BIAS_GUIDANCE, appraise, compareAppraisals, evenSpendShares } from '../../../models/analysis/appraisal.js';

const years = (totals: number[], reorg: number[] = []) =>
  totals.map((total, i) => ({ year: i + 1, label: `Y${i + 1}`, total, reorganisation: reorg[i] ?? 0 }));

describe('Green Book appraisal', () => {
  it('discounts year t by 1/(1+r)^(t−1) and uplifts the one-off cost by the optimism bias', () => {
    const a = appraise(years([100, 100, 100]), { discountRate: 0.035, horizonYears: 3, oneOffCost: 40, oneOffShareByYear: [1] }, { optimismBias: 0.5 });
    expect(a.presentValue).toBeCloseTo(100 + 100 / 1.035 + 100 / 1.035 ** 2, 9);
    expect(a.optimismBiasUplift).toBe(20);
    expect(a.presentValueWithOptimismBias).toBeCloseTo(a.presentValue + 20, 9);
    expect(a.totalCost).toBe(300);
    const spread = appraise(years([100, 100, 100]), { discountRate: 0.035, horizonYears: 3, oneOffCost: 40, oneOffShareByYear: evenSpendShares(547.5, 3) }, { optimismBias: 0.5 });
    expect(spread.presentValueWithOptimismBias - spread.presentValue).toBeCloseTo((20 * 2) / 3 + 20 / 3 / 1.035, 9);
    expect(evenSpendShares(365, 3)).toEqual([1, 0, 0]);
  });

  it('defaults to the Green Book upper bound for equipment/development projects, cited as data', () => {
    const a = appraise(years([10]), { discountRate: 0, horizonYears: 1, oneOffCost: 10, oneOffShareByYear: [1] });
    expect(a.optimismBias).toBe(OPTIMISM_BIAS_GUIDANCE.defaultUplift);
    expect(OPTIMISM_BIAS_GUIDANCE.category).toBe('Equipment/Development');
    expect(OPTIMISM_BIAS_GUIDANCE.citation.url).toMatch(/gov\.uk/);
    expect(() => appraise(years([10]), { discountRate: 0, horizonYears: 1, oneOffCost: 10, oneOffShareByYear: [1] }, { optimismBias: -1 })).toThrow(/optimism bias/);
  });

  it('finds the first year from which the option stays cheaper, later with the uplift', () => {
    const settings = { discountRate: 0.035, horizonYears: 5, oneOffCost: 0, oneOffShareByYear: [1] };
    const base = appraise(years([100, 100, 100, 100, 100]), settings, { optimismBias: 1 });
    const option = appraise(years([130, 80, 80, 80, 80]), { ...settings, oneOffCost: 30 }, { optimismBias: 1 });
    const c = compareAppraisals(base, option);
    expect(c.breakEvenYear).toBe(3);
    expect(c.breakEvenYearWithOptimismBias).toBe(5);
    expect(c.totalCostDifference).toBe(-50);
    const never = compareAppraisals(base, appraise(years([130, 100, 100, 100, 90]), settings));
    expect(never.breakEvenYear).toBeNull();
  });
});

describe('the briefing’s year-by-year sentence', () => {
  it('names the runs of years in which the option costs more or less', async () => {
    const { yearPattern } = await import('../../../models/analysis/briefing.js');
    const y = (costs: number[]) => costs.map((cost, i) => ({ year: i + 1, cost }));
    expect(yearPattern(y([150, 110, 90, 90]), y([100, 100, 100, 100]))).toBe(
      'Year by year it costs more than the baseline in years 1–2, less than the baseline in years 3–4.',
    );
    expect(yearPattern(y([100, 90]), y([100, 100]))).toBe('Year by year it costs the same as the baseline in year 1, less than the baseline in year 2.');
    expect(yearPattern(y([100]), y([100]))).toBe('');
  });
});
