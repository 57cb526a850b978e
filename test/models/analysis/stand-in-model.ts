/**
 * A tiny stand-in for the care model, used to test the analysis through its public interface: a delayed-discharge
 * stock (people in = admissions × complex share, out = stock ÷ delay) with costs, integrated by Euler over the
 * horizon, saved daily. Its parameters have interactions (delay × bed cost) so attribution has something to split.
 */
import type { AnalysisModel, ModelOutput, RegisterParameter } from '../../../models/analysis/model.js';
import { rangeForDefault } from '../../../models/analysis/sampling.js';

export interface StandInScenario {
  name: string;
  form: 'separate' | 'combined';
  parameters: Record<string, number>;
  horizonYears: number;
  discountRate: number;
}

const PARAMETERS: RegisterParameter[] = [
  { name: 'admissions', label: 'Admissions a day', unit: 'people/day', range: { low: 80, mode: 90, high: 100 }, source: 'S41a', grade: 'sourced' },
  { name: 'complex_share', label: 'Complex share', unit: 'share', range: { low: 0.15, mode: 0.2, high: 0.3 }, grade: 'assumption' },
  { name: 'delay', label: 'Delay', unit: 'days', range: { low: 3, mode: 5, high: 9 }, grade: 'assumption' },
  { name: 'bed_cost', label: 'Bed-day cost', unit: '£/day', range: { low: 190, mode: 313, high: 400 }, source: 'S18', grade: 'sourced' },
  { name: 'reorg_cost', label: 'One-off reorganisation cost', unit: '£', range: { low: 30e6, mode: 44e6, high: 60e6 }, grade: 'sourced' },
  { name: 'saving', label: 'Yearly overhead saving', unit: '£/year', range: { low: 6e6, mode: 12.1e6, high: 12.1e6 }, grade: 'sourced' },
  { name: 'fixed_thing', label: 'A parameter with no range', unit: '1', range: { low: 2, mode: 2, high: 2 }, grade: 'assumption' },
  { name: 'hle_effect', label: 'HLE per delayed bed', unit: 'years/bed', range: { low: 0.0005, mode: 0.001, high: 0.002 }, distribution: 'uniform', grade: 'assumption' },
];

const SEPARATE: Record<string, number> = { reorg_cost: 0, saving: 0 };
const COMBINED: Record<string, number> = { delay: 2.5 };

export function standInScenario(overrides: Partial<StandInScenario> = {}): StandInScenario {
  return { name: 'Separate', form: 'separate', parameters: {}, horizonYears: 10, discountRate: 0.035, ...overrides };
}

function defaults(form: StandInScenario['form']): Record<string, number> {
  const values = Object.fromEntries(PARAMETERS.map((p) => [p.name, p.range.mode]));
  return form === 'combined' ? { ...values, ...COMBINED } : { ...values, ...SEPARATE };
}

function run(scenario: StandInScenario, p: Record<string, number>): ModelOutput {
  const days = Math.round(scenario.horizonYears * 365);
  const dt = 0.25;
  let delayed = p.admissions * p.complex_share * p.delay;
  let cumCost = 0;
  const times: number[] = [];
  const stranded: number[] = [];
  const cumulative: number[] = [];
  const hle: number[] = [];
  const yearly: ModelOutput['yearly'] = [];
  let yearCost = 0;
  let yearReorg = 0;
  const save = (day: number) => {
    times.push(day);
    stranded.push(delayed);
    cumulative.push(cumCost);
    hle.push(63 - p.hle_effect * delayed * p.fixed_thing);
  };
  save(0);
  for (let day = 0; day < days; day++) {
    for (let s = 0; s < 1 / dt; s++) {
      const inflow = p.admissions * p.complex_share * (1 + (day % 365) / 3650);
      const outflow = delayed / p.delay;
      const cost = delayed * p.bed_cost - p.saving / 365;
      delayed += dt * (inflow - outflow);
      cumCost += dt * cost;
      yearCost += dt * cost;
    }
    if (day === 0) {
      cumCost += p.reorg_cost;
      yearCost += p.reorg_cost;
      yearReorg += p.reorg_cost;
    }
    if ((day + 1) % 365 === 0) {
      const year = (day + 1) / 365;
      yearly.push({ year, label: `${2017 + year}/${String(18 + year).padStart(2, '0')}`, total: yearCost, reorganisation: yearReorg });
      yearCost = 0;
      yearReorg = 0;
    }
    save(day + 1);
  }
  let pv = 0;
  yearly.forEach((y) => (pv += y.total / Math.pow(1 + scenario.discountRate, y.year - 1)));
  const mean = stranded.reduce((a, b) => a + b, 0) / stranded.length;
  return {
    times,
    series: { strandedBeds: stranded, 'cost.cumulative.total': cumulative, hle },
    metrics: {
      'cost.total': cumCost,
      'cost.presentValue': pv,
      'strandedBeds.final': stranded[stranded.length - 1],
      'strandedBeds.mean': mean,
      'hle.final': hle[hle.length - 1],
    },
    yearly,
  };
}

export const standInModel: AnalysisModel<StandInScenario> = {
  id: 'stand-in',
  version: 'stand-in-1',
  parameters: PARAMETERS,
  metrics: [
    { key: 'cost.total', label: 'Cost over the horizon', unit: 'GBP', better: 'lower' },
    { key: 'cost.presentValue', label: 'Present value', unit: 'GBP', better: 'lower' },
    { key: 'strandedBeds.final', label: 'Stranded beds at the end', unit: 'beds', better: 'lower' },
    { key: 'strandedBeds.mean', label: 'Stranded beds on average', unit: 'beds', better: 'lower' },
    { key: 'hle.final', label: 'Healthy life expectancy at the end', unit: 'years', better: 'higher' },
  ],
  headline: ['cost.total', 'cost.presentValue', 'strandedBeds.final', 'hle.final'],
  seriesKeys: ['strandedBeds', 'cost.cumulative.total', 'hle'],
  effectiveParameters: (s) => ({ ...defaults(s.form), ...s.parameters }),
  explicitParameters: (s) => Object.keys(s.parameters),
  samplingRange: (s, p) => rangeForDefault(p.range, defaults(s.form)[p.name]),
  run,
  appraisalSettings: (s, p, _output) => ({ discountRate: s.discountRate, horizonYears: s.horizonYears, oneOffCost: p.reorg_cost, oneOffShareByYear: [1] }),
  scenarioName: (s) => s.name,
};
