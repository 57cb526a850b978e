/** Running a scenario through the compiled care model and turning the result into series, yearly costs and metrics. */
import type { Scenario } from '../../scenarios/scenario.js';
import { compileModel, normalizeName } from '../engine/index.js';
import type { CompiledModel, RunResult } from '../engine/api.js';
import { buildModelSpec, DEFAULT_DT } from './model.js';
import { HLE_CAVEAT, METRICS } from './metrics.js';
import { checkOverrides, effectiveParameters } from './register.js';
import type { MetricKey, Metrics, ScenarioRun, SeriesKey, YearlyCost } from './types.js';

/** The model compiled once per process, on first use. */
const compiled: () => CompiledModel = (() => {
  let model: CompiledModel | undefined;
  return () => (model ??= compileModel(buildModelSpec()));
})();

/** The compiled care model (compiled on first use, then shared). */
export function compiledModel(): CompiledModel {
  return compiled();
}

const DAY_MS = 86_400_000;

/** The model variables a ScenarioRun is made from: the engine saves only these (saving all 270 costs more than computing them). */
const RUN_OUTPUTS = [
  'Cum_NHS_Cost',
  'Cum_ASC_Cost',
  'Cum_Reorg_Cost',
  'Stranded_Beds',
  'LoS7_Patients',
  'Occupancy',
  'HLE_At_Birth',
  'HLE_At_65',
  'Integration_Maturity',
  'Cum_Delayed_Bed_Days',
] as const;

function parseDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`start date "${iso}" is not an ISO date (YYYY-MM-DD)`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) throw new Error(`start date "${iso}" is not a real date`);
  return d;
}

/** Days from the start date to the next 1 April (0 when the start is 1 April), capped at 365. */
export function financialYearOffset(startDate: string): number {
  const d = parseDate(startDate);
  const y = d.getUTCFullYear();
  let april = Date.UTC(y, 3, 1);
  if (april < d.getTime()) april = Date.UTC(y + 1, 3, 1);
  return Math.min(365, Math.round((april - d.getTime()) / DAY_MS));
}

/** The financial-year label ("2019/20") of year `year` (from 1) counted from the start date. */
export function financialYearLabel(startDate: string, year: number): string {
  const d = parseDate(startDate);
  const fyStart = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  const first = fyStart + year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

function column(result: RunResult, name: string): Float64Array {
  const i = result.names.indexOf(name);
  if (i < 0) throw new Error(`care model output ${name} is missing`);
  return result.series[i];
}

/** The error thrown when a scenario's overrides are refused; `errors` name each parameter and its bounds. */
export class ScenarioParameterError extends Error {
  readonly errors: { name: string; message: string }[];
  constructor(errors: { name: string; message: string }[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'ScenarioParameterError';
    this.errors = errors;
  }
}

/**
 * The parameter values a scenario runs with, and the plausible-range warnings. `replacement` replaces the effective
 * values entirely (Monte Carlo); otherwise the form's defaults plus the scenario's overrides are used, after checking
 * them against the register (a refused override throws ScenarioParameterError). The budget-reset offset follows the
 * start date unless the scenario sets it itself.
 */
function scenarioParameters(scenario: Scenario, replacement?: Record<string, number>): { set: Record<string, number>; warnings: string[] } {
  const overrides = scenario.parameters ?? {};
  let set: Record<string, number>;
  let warnings: string[] = [];
  if (replacement) {
    set = { ...replacement };
  } else {
    const checked = checkOverrides(overrides);
    if (checked.errors.length > 0) throw new ScenarioParameterError(checked.errors);
    warnings = checked.warnings;
    set = effectiveParameters(scenario.form, overrides);
  }
  const offsetKey = normalizeName('Financial_Year_Offset');
  if (!Object.keys(overrides).some((k) => normalizeName(k) === offsetKey)) set.Financial_Year_Offset = financialYearOffset(scenario.startDate);
  return { set, warnings };
}

/** The simulated days of a scenario's horizon. */
function horizonDays(scenario: Scenario): number {
  if (!(scenario.horizonYears > 0)) throw new Error(`horizon of ${scenario.horizonYears} years must be positive`);
  return Math.round(scenario.horizonYears * 365);
}

/**
 * The engine run behind a scenario: every model variable at every saved day (for `joinedup run scenario.json`).
 * Overrides are checked against the register first; a refused one throws ScenarioParameterError.
 */
export function runScenarioModel(scenario: Scenario, options: { dt?: number; method?: 'euler' | 'rk4' } = {}): { result: RunResult; warnings: string[] } {
  const { set, warnings } = scenarioParameters(scenario);
  const dt = options.dt ?? DEFAULT_DT;
  const result = compiled().run({ set, method: options.method, sim: { start: 0, stop: horizonDays(scenario), dt, saveStep: Math.max(1, dt) } });
  return { result, warnings };
}

/** Values of model variables at the start (the initial pass only, no time steps) for a complete parameter set. */
export function startingValues(parameters: Record<string, number>, names: readonly string[]): Record<string, number> {
  const result = compiled().run({ set: parameters, sim: { start: 0, stop: 0, dt: DEFAULT_DT, saveStep: 1 }, outputs: names });
  const out: Record<string, number> = {};
  for (const name of names) out[name] = column(result, name)[0];
  return out;
}

/** A scenario run with its series as typed arrays (what `runScenario` returns before conversion to plain arrays). */
export interface ScenarioRunArrays extends Omit<ScenarioRun, 'times' | 'series'> {
  times: Float64Array;
  series: Record<SeriesKey, Float64Array>;
}

/**
 * Runs a scenario. `options.parameters` replaces the effective parameter values entirely (Monte Carlo); otherwise
 * the form's defaults plus the scenario's overrides are used, after checking them against the register.
 */
export function runScenario(scenario: Scenario, options: { dt?: number; parameters?: Record<string, number> } = {}): ScenarioRun {
  const run = runScenarioArrays(scenario, options);
  const series = {} as Record<SeriesKey, number[]>;
  for (const key of Object.keys(run.series) as SeriesKey[]) series[key] = Array.from(run.series[key]);
  return { ...run, times: Array.from(run.times), series };
}

/**
 * `runScenario` without the conversion to plain arrays: the series stay the engine's typed arrays. Monte Carlo
 * uses it, where copying every series of every run into arrays costs more than the metrics.
 */
export function runScenarioArrays(scenario: Scenario, options: { dt?: number; parameters?: Record<string, number> } = {}): ScenarioRunArrays {
  const { set, warnings } = scenarioParameters(scenario, options.parameters);
  const stop = horizonDays(scenario);
  const dt = options.dt ?? DEFAULT_DT;
  const saveStep = Math.max(1, dt);
  const result = compiled().run({ set, sim: { start: 0, stop, dt, saveStep }, outputs: RUN_OUTPUTS });

  const nhs = column(result, 'Cum_NHS_Cost');
  const asc = column(result, 'Cum_ASC_Cost');
  const reorg = column(result, 'Cum_Reorg_Cost');
  const stranded = column(result, 'Stranded_Beds');
  const los7 = column(result, 'LoS7_Patients');
  const occupancy = column(result, 'Occupancy');
  const hle = column(result, 'HLE_At_Birth');
  const hle65 = column(result, 'HLE_At_65');
  const maturity = column(result, 'Integration_Maturity');
  const delayedDays = column(result, 'Cum_Delayed_Bed_Days');
  const times = result.times;
  const n = times.length;
  const total = new Float64Array(n);
  for (let k = 0; k < n; k++) total[k] = nhs[k] + asc[k] + reorg[k];

  const series: Record<SeriesKey, Float64Array> = {
    'cost.cumulative.total': total,
    'cost.cumulative.nhs': nhs,
    'cost.cumulative.socialCare': asc,
    'cost.cumulative.reorganisation': reorg,
    strandedBeds: stranded,
    los7,
    occupancy,
    hle,
    hle65,
    integrationMaturity: maturity,
  };

  // Cumulative values at a time, interpolated between saved points (saved daily unless dt > 1).
  const at = (arr: Float64Array, t: number): number => {
    const x = Math.min(Math.max(t, times[0]), times[n - 1]);
    let k = Math.min(n - 1, Math.floor((x - times[0]) / saveStep));
    if (k === n - 1) return arr[k];
    const f = (x - times[k]) / (times[k + 1] - times[k]);
    return arr[k] + f * (arr[k + 1] - arr[k]);
  };
  const yearly: YearlyCost[] = [];
  const years = Math.ceil(stop / 365 - 1e-9);
  for (let y = 1; y <= years; y++) {
    const t0 = (y - 1) * 365;
    const t1 = Math.min(stop, y * 365);
    const row = {
      year: y,
      label: financialYearLabel(scenario.startDate, y),
      nhs: at(nhs, t1) - at(nhs, t0),
      socialCare: at(asc, t1) - at(asc, t0),
      reorganisation: at(reorg, t1) - at(reorg, t0),
      total: 0,
    };
    row.total = row.nhs + row.socialCare + row.reorganisation;
    yearly.push(row);
  }

  const metrics: Metrics = {
    'cost.total': total[n - 1],
    'cost.nhs': nhs[n - 1],
    'cost.socialCare': asc[n - 1],
    'cost.reorganisation': reorg[n - 1],
    'cost.presentValue': presentValue(times, total, scenario.discountRate),
    'strandedBeds.initial': stranded[0],
    'strandedBeds.mean': mean(stranded),
    'strandedBeds.final': stranded[n - 1],
    'hle.initial': hle[0],
    'hle.final': hle[n - 1],
    'hle65.initial': hle65[0],
    'hle65.final': hle65[n - 1],
    'los7.initial': los7[0],
    'los7.final': los7[n - 1],
    'delayedBedDays.total': delayedDays[n - 1],
    'occupancy.mean': mean(occupancy),
  };
  let peak = 0;
  for (let k = 0; k < n; k++) peak = Math.max(peak, occupancy[k]);
  if (peak >= 0.995) warnings.push(`acute beds are full (peak occupancy ${(peak * 100).toFixed(1)}%): emergency admissions are being turned away`);
  return { times, startDate: scenario.startDate, series, yearly, metrics, hleCaveat: HLE_CAVEAT, warnings };
}

function mean(arr: Float64Array): number {
  let s = 0;
  for (let k = 0; k < arr.length; k++) s += arr[k];
  return s / arr.length;
}

/**
 * Present value of a cumulative cost series: each saved interval's spending discounted at `rate` a year from the
 * interval's midpoint, (1 + rate)^(−mid/365), written as exp(−mid·ln(1 + rate)/365) (one exponential per day
 * instead of a general power, which cost more than all the other metrics together).
 */
function presentValue(times: Float64Array, total: Float64Array, rate: number): number {
  const perDay = Math.log1p(rate) / 365;
  let pv = 0;
  for (let k = 1; k < times.length; k++) pv += (total[k] - total[k - 1]) * Math.exp((-(times[k] + times[k - 1]) / 2) * perDay);
  return pv;
}

/**
 * Option minus baseline for every metric, and the break-even year: the first year (from 1) from which the option's
 * cumulative total cost stays below the baseline's to the end of the shorter horizon; null if never.
 */
export function compareRuns(baseline: ScenarioRun, option: ScenarioRun): { differences: Record<MetricKey, number>; breakEvenYear: number | null } {
  const differences = {} as Record<MetricKey, number>;
  for (const m of METRICS) differences[m.key] = option.metrics[m.key] - baseline.metrics[m.key];
  const years = Math.min(baseline.yearly.length, option.yearly.length);
  let cumBase = 0;
  let cumOption = 0;
  let candidate: number | null = null;
  for (let i = 0; i < years; i++) {
    cumBase += baseline.yearly[i].total;
    cumOption += option.yearly[i].total;
    if (cumOption < cumBase) candidate ??= i + 1;
    else candidate = null;
  }
  return { differences, breakEvenYear: candidate };
}
