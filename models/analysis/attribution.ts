/**
 * Attribution of an option's difference from the baseline to each parameter it changed.
 *
 * v(S) is a metric of the baseline scenario run with the parameters in S set to the option's values (the rest
 * at the baseline's). The Shapley value of parameter i averages its marginal effect v(S ∪ {i}) − v(S) over every
 * order in which the changes could be made, so the parts add up exactly to v(all) − v(none) whatever the order.
 * Exact (2^n runs) for up to `maxExact` changed parameters; beyond that, averaged over seeded random orders
 * (each order's marginal effects still add up to the total, so the sum stays exact).
 *
 * One-at-a-time effects v({i}) − v(∅) are reported alongside; the interaction share is the total minus their
 * sum (what the changes do together beyond their separate effects). Anything the parameters cannot explain
 * (different horizon, start date or discount rate) is reported as `otherSettings`.
 */
import type { AnalysisModel } from './model.js';
import { createRng, permutation } from './random.js';

export interface AttributionPart {
  name: string;
  label: string;
  unit: string;
  baselineValue: number;
  optionValue: number;
  shapley: Record<string, number>;
  oneAtATime: Record<string, number>;
}

export interface Attribution {
  metricKeys: string[];
  /** Option minus baseline. */
  total: Record<string, number>;
  parts: AttributionPart[];
  /** Total of the parameter changes minus the sum of one-at-a-time effects. */
  interaction: Record<string, number>;
  /** The difference not explained by parameter values (horizon, dates, discount rate). */
  otherSettings: Record<string, number>;
  method: 'exact' | 'sampled';
  /** Orders averaged when sampled. */
  permutations?: number;
  runs: number;
}

export interface AttributionOptions {
  maxExact?: number;
  /** Orders to average when there are more than maxExact changed parameters. */
  permutations?: number;
  seed?: number;
}

/** Parameters whose effective values differ between the two scenarios, in register order. */
export function changedParameters<S>(model: AnalysisModel<S>, baseline: S, option: S): string[] {
  const b = model.effectiveParameters(baseline);
  const o = model.effectiveParameters(option);
  const names = new Set([...Object.keys(b), ...Object.keys(o)]);
  const order = new Map(model.parameters.map((p, i) => [p.name, i]));
  return [...names]
    .filter((n) => b[n] !== o[n])
    .sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity) || x.localeCompare(y));
}

export function attribute<S>(
  model: AnalysisModel<S>,
  baseline: S,
  option: S,
  metricKeys: readonly string[],
  options: AttributionOptions = {},
): Attribution {
  const maxExact = options.maxExact ?? 10;
  const names = changedParameters(model, baseline, option);
  const n = names.length;
  const baseValues = model.effectiveParameters(baseline);
  const optionValues = model.effectiveParameters(option);
  const keys = [...metricKeys];
  const cache = new Map<string, number[]>();
  let runs = 0;
  const value = (members: boolean[]): number[] => {
    const id = members.map((m) => (m ? '1' : '0')).join('');
    const hit = cache.get(id);
    if (hit) return hit;
    const params = { ...baseValues };
    members.forEach((m, i) => {
      if (m) params[names[i]] = optionValues[names[i]];
    });
    runs++;
    const out = model.run(baseline, params).metrics;
    const v = keys.map((k) => out[k]);
    cache.set(id, v);
    return v;
  };
  const none = new Array<boolean>(n).fill(false);
  const all = new Array<boolean>(n).fill(true);
  const vNone = value(none);
  const vAll = value(all);
  const shapley = names.map(() => new Array<number>(keys.length).fill(0));
  let method: Attribution['method'] = 'exact';
  let permutations: number | undefined;
  if (n <= maxExact) {
    // weight(|S|) = |S|! (n − |S| − 1)! / n!
    const factorial = [1];
    for (let i = 1; i <= n; i++) factorial.push(factorial[i - 1] * i);
    for (let mask = 0; mask < 1 << n; mask++) {
      const members = names.map((_, i) => (mask & (1 << i)) !== 0);
      const size = members.filter(Boolean).length;
      if (size === n) continue;
      const vS = value(members);
      const weight = (factorial[size] * factorial[n - size - 1]) / factorial[n];
      members.forEach((m, i) => {
        if (m) return;
        const withI = [...members];
        withI[i] = true;
        const vSi = value(withI);
        for (let k = 0; k < keys.length; k++) shapley[i][k] += weight * (vSi[k] - vS[k]);
      });
    }
  } else {
    method = 'sampled';
    permutations = Math.max(2, 2 * Math.ceil((options.permutations ?? 64) / 2));
    const rng = createRng(options.seed ?? 0, 7);
    let forward: number[] = [];
    for (let p = 0; p < permutations; p++) {
      // Antithetic pairs: every other order is the reverse of the one before, which lowers the variance.
      const sequence = p % 2 === 0 ? (forward = Array.from(permutation(n, rng))) : [...forward].reverse();
      const members = [...none];
      let previous = vNone;
      for (const i of sequence) {
        members[i] = true;
        const current = value(members);
        for (let k = 0; k < keys.length; k++) shapley[i][k] += (current[k] - previous[k]) / permutations;
        previous = current;
      }
    }
  }
  const parameterTotal = keys.map((_, k) => vAll[k] - vNone[k]);
  const oneAtATime = names.map((_, i) => {
    const members = [...none];
    members[i] = true;
    const v = value(members);
    return keys.map((_, k) => v[k] - vNone[k]);
  });
  const optionMetrics = model.run(option, optionValues).metrics;
  const baselineMetrics = model.run(baseline, baseValues).metrics;
  runs += 2;
  const info = new Map(model.parameters.map((p) => [p.name, p]));
  const record = (values: number[]) => Object.fromEntries(keys.map((k, i) => [k, values[i]]));
  const total = keys.map((k) => optionMetrics[k] - baselineMetrics[k]);
  return {
    metricKeys: keys,
    total: record(total),
    parts: names.map((name, i) => ({
      name,
      label: info.get(name)?.label ?? name,
      unit: info.get(name)?.unit ?? '',
      baselineValue: baseValues[name],
      optionValue: optionValues[name],
      shapley: record(shapley[i]),
      oneAtATime: record(oneAtATime[i]),
    })),
    interaction: record(keys.map((_, k) => parameterTotal[k] - oneAtATime.reduce((sum, o) => sum + o[k], 0))),
    otherSettings: record(keys.map((_, k) => total[k] - parameterTotal[k])),
    method,
    permutations,
    runs,
  };
}
