/**
 * The health and social care model seen through the analysis interface (`AnalysisModel<Scenario>`). Also the
 * module worker threads and Web Workers load: it exports `analysisModel`.
 *
 * Not sampled, whatever their register range (they are settings or decisions, not uncertain quantities):
 * - `Integration_Target`: the organisational form itself (0 separate, 1 combined);
 * - `Financial_Year_Offset`: follows from the scenario's start date;
 * - `CareHome_Capacity_Uplift`, `Reimbursement_Charge`: policy levers a scenario chooses.
 * They still count in attribution, where a scenario that changes them gets its difference explained.
 */
import type { Scenario } from '../../scenarios/scenario.js';
import {
  HEALTH_CARE_MODEL_ID,
  METRICS,
  MODEL_VERSION,
  PARAMETERS,
  effectiveParameters,
  runScenario,
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
const sampled = register.filter((p) => !NOT_SAMPLED.includes(p.name));

const formDefaults = new Map<OrganisationalForm, Record<string, number>>();
function defaultsOf(form: OrganisationalForm): Record<string, number> {
  let values = formDefaults.get(form);
  if (!values) {
    values = effectiveParameters(form, {});
    formDefaults.set(form, values);
  }
  return values;
}

function run(scenario: Scenario, parameters: Record<string, number>): ModelOutput {
  const result = runScenario(scenario, { parameters });
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
