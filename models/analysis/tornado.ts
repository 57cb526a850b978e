/**
 * Sensitivity tornado: each sampled parameter moved from the low to the high end of the scenario's plausible
 * range alone, every other parameter at the scenario's own value. Parameters the scenario sets explicitly are
 * not swung (they are not uncertain in that scenario: the same rule as the Monte Carlo).
 *
 * With a baseline, the difference tornado swings the parameter in both scenarios together (each to the low or
 * high end of its own range), which shows which assumptions decide the comparison.
 */
import type { AnalysisModel, RegisterParameter } from './model.js';

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

function swingable<S>(model: AnalysisModel<S>, scenarios: S[]): RegisterParameter[] {
  const fixed = scenarios.map((s) => new Set(model.explicitParameters(s)));
  return model.parameters.filter((p) => fixed.some((set) => !set.has(p.name)));
}

function metricsAt<S>(model: AnalysisModel<S>, scenario: S, params: Record<string, number>, keys: readonly string[]) {
  const out = model.run(scenario, params).metrics;
  return Object.fromEntries(keys.map((k) => [k, out[k]]));
}

/**
 * The tornado of `scenario`'s metrics, or, with `baseline`, of option minus baseline. Items come in register
 * order; sort them with `sortTornado`.
 */
export function tornado<S>(
  model: AnalysisModel<S>,
  scenario: S,
  metricKeys: readonly string[],
  baseline?: S,
): Tornado {
  const scenarios = baseline === undefined ? [scenario] : [scenario, baseline];
  const effective = scenarios.map((s) => model.effectiveParameters(s));
  const fixed = scenarios.map((s) => new Set(model.explicitParameters(s)));
  let runs = 0;
  const evaluate = (overrides: (RegisterParameter | null)[], end: 'low' | 'high' | null) => {
    const values = scenarios.map((s, i) => {
      const params = { ...effective[i] };
      const p = overrides[0];
      if (p && end && !fixed[i].has(p.name)) params[p.name] = model.samplingRange(s, p)[end];
      runs++;
      return metricsAt(model, s, params, metricKeys);
    });
    return Object.fromEntries(
      metricKeys.map((k) => [k, values.length === 1 ? values[0][k] : values[0][k] - values[1][k]]),
    ) as Record<string, number>;
  };
  const reference = evaluate([null], null);
  const items = swingable(model, scenarios).map((p) => {
    const atLow = evaluate([p], 'low');
    const atHigh = evaluate([p], 'high');
    const range = model.samplingRange(scenario, p);
    const own = fixed[0].has(p.name) ? effective[0][p.name] : undefined;
    return {
      name: p.name,
      label: p.label,
      unit: p.unit,
      low: own ?? range.low,
      high: own ?? range.high,
      metrics: Object.fromEntries(
        metricKeys.map((k) => [k, { atLow: atLow[k], atHigh: atHigh[k], width: Math.abs(atHigh[k] - atLow[k]) }]),
      ),
    };
  });
  return { reference, items, runs };
}

/** Items sorted by width on `metric`, widest first (ties in register order). */
export function sortTornado(t: Tornado, metric: string): TornadoItem[] {
  return [...t.items].sort((a, b) => b.metrics[metric].width - a.metrics[metric].width);
}
