/**
 * How sure can we be: Monte Carlo bands, the paired comparison, the tornado, attribution and appraisal for one
 * option (and optionally a baseline), as one plain-data report.
 *
 * Sampling rule. Every register parameter gets one column of a Latin hypercube (register order, fixed by the
 * seed). A scenario turns a run's quantile into a value through its own plausible range for that parameter
 * (`AnalysisModel.samplingRange`). A parameter the scenario sets explicitly is not sampled: it stays at its set
 * value in every run, because the scenario's author has fixed it. The option and the baseline read the same
 * row in each run (common random numbers), so a difference between them comes from the options, not from
 * luck of the draw; an option identical to the baseline differs by exactly zero in every run.
 */
import type { AnalysisModel, MetricDescriptor, ModelOutput } from './model.js';
import type { Appraisal, AppraisalComparison } from './appraisal.js';
import { appraise, compareAppraisals } from './appraisal.js';
import type { Attribution } from './attribution.js';
import { attribute } from './attribution.js';
import type { CancelSignal, ChunkExecutor, McJob, McProgress, McScenarioPlan } from './monte-carlo.js';
import { AnalysisCancelled, inlineExecutor, runCentral, runMonteCarlo } from './monte-carlo.js';
import { checkSeed, createRng } from './random.js';
import { checkRange, latinHypercube, quantileValue } from './sampling.js';
import type { Band, SeriesBand } from './stats.js';
import { band, seriesBand } from './stats.js';
import type { Tornado } from './tornado.js';
import { tornado } from './tornado.js';

export const MAX_RUNS = 100_000;
export const DEFAULT_GRID_POINTS = 121;

export interface UncertaintyOptions {
  runs: number;
  seed: number;
  /** Points per series kept for bands (evenly spaced over the saved times, first and last included). */
  gridPoints?: number;
  executor?: ChunkExecutor;
  chunkSize?: number;
  onProgress?: (p: McProgress & { stage: 'monte-carlo' | 'tornado' | 'attribution' }) => void;
  signal?: CancelSignal;
  optimismBias?: number;
  /** Skip the tornado or the attribution (they cost 2–4 runs per parameter and 2^n runs). */
  tornado?: boolean;
  attribution?: boolean;
}

export interface ScenarioUncertainty {
  name: string;
  /** Sampled parameters and those held at the scenario's explicit value. */
  sampled: string[];
  fixed: string[];
  deterministic: {
    metrics: Record<string, number>;
    /** The deterministic run on the band grid. */
    series: Record<string, number[]>;
    appraisal: Appraisal;
  };
  metricBands: Record<string, Band>;
  seriesBands: Record<string, SeriesBand>;
}

export interface PairedMetric {
  key: string;
  better: 'lower' | 'higher';
  /** Option minus baseline in the deterministic runs. */
  deterministic: number;
  difference: Band;
  betterRuns: number;
  worseRuns: number;
  equalRuns: number;
  /** Share of runs in which the option is better on this metric. */
  probabilityBetter: number;
  probabilityWorse: number;
}

export interface UncertaintyReport {
  modelId: string;
  modelVersion: string;
  runs: number;
  seed: number;
  metrics: MetricDescriptor[];
  headline: string[];
  /** Days since the start, the band grid. */
  gridTimes: number[];
  /** Parameters re-fitted in each sampled run instead of sampled, and why (from the model). */
  calibration?: { parameters: string[]; description: string };
  option: ScenarioUncertainty;
  baseline?: ScenarioUncertainty;
  paired?: Record<string, PairedMetric>;
  /** Without a baseline, the option's own tornado; with one, the tornado of option minus baseline. */
  tornado?: { option?: Tornado; difference?: Tornado };
  attribution?: Attribution;
  appraisal?: AppraisalComparison;
}

/** Indices of `points` evenly spaced saved times, first and last included. */
export function gridIndices(savedPoints: number, points: number): number[] {
  if (savedPoints <= points) return Array.from({ length: savedPoints }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < points; k++) {
    const index = Math.round((k * (savedPoints - 1)) / (points - 1));
    if (out[out.length - 1] !== index) out.push(index);
  }
  return out;
}

/** The Monte Carlo plan of one scenario for a design of quantiles (runs × register parameters). */
export function scenarioPlan<S>(model: AnalysisModel<S>, scenario: S, design: Float64Array, runs: number): McScenarioPlan<S> {
  const fixed = new Set(model.explicitParameters(scenario));
  const d = model.parameters.length;
  const columns: number[] = [];
  const names: string[] = [];
  model.parameters.forEach((p, j) => {
    if (fixed.has(p.name)) return;
    checkRange(model.samplingRange(scenario, p), `parameter ${p.name}`);
    columns.push(j);
    names.push(p.name);
  });
  const values = new Float64Array(runs * names.length);
  const ranges = columns.map((j) => model.samplingRange(scenario, model.parameters[j]));
  for (let i = 0; i < runs; i++) {
    columns.forEach((j, c) => {
      values[i * names.length + c] = quantileValue(ranges[c], design[i * d + j], model.parameters[j].distribution);
    });
  }
  return { scenario, base: model.effectiveParameters(scenario), names, values };
}

function checkOptions(options: UncertaintyOptions): void {
  checkSeed(options.seed);
  if (!Number.isInteger(options.runs) || options.runs < 2 || options.runs > MAX_RUNS) {
    throw new RangeError(`runs must be a whole number from 2 to ${MAX_RUNS}, got ${options.runs}`);
  }
}

function scenarioSummary<S>(
  model: AnalysisModel<S>,
  scenario: S,
  output: ModelOutput,
  plan: McScenarioPlan<S>,
  mc: { metrics: Float64Array; series: Float64Array },
  runs: number,
  grid: number[],
  gridTimes: number[],
  optimismBias: number | undefined,
): ScenarioUncertainty {
  const metricKeys = model.metrics.map((m) => m.key);
  const m = metricKeys.length;
  const g = grid.length;
  const s = model.seriesKeys.length;
  const metricBands: Record<string, Band> = {};
  metricKeys.forEach((key, mi) => {
    const column = new Float64Array(runs);
    for (let r = 0; r < runs; r++) column[r] = mc.metrics[r * m + mi];
    metricBands[key] = band(column);
  });
  const seriesBands: Record<string, SeriesBand> = {};
  model.seriesKeys.forEach((key, si) => {
    const values = new Float64Array(runs * g);
    for (let r = 0; r < runs; r++) values.set(mc.series.subarray((r * s + si) * g, (r * s + si + 1) * g), r * g);
    seriesBands[key] = seriesBand(gridTimes, values, runs);
  });
  return {
    name: model.scenarioName(scenario),
    sampled: plan.names,
    fixed: [...model.explicitParameters(scenario)],
    deterministic: {
      metrics: Object.fromEntries(metricKeys.map((k) => [k, output.metrics[k]])),
      series: Object.fromEntries(model.seriesKeys.map((k) => [k, grid.map((i) => output.series[k][i])])),
      appraisal: appraise(output.yearly, model.appraisalSettings(scenario, plan.base, output), { optimismBias }),
    },
    metricBands,
    seriesBands,
  };
}

function pairedMetrics<S>(
  model: AnalysisModel<S>,
  option: { metrics: Float64Array },
  baseline: { metrics: Float64Array },
  runs: number,
  deterministic: { option: Record<string, number>; baseline: Record<string, number> },
): Record<string, PairedMetric> {
  const m = model.metrics.length;
  const out: Record<string, PairedMetric> = {};
  model.metrics.forEach((metric, mi) => {
    const diff = new Float64Array(runs);
    let betterRuns = 0;
    let worseRuns = 0;
    for (let r = 0; r < runs; r++) {
      const d = option.metrics[r * m + mi] - baseline.metrics[r * m + mi];
      diff[r] = d;
      const better = metric.better === 'lower' ? d < 0 : d > 0;
      const worse = metric.better === 'lower' ? d > 0 : d < 0;
      if (better) betterRuns++;
      else if (worse) worseRuns++;
    }
    out[metric.key] = {
      key: metric.key,
      better: metric.better,
      deterministic: deterministic.option[metric.key] - deterministic.baseline[metric.key],
      difference: band(diff),
      betterRuns,
      worseRuns,
      equalRuns: runs - betterRuns - worseRuns,
      probabilityBetter: betterRuns / runs,
      probabilityWorse: worseRuns / runs,
    };
  });
  return out;
}

/** The full uncertainty report of `option` (against `baseline` when given). */
export async function analyseUncertainty<S>(
  model: AnalysisModel<S>,
  option: S,
  baseline: S | undefined,
  options: UncertaintyOptions,
): Promise<UncertaintyReport> {
  checkOptions(options);
  const { runs, seed } = options;
  const scenarios = baseline === undefined ? [option] : [option, baseline];
  const design = latinHypercube(runs, model.parameters.length, createRng(seed, 1));
  const plans = scenarios.map((s) => scenarioPlan(model, s, design, runs));
  const executor = options.executor ?? inlineExecutor(model);
  // The central runs go through the executor too: the window's own thread must not run the model.
  const central = await runCentral(
    model,
    scenarios.map((s, i) => ({ scenario: s, parameters: plans[i].base })),
    executor,
    options.signal,
  );
  const probe = central[0];
  const grid = gridIndices(probe.times.length, options.gridPoints ?? DEFAULT_GRID_POINTS);
  const gridTimes = grid.map((i) => probe.times[i]);
  const job: McJob<S> = {
    modelId: model.id,
    runs,
    scenarios: plans,
    metricKeys: model.metrics.map((m) => m.key),
    seriesKeys: [...model.seriesKeys],
    gridIndices: grid,
    calibrate: true,
  };
  const mc = await runMonteCarlo(job, executor, {
    chunkSize: options.chunkSize,
    signal: options.signal,
    onProgress: (p) => options.onProgress?.({ ...p, stage: 'monte-carlo' }),
  });
  const summaries = scenarios.map((s, i) =>
    scenarioSummary(model, s, central[i], plans[i], mc.scenarios[i], runs, grid, gridTimes, options.optimismBias),
  );
  const report: UncertaintyReport = {
    modelId: model.id,
    modelVersion: model.version,
    runs,
    seed,
    metrics: [...model.metrics],
    headline: [...model.headline],
    gridTimes,
    option: summaries[0],
  };
  if (model.calibrate && model.calibration) {
    report.calibration = { parameters: [...model.calibration.parameters], description: model.calibration.describe(central[0]) };
  }
  const cancelled = () => {
    if (options.signal?.aborted) throw new AnalysisCancelled();
  };
  if (baseline !== undefined) {
    report.baseline = summaries[1];
    report.paired = pairedMetrics(model, mc.scenarios[0], mc.scenarios[1], runs, {
      option: summaries[0].deterministic.metrics,
      baseline: summaries[1].deterministic.metrics,
    });
    report.appraisal = compareAppraisals(summaries[1].deterministic.appraisal, summaries[0].deterministic.appraisal);
  }
  const stage = (name: 'tornado' | 'attribution') => ({
    executor,
    signal: options.signal,
    onProgress: (p: McProgress) => options.onProgress?.({ ...p, stage: name }),
  });
  if (options.tornado !== false) {
    cancelled();
    report.tornado =
      baseline === undefined
        ? { option: await tornado(model, option, model.headline, undefined, stage('tornado')) }
        : { difference: await tornado(model, option, model.headline, baseline, stage('tornado')) };
  }
  if (baseline !== undefined && options.attribution !== false) {
    cancelled();
    report.attribution = await attribute(model, baseline, option, model.headline, { seed, ...stage('attribution') });
  }
  return report;
}
