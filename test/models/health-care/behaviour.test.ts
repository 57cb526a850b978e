import { describe, expect, it } from 'vitest';
import { buildModelSpec, compareRuns, runScenario } from '../../../models/health-care/index.js';
import { last, libraryScenarios, runModel } from './helpers.js';

const PEOPLE = ['Pop_Independent', 'Pop_Frail', 'Pop_Dependent', 'Acute_Simple', 'Acute_Complex', 'Delay_Assessment', 'Delay_Funding', 'Wait_P1', 'Wait_P2', 'Wait_P3', 'Wait_HomeCare', 'Wait_CareHome', 'D2A_Home', 'D2A_Bed', 'D2A_CareHomeAssess'];
const PEOPLE_IN = ['Aging_In'];
const PEOPLE_OUT = ['Deaths_Independent', 'Deaths_Frail', 'Deaths_Dependent', 'Hospital_Deaths_Simple', 'Hospital_Deaths_Complex'];
const DELAYS = ['Delay_Assessment', 'Delay_Funding', 'Wait_P1', 'Wait_P2', 'Wait_P3', 'Wait_HomeCare', 'Wait_CareHome'];

describe('steady Northamptonshire baseline', () => {
  const r = runModel('separate');
  it('keeps every stock within 5% of its start over ten years (accumulators and the yearly budget excepted)', () => {
    const skip = new Set(['Cum_NHS_Cost', 'Cum_ASC_Cost', 'Cum_Reorg_Cost', 'Cum_Delayed_Bed_Days', 'ASC_Budget_Remaining']);
    const stocks = buildModelSpec().variables.filter((v) => v.kind === 'stock' && !skip.has(v.name));
    expect(stocks.length).toBeGreaterThan(25);
    for (const s of stocks) {
      const x = r.get(s.name);
      const ref = Math.max(Math.abs(x[0]), 1e-9);
      let worst = 0;
      for (const v of x) worst = Math.max(worst, Math.abs(v - x[0]) / ref);
      if (s.name === 'Integration_Maturity') expect(last(x)).toBe(0);
      else expect(worst, s.name).toBeLessThan(0.05);
    }
  });

  it('starts at the brief §5 calibration targets', () => {
    const occupancy = r.get('Occupancy')[0];
    const occupied = r.get('Occupied_Beds')[0];
    const stranded = r.get('Stranded_Beds')[0];
    const los7 = r.get('LoS7_Patients')[0];
    expect(occupancy).toBeGreaterThan(0.94);
    expect(occupancy).toBeLessThan(0.96);
    expect(stranded).toBeGreaterThanOrEqual(250);
    expect(stranded).toBeLessThanOrEqual(300);
    expect(los7 / occupied).toBeGreaterThanOrEqual(0.45);
    expect(los7 / occupied).toBeLessThanOrEqual(0.5);
    expect(r.get('Emergency_Admissions')[0]).toBeCloseTo(90, 0);
    expect(r.get('Spend_Ratio')[0]).toBeGreaterThan(1); // adult social care overspends
    expect(r.get('Vacancy_Rate')[0]).toBeCloseTo(0.107, 2);
  });

  it('resets the council budget each April without changing what happens to patients', () => {
    const rem = r.get('ASC_Budget_Remaining');
    expect(rem[364]).toBeLessThan(0); // overspent by the end of March
    expect(rem[366]).toBeGreaterThan(rem[364] + 1e8);
    const funded = r.get('Funded');
    expect(Math.abs(funded[366] - funded[360]) / funded[360]).toBeLessThan(1e-6); // no March explosion
  });
});

describe('extreme conditions', () => {
  it('no admissions: every delay stock drains to zero', () => {
    // Starting from the baseline's patients, a hospital with no free bed admits no one.
    const r = runModel('separate', { Acute_Beds: 1 }, { years: 5 });
    expect(r.get('Emergency_Admissions')[1]).toBe(0);
    for (const d of DELAYS) {
      expect(r.get(d)[0], d).toBeGreaterThan(1);
      expect(last(r.get(d)), d).toBeLessThan(0.01);
    }
  });

  it('unlimited care capacity: waits for services fall to their floor, the placement times alone', () => {
    const r = runModel('separate', { Target_Utilisation: 0.3, CareHome_Capacity_Uplift: 2 });
    let waits = 0;
    let floor = 0;
    for (const k of ['P1', 'P2', 'P3', 'HomeCare', 'CareHome']) {
      waits += last(r.get(`Wait_${k}`));
      floor += last(r.get(`Referrals_${k}`)) * runModel('separate').get(`Placement_Time_${k}`)[0];
    }
    expect(waits / floor).toBeGreaterThan(0.999);
    expect(waits / floor).toBeLessThan(1.01);
    expect(last(r.get('Stranded_Beds'))).toBeLessThan(runModel('separate').get('Stranded_Beds')[0]);
    expect(last(r.get('Stranded_Beds'))).toBeGreaterThan(0); // delays never vanish
  });

  it('zero reorganisation cost and saving: no one-off cost appears', () => {
    const base = libraryScenarios().find((s) => s.file.startsWith('combined-like'))!.scenario;
    const run = runScenario({ ...base, parameters: { Reorganisation_Cost: 0, Overhead_Saving: 0 } });
    expect(run.metrics['cost.reorganisation']).toBe(0);
    for (const y of run.yearly) expect(y.reorganisation).toBe(0);
    const withCost = runScenario(base);
    expect(withCost.yearly[0].reorganisation).toBeCloseTo(44e6, -3);
  });

  it('a hospital cannot fill beyond its beds and escalation beds, even with fast demographic growth', () => {
    const r = runModel('separate', { Demographic_Growth: 0.1 }, { years: 10, dt: 0.5 });
    let peak = 0;
    for (const v of r.get('Occupancy')) peak = Math.max(peak, v);
    expect(peak).toBeGreaterThan(0.96);
    expect(peak).toBeLessThanOrEqual(1.03);
    let squeeze = 0;
    for (const v of r.get('Cancel_Share')) squeeze = Math.max(squeeze, v);
    expect(squeeze).toBeGreaterThan(0.4); // electives are cancelled first (B1)
  });
});

describe('conservation of people', () => {
  for (const [label, form, overrides] of [
    ['baseline', 'separate', {}],
    ['combined', 'combined', {}],
    ['full hospital', 'combined', { Demographic_Growth: 0.05, Split_P3: 0.25, Acute_Phase_Simple: 4 }],
  ] as const) {
    it(`accounts for every person entering or leaving the people stocks (${label})`, () => {
      const dt = 0.5;
      const r = runModel(form, overrides, { dt, everyStep: true });
      const n = r.times.length;
      const total = (k: number) => PEOPLE.reduce((a, s) => a + r.get(s)[k], 0);
      let net = 0;
      for (let k = 0; k < n - 1; k++) {
        net += dt * (PEOPLE_IN.reduce((a, f) => a + r.get(f)[k], 0) - PEOPLE_OUT.reduce((a, f) => a + r.get(f)[k], 0));
      }
      expect(Math.abs(total(n - 1) - total(0) - net)).toBeLessThan(1e-6 * total(0));
    });
  }
});

describe('monotone responses', () => {
  it('more care-home places never raise stranded beds', () => {
    const uplifts = [0, 0.05, 0.1, 0.2, 0.5, 1];
    const series = uplifts.map((u) => runModel('separate', { CareHome_Capacity_Uplift: u }).get('Stranded_Beds'));
    for (let i = 1; i < series.length; i++) {
      for (let k = 0; k < series[i].length; k++) expect(series[i][k]).toBeLessThanOrEqual(series[i - 1][k] + 1e-9);
    }
    expect(last(series[2])).toBeLessThan(last(series[0]));
  });

  it('a faster assessment never raises stranded beds', () => {
    const slow = runModel('separate', { Assess_Delay: 6 }).get('Stranded_Beds');
    const fast = runModel('separate', { Assess_Delay: 2 }).get('Stranded_Beds');
    expect(last(fast)).toBeLessThan(last(slow));
  });
});

describe('step size', () => {
  it('halving dt changes every headline metric by less than 1% for every built-in scenario', () => {
    for (const { file, scenario } of libraryScenarios()) {
      const a = runScenario(scenario, { dt: 0.5 });
      const b = runScenario(scenario, { dt: 0.25 });
      for (const k of Object.keys(a.metrics) as (keyof typeof a.metrics)[]) {
        const rel = Math.abs(a.metrics[k] - b.metrics[k]) / Math.max(Math.abs(b.metrics[k]), 1e-9);
        expect(rel, `${file} ${k}`).toBeLessThan(0.01);
      }
    }
  });
});

describe('step size under stress', () => {
  it('halving dt changes the headline metrics by less than 1% when the hospital is pushed to its bed limit', () => {
    const base = libraryScenarios()[0].scenario;
    for (const parameters of [{ Demographic_Growth: 0.1 }, { Acute_Beds: 1060 }] as Record<string, number>[]) {
      const a = runScenario({ ...base, parameters }, { dt: 0.5 });
      const b = runScenario({ ...base, parameters }, { dt: 0.25 });
      for (const k of ['cost.total', 'strandedBeds.mean', 'strandedBeds.final', 'occupancy.mean', 'los7.final', 'hle.final'] as const) {
        expect(Math.abs(a.metrics[k] - b.metrics[k]) / Math.abs(b.metrics[k]), `${JSON.stringify(parameters)} ${k}`).toBeLessThan(0.01);
      }
    }
  });
});

describe('combined form', () => {
  const sep = runModel('separate');
  const comb = runModel('combined');
  it('ramps its benefits with integration maturity', () => {
    const m = comb.get('Integration_Maturity');
    expect(m[540]).toBe(0); // nothing changes for 18 months
    expect(m[1000]).toBeGreaterThan(0);
    expect(m[3650]).toBeGreaterThan(m[2000]);
    const gap = (k: number) => sep.get('Stranded_Beds')[k] - comb.get('Stranded_Beds')[k];
    expect(gap(300)).toBeLessThanOrEqual(1e-9); // the transition dip: no benefit yet
    expect(gap(1500)).toBeGreaterThan(gap(1000));
    expect(gap(3650)).toBeGreaterThan(gap(1500));
  });

  it('gives smaller benefits within ten years when maturity is slower', () => {
    const slow = runModel('combined', { Integration_Time: 6 });
    expect(last(slow.get('Stranded_Beds'))).toBeGreaterThan(last(comb.get('Stranded_Beds')));
    expect(last(slow.get('Stranded_Beds'))).toBeLessThan(last(sep.get('Stranded_Beds')));
  });

  it('is the same structure: at maturity 0 with no one-off changes it equals the separate form', () => {
    const same = runModel('combined', { Integration_Target: 0, Transition_Productivity: 1, Reorganisation_Cost: 0, Overhead_Saving: 0 });
    for (const n of ['Stranded_Beds', 'Cum_NHS_Cost', 'Cum_ASC_Cost', 'Cum_Reorg_Cost', 'HLE_At_Birth']) {
      expect(Math.abs(last(same.get(n)) - last(sep.get(n)))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(last(sep.get(n)))));
    }
  });
});

describe('scenario runs', () => {
  const lib = libraryScenarios();
  it('every built-in scenario parses and runs without warnings', () => {
    expect(lib).toHaveLength(5);
    for (const { file, scenario } of lib) {
      const r = runScenario(scenario);
      expect(r.warnings, file).toEqual([]);
      expect(r.yearly).toHaveLength(10);
      expect(r.yearly[0].label).toBe('2019/20');
      expect(r.hleCaveat).toMatch(/Indicative/);
      expect(r.series.strandedBeds).toHaveLength(3651);
    }
  });

  it('compares runs: differences of every metric and the break-even year', () => {
    const base = runScenario(lib.find((s) => s.file.startsWith('northamptonshire'))!.scenario);
    const comb = runScenario(lib.find((s) => s.file.startsWith('combined-like'))!.scenario);
    const c = compareRuns(base, comb);
    expect(c.differences['cost.total']).toBeCloseTo(comb.metrics['cost.total'] - base.metrics['cost.total'], 0);
    expect(c.differences['strandedBeds.final']).toBeLessThan(0);
    expect(c.breakEvenYear).not.toBeNull();
    // The break-even year is the first year from which the option's cumulative cost stays below.
    let cb = 0;
    let co = 0;
    for (let i = 0; i < 10; i++) {
      cb += base.yearly[i].total;
      co += comb.yearly[i].total;
      expect(co < cb).toBe(i + 1 >= c.breakEvenYear!);
    }
    expect(compareRuns(base, base).breakEvenYear).toBeNull();
  });

  it('discounts the present value at the scenario rate', () => {
    const base = lib.find((s) => s.file.startsWith('northamptonshire'))!.scenario;
    const r0 = runScenario({ ...base, discountRate: 0 });
    const r35 = runScenario(base);
    expect(r0.metrics['cost.presentValue']).toBeCloseTo(r0.metrics['cost.total'], -2);
    expect(r35.metrics['cost.presentValue']).toBeLessThan(r35.metrics['cost.total'] * 0.9);
  });

  it('refuses bad overrides in a scenario before running', () => {
    const base = lib[0].scenario;
    expect(() => runScenario({ ...base, parameters: { Acute_Beds: -5 } })).toThrow(/Acute_Beds.*bounds/);
    expect(runScenario({ ...base, parameters: { Bed_Day_Cost: 500 } }).warnings.join()).toMatch(/plausible range/);
  });

  it('labels financial years from a mid-year start date', () => {
    const base = lib[0].scenario;
    const r = runScenario({ ...base, startDate: '2019-10-01', horizonYears: 2 });
    expect(r.yearly.map((y) => y.label)).toEqual(['2019/20', '2020/21']);
  });
});
