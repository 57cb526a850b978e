/**
 * Sensitivity tornado: each sampled parameter moved from the low to the high end of the scenario's plausible
 * range alone, every other parameter at the scenario's own value. Parameters the scenario sets explicitly are
 * not swung (they are not uncertain in that scenario: the same rule as the Monte Carlo).
 *
 * With a baseline, the difference tornado swings the parameter in both scenarios together (each to the low or
 * high end of its own range), which shows which assumptions decide the comparison.
 *
 * The runs are independent, so they go through the same chunk executors as the Monte Carlo (worker threads,
 * Web Workers): row 0 of each scenario's plan is the reference, rows 2i+1 and 2i+2 parameter i at low and high.
 */
import type { AnalysisModel, RegisterParameter } from './model.js';
import type { CancelSignal, ChunkExecutor, McJob, McProgress, McScenarioPlan } from './monte-carlo.js';
import { inlineExecutor, runMonteCarlo } from './monte-carlo.js';

export interface TornadoItem {
  name: string;
  label: string;
  unit: string;
  /** The parameter's value at each end (the option's, for a difference tornado). */
  low: number;
  high: number;
  /** Per metric: the metric (or difference) with the parameter at its low and high end, and |high − low|. */
  metrics: Record<string, { atLow: number; atHigh: number; width: number }>;
}

export interface Tornado {
  /** The metric (or difference) with every parameter at the scenario's value. */
  reference: Record<string, number>;
  items: TornadoItem[];
  runs: number;
}

export interface ExecutionOptions {
  executor?: ChunkExecutor;
  signal?: CancelSignal;
  onProgress?: (p: McProgress) => void;
}

function swingable<S>(model: AnalysisModel<S>, scenarios: S[]): RegisterParameter[] {
  const fixed = scenarios.map((s) => new Set(model.explicitParameters(s)));
  return model.parameters.filter((p) => fixed.some((set) => !set.has(p.name)));
}

/**
 * The tornado of `scenario`'s metrics, or, with `baseline`, of option minus baseline. Items come in register
 * order; sort them with `sortTornado`.
 */
export async function tornado<S>(
  model: AnalysisModel<S>,
  scenario: S,
  metricKeys: readonly string[],
  baseline?: S,
  execution: ExecutionOptions = {},
): Promise<Tornado> {
  const scenarios = baseline === undefined ? [scenario] : [scenario, baseline];
  const swung = swingable(model, scenarios);
  const names = swung.map((p) => p.name);
  const k = names.length;
  const rows = 1 + 2 * k;
  const plans: McScenarioPlan<S>[] = scenarios.map((s) => {
    const base = model.effectiveParameters(s);
    const fixed = new Set(model.explicitParameters(s));
    const values = new Float64Array(rows * k);
    for (let r = 0; r < rows; r++) for (let j = 0; j < k; j++) values[r * k + j] = base[names[j]];
    swung.forEach((p, i) => {
      if (fixed.has(p.name)) return;
      const range = model.samplingRange(s, p);
      values[(2 * i + 1) * k + i] = range.low;
      values[(2 * i + 2) * k + i] = range.high;
    });
    return { scenario: s, base, names, values };
  });
  const allKeys = model.metrics.map((m) => m.key);
  const job: McJob<S> = { modelId: model.id, runs: rows, scenarios: plans, metricKeys: allKeys, seriesKeys: [], gridIndices: [], calibrate: true };
  const result = await runMonteCarlo(job, execution.executor ?? inlineExecutor(model), {
    signal: execution.signal,
    onProgress: execution.onProgress,
  });
  const m = allKeys.length;
  const index = new Map(allKeys.map((key, i) => [key, i]));
  const value = (row: number, key: string): number => {
    const mi = index.get(key)!;
    const own = result.scenarios[0].metrics[row * m + mi];
    return scenarios.length === 1 ? own : own - result.scenarios[1].metrics[row * m + mi];
  };
  const reference = Object.fromEntries(metricKeys.map((key) => [key, value(0, key)]));
  const fixedOwn = new Set(model.explicitParameters(scenario));
  const items = swung.map((p, i) => {
    const range = model.samplingRange(scenario, p);
    const own = fixedOwn.has(p.name) ? plans[0].base[p.name] : undefined;
    return {
      name: p.name,
      label: p.label,
      unit: p.unit,
      low: own ?? range.low,
      high: own ?? range.high,
      metrics: Object.fromEntries(
        metricKeys.map((key) => {
          const atLow = value(2 * i + 1, key);
          const atHigh = value(2 * i + 2, key);
          return [key, { atLow, atHigh, width: Math.abs(atHigh - atLow) }];
        }),
      ),
    };
  });
  return { reference, items, runs: rows * scenarios.length };
}

/** Items sorted by width on `metric`, widest first (ties in register order). */
export function sortTornado(t: Tornado, metric: string): TornadoItem[] {
  return [...t.items].sort((a, b) => b.metrics[metric].width - a.metrics[metric].width);
}
