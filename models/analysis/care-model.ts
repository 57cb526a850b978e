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
 * Re-fitted in each sampled run (see `calibrate`): `Under65_Emergency_Beds`, the fitted residual that makes the
 * model start at the observed 95% bed occupancy [S41e], is not sampled; the five placement times are sampled and
 * then scaled by one factor so the run starts with the observed delayed patients. Sampling independently started
 * three runs in ten over 100% full (up to 127%), a state never observed, in which electives pile up and results
 * depend on the time step by up to 14%; and started the delayed patients anywhere from about 160 to 400.
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

/**
 * The five placement times the calibration scaled by one common factor so that the observed number of patients
 * start delayed (see the care model's README, "How the fit was done").
 */
export const PLACEMENT_TIMES: readonly string[] = [
  'Placement_Time_P1',
  'Placement_Time_P2',
  'Placement_Time_P3',
  'Placement_Time_HomeCare',
  'Placement_Time_CareHome',
];
const QUEUES = PLACEMENT_TIMES.map((name) => name.replace('Placement_Time_', 'Wait_'));
/** Limits on the re-fitted factor, so an extreme draw cannot make placement times vanish or explode. */
const FACTOR_LIMITS = [0.2, 5] as const;

interface Start {
  occupied: number;
  stranded: number;
  /** Patients at the start in each placement queue (proportional to its placement time). */
  queues: number[];
}

function startOf(parameters: Record<string, number>): Start {
  const v = startingValues(parameters, ['Occupied_Beds', 'Stranded_Beds', ...QUEUES]);
  return { occupied: v.Occupied_Beds, stranded: v.Stranded_Beds, queues: QUEUES.map((q) => v[q]) };
}

const scenarioStarts = new WeakMap<Scenario, { base: Record<string, number>; start: Start }>();

/**
 * Re-fits a sampled run to start where the scenario's own run starts (for Northamptonshire, the observed 275
 * delayed patients and 95% bed occupancy [S41e]), as the calibration did:
 * 1. delayed patients: one common factor on the placement times the scenario does not set itself (each queue
 *    starts proportional to its placement time), keeping the sampled ratios between them;
 * 2. occupancy: the under-65 emergency beds, a fitted residual, take whatever the sampled 65+ patients, delays,
 *    electives and bed numbers leave of the occupied beds (never below zero).
 * Both are written as the scenario's value plus a change, so a run at the scenario's own values is unchanged.
 * A scenario that sets the under-65 beds itself keeps them.
 */
/** Parameters the scenario sets itself: held in every run, never re-fitted. */
const explicitParameters = (scenario: Scenario): string[] => Object.keys(scenario.parameters);

function calibrate(scenario: Scenario, base: Record<string, number>, parameters: Record<string, number>): Record<string, number> {
  const own = new Set(explicitParameters(scenario));
  let cached = scenarioStarts.get(scenario);
  if (!cached || cached.base !== base) {
    cached = { base, start: startOf(base) };
    scenarioStarts.set(scenario, cached);
  }
  const target = cached.start;
  const run = startOf(parameters);
  const out = { ...parameters };
  let occupied = run.occupied;

  const scaled = PLACEMENT_TIMES.map((name, i) => ({ name, queue: run.queues[i] })).filter((q) => !own.has(q.name));
  const queues = scaled.reduce((sum, q) => sum + q.queue, 0);
  if (queues > 0) {
    const factor = Math.min(FACTOR_LIMITS[1], Math.max(FACTOR_LIMITS[0], 1 + (target.stranded - run.stranded) / queues));
    for (const q of scaled) out[q.name] = parameters[q.name] * factor;
    occupied += (factor - 1) * queues;
  }

  if (!own.has('Under65_Emergency_Beds')) {
    const share = target.occupied / base.Acute_Beds;
    const others = occupied - parameters.Under65_Emergency_Beds;
    const baseOthers = target.occupied - base.Under65_Emergency_Beds;
    const under65 = base.Under65_Emergency_Beds + (share * parameters.Acute_Beds - share * base.Acute_Beds) - (others - baseOthers);
    out.Under65_Emergency_Beds = Math.max(0, under65);
  }
  return out;
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
  explicitParameters,
  samplingRange: (scenario, parameter) => rangeForDefault(parameter.range, defaultsOf(scenario.form)[parameter.name]),
  calibrate,
  calibration: {
    parameters: [...PLACEMENT_TIMES, ...REFITTED],
    describe: (central) =>
      `Every run is re-fitted to start as the scenario does (here ${Math.round(central.series.strandedBeds[0])} delayed patients and ` +
      `${Math.round(central.series.occupancy[0] * 100)}% bed occupancy [S41e], the observed Northamptonshire start unless the scenario changes it): ` +
      'one common factor on the five placement times, keeping their sampled ratios, and the beds taken by under-65 emergency patients (a fitted residual).',
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
