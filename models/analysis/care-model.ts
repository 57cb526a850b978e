/**
 * The health and social care model seen through the analysis interface (`AnalysisModel<Scenario>`). Also the
 * module worker threads and Web Workers load: it exports `analysisModel`.
 *
 * Not sampled, whatever their register range (they are settings or decisions, not uncertain quantities):
 * - `Integration_Target`: the organisational form itself (0 separate, 1 combined);
 * - `Financial_Year_Offset`: follows from the scenario's start date;
 * - `CareHome_Capacity_Uplift`, `Reimbursement_Charge`: policy levers a scenario chooses.
 * They still count in attribution, where a scenario that changes them gets its difference explained.
 *
 * Re-fitted in each sampled run instead of sampled (see `calibrate`): `Under65_Emergency_Beds`, the fitted
 * residual that makes the model start at the observed 95% bed occupancy [S41e]. Sampling it independently of
 * the 65+ parameters started three runs in ten over 100% full (up to 127%), a state never observed, in which
 * electives pile up and results depend on the time step by up to 14%.
 */
import type { Scenario } from '../../scenarios/scenario.js';
import {
  HEALTH_CARE_MODEL_ID,
  METRICS,
  MODEL_VERSION,
  PARAMETERS,
  effectiveParameters,
  runScenario,
  runScenarioArrays,
  startingValues,
} from '../health-care/index.js';
import type { OrganisationalForm } from '../health-care/types.js';
import { evenSpendDiscountFactor, evenSpendShares } from './appraisal.js';
import type { AnalysisModel, ModelOutput, RegisterParameter } from './model.js';
import { rangeForDefault } from './sampling.js';

export const NOT_SAMPLED: readonly string[] = [
  'Integration_Target',
  'Financial_Year_Offset',
  'CareHome_Capacity_Uplift',
  'Reimbursement_Charge',
];

export const HEADLINE_METRICS = ['cost.total', 'cost.presentValue', 'strandedBeds.final', 'strandedBeds.mean', 'hle.final'] as const;

export const BAND_SERIES = ['cost.cumulative.total', 'strandedBeds', 'los7', 'occupancy', 'hle', 'hle65'] as const;

const register: RegisterParameter[] = PARAMETERS.map((p) => ({
  name: p.name,
  label: p.label,
  unit: p.unit,
  range: p.range,
  distribution: p.distribution,
  source: p.source,
  grade: p.grade,
}));
/** Parameters each sampled run re-fits to the observed start rather than samples. */
export const REFITTED: readonly string[] = ['Under65_Emergency_Beds'];
const sampled = register.filter((p) => !NOT_SAMPLED.includes(p.name) && !REFITTED.includes(p.name));

const formDefaults = new Map<OrganisationalForm, Record<string, number>>();
function defaultsOf(form: OrganisationalForm): Record<string, number> {
  let values = formDefaults.get(form);
  if (!values) {
    values = effectiveParameters(form, {});
    formDefaults.set(form, values);
  }
  return values;
}

/** Beds occupied at the start by everything but the under-65 emergency residual, and the occupied share. */
function startingBeds(parameters: Record<string, number>): { others: number; share: number } {
  const { Occupied_Beds: occupied } = startingValues(parameters, ['Occupied_Beds']);
  return { others: occupied - parameters.Under65_Emergency_Beds, share: occupied / parameters.Acute_Beds };
}

const startOf = new WeakMap<Scenario, { base: Record<string, number>; others: number; share: number }>();

/**
 * Keeps a sampled run's starting bed occupancy at the scenario's (the observed 95% unless the scenario changes
 * it): the under-65 emergency beds, a fitted residual, take up whatever the sampled 65+ patients, delays, electives
 * and bed numbers leave of the occupied beds (never below zero). Written as the scenario's own value plus the
 * change, so a run at the scenario's values gets exactly the scenario's value. A scenario that sets the under-65
 * beds itself keeps them.
 */
function calibrate(scenario: Scenario, base: Record<string, number>, parameters: Record<string, number>): Record<string, number> {
  if (Object.keys(scenario.parameters).includes('Under65_Emergency_Beds')) return parameters;
  let start = startOf.get(scenario);
  if (!start || start.base !== base) {
    start = { base, ...startingBeds(base) };
    startOf.set(scenario, start);
  }
  const run = startingBeds(parameters);
  const beds = parameters.Acute_Beds;
  const under65 = base.Under65_Emergency_Beds + (start.share * beds - start.share * base.Acute_Beds) - (run.others - start.others);
  return { ...parameters, Under65_Emergency_Beds: Math.max(0, under65) };
}

function run(scenario: Scenario, parameters: Record<string, number>): ModelOutput {
  const result = runScenarioArrays(scenario, { parameters });
  return {
    times: result.times,
    series: result.series,
    metrics: result.metrics as unknown as Record<string, number>,
    yearly: result.yearly.map((y) => ({ year: y.year, label: y.label, total: y.total, reorganisation: y.reorganisation })),
  };
}

export const careAnalysisModel: AnalysisModel<Scenario> = {
  id: HEALTH_CARE_MODEL_ID,
  version: MODEL_VERSION,
  parameters: sampled,
  allParameters: register,
  metrics: METRICS.map((m) => ({ key: m.key, label: m.label, unit: m.unit, better: m.better })),
  headline: HEADLINE_METRICS,
  seriesKeys: BAND_SERIES,
  effectiveParameters: (scenario) => effectiveParameters(scenario.form, scenario.parameters),
  explicitParameters: (scenario) => Object.keys(scenario.parameters),
  samplingRange: (scenario, parameter) => rangeForDefault(parameter.range, defaultsOf(scenario.form)[parameter.name]),
  calibrate,
  calibration: {
    parameters: REFITTED,
    description:
      'In every run the beds taken by under-65 emergency patients (a fitted residual) are re-fitted so the hospital starts at the bed occupancy observed [S41e], whatever the sampled 65+ demand, delays, electives and bed numbers.',
  },
  run,
  appraisalSettings: (scenario, parameters, output) => {
    // The model spends the one-off cost evenly over Reorganisation_Spend_Period days from the start.
    const period = parameters.Reorganisation_Spend_Period ?? 365;
    return {
      discountRate: scenario.discountRate,
      horizonYears: scenario.horizonYears,
      oneOffCost: parameters.Reorganisation_Cost ?? 0,
      oneOffShareByYear: evenSpendShares(period, Math.ceil(scenario.horizonYears)),
      presentValue: output.metrics['cost.presentValue'],
      oneOffDiscountFactor: evenSpendDiscountFactor(scenario.discountRate, period),
    };
  },
  scenarioName: (scenario) => scenario.name,
  // One simulated day compiles the model (the first run of a process otherwise pays for it).
  prepare: () => {
    runScenario({
      format: 'joinedup-scenario',
      version: 1,
      name: 'prepare',
      description: '',
      model: HEALTH_CARE_MODEL_ID,
      form: 'separate',
      parameters: {},
      startDate: '2018-04-01',
      horizonYears: 1 / 365,
      discountRate: 0,
      notes: '',
      tags: [],
    });
  },
};

/** What worker threads and Web Workers load. */
export const analysisModel = careAnalysisModel;
