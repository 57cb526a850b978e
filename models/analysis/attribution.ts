/**
 * Attribution of an option's difference from the baseline to each parameter it changed.
 *
 * v(S) is a metric of the baseline scenario run with the parameters in S set to the option's values (the rest
 * at the baseline's). The Shapley value of parameter i averages its marginal effect v(S ∪ {i}) − v(S) over every
 * order in which the changes could be made, so the parts add up exactly to v(all) − v(none) whatever the order.
 * Exact (2^n runs) for up to `maxExact` changed parameters; beyond that, averaged over seeded random orders in
 * antithetic pairs (each order's marginal effects still add up to the total, so the sum stays exact).
 *
 * One-at-a-time effects v({i}) − v(∅) are reported alongside; the interaction share is the total minus their
 * sum (what the changes do together beyond their separate effects). Anything the parameters cannot explain
 * (different horizon, start date or discount rate) is reported as `otherSettings`.
 *
 * The coalition runs are independent, so they go through the chunk executors like the Monte Carlo.
 */
import type { AnalysisModel } from './model.js';
import type { McJob } from './monte-carlo.js';
import { inlineExecutor, runCentral, runMonteCarlo } from './monte-carlo.js';
import { createRng, permutation } from './random.js';
import type { ExecutionOptions } from './tornado.js';

export interface AttributionPart {
  name: string;
  label: string;
  unit: string;
  baselineValue: number;
  optionValue: number;
  shapley: Record<string, number>;
  /**
   * When sampled: the standard error of each Shapley estimate, from the spread of its antithetic-pair averages
   * (0 when exact).
   */
  standardError: Record<string, number>;
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

export interface AttributionOptions extends ExecutionOptions {
  maxExact?: number;
  /** Orders to average when there are more than maxExact changed parameters (rounded up to even). */
  permutations?: number;
  seed?: number;
}

export const DEFAULT_MAX_EXACT = 10;
export const DEFAULT_PERMUTATIONS = 32;

/** Parameters whose effective values differ between the two scenarios, in register order. */
export function changedParameters<S>(model: AnalysisModel<S>, baseline: S, option: S): string[] {
  const b = model.effectiveParameters(baseline);
  const o = model.effectiveParameters(option);
  const names = new Set([...Object.keys(b), ...Object.keys(o)]);
  const order = new Map((model.allParameters ?? model.parameters).map((p, i) => [p.name, i]));
  return [...names]
    .filter((n) => b[n] !== o[n])
    .sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity) || x.localeCompare(y));
}

export async function attribute<S>(
  model: AnalysisModel<S>,
  baseline: S,
  option: S,
  metricKeys: readonly string[],
  options: AttributionOptions = {},
): Promise<Attribution> {
  const maxExact = options.maxExact ?? DEFAULT_MAX_EXACT;
  const names = changedParameters(model, baseline, option);
  const n = names.length;
  const baseValues = model.effectiveParameters(baseline);
  const optionValues = model.effectiveParameters(option);
  const keys = [...metricKeys];

  // The coalitions to run, as membership strings ("0101…"), in a fixed order.
  const coalitions = new Map<string, number>();
  const need = (members: boolean[]): string => {
    const id = members.map((x) => (x ? '1' : '0')).join('');
    if (!coalitions.has(id)) coalitions.set(id, coalitions.size);
    return id;
  };
  const none = new Array<boolean>(n).fill(false);
  need(none);
  need(new Array<boolean>(n).fill(true));
  names.forEach((_, i) => need(none.map((_, j) => j === i)));
  let method: Attribution['method'] = 'exact';
  let permutations: number | undefined;
  const orders: number[][] = [];
  if (n <= maxExact) {
    for (let mask = 0; mask < 1 << n; mask++) need(names.map((_, i) => (mask & (1 << i)) !== 0));
  } else {
    method = 'sampled';
    permutations = Math.max(2, 2 * Math.ceil((options.permutations ?? DEFAULT_PERMUTATIONS) / 2));
    const rng = createRng(options.seed ?? 0, 7);
    for (let p = 0; p < permutations; p++) {
      // Antithetic pairs: every other order is the reverse of the one before, which lowers the variance.
      orders.push(p % 2 === 0 ? Array.from(permutation(n, rng)) : [...orders[p - 1]].reverse());
      const members = [...none];
      for (const i of orders[p]) {
        members[i] = true;
        need(members);
      }
    }
  }

  // Run every coalition through the executor: one plan on the baseline, one row per coalition.
  const ids = [...coalitions.keys()];
  const values = new Float64Array(ids.length * n);
  ids.forEach((id, r) => {
    for (let j = 0; j < n; j++) values[r * n + j] = id[j] === '1' ? optionValues[names[j]] : baseValues[names[j]];
  });
  const job: McJob<S> = {
    modelId: model.id,
    runs: ids.length,
    scenarios: [{ scenario: baseline, base: baseValues, names, values }],
    metricKeys: keys,
    seriesKeys: [],
    gridIndices: [],
  };
  const executor = options.executor ?? inlineExecutor(model);
  const result = await runMonteCarlo(job, executor, {
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const value = (members: boolean[]): number[] => {
    const row = coalitions.get(members.map((x) => (x ? '1' : '0')).join(''))!;
    return keys.map((_, k) => result.scenarios[0].metrics[row * keys.length + k]);
  };

  const vNone = value(none);
  const vAll = value(new Array<boolean>(n).fill(true));
  const shapley = names.map(() => new Array<number>(keys.length).fill(0));
  const standardError = names.map(() => new Array<number>(keys.length).fill(0));
  if (method === 'exact') {
    const factorial = [1];
    for (let i = 1; i <= n; i++) factorial.push(factorial[i - 1] * i);
    for (let mask = 0; mask < 1 << n; mask++) {
      const members = names.map((_, i) => (mask & (1 << i)) !== 0);
      const size = members.filter(Boolean).length;
      if (size === n) continue;
      const vS = value(members);
      // weight(|S|) = |S|! (n − |S| − 1)! / n!
      const weight = (factorial[size] * factorial[n - size - 1]) / factorial[n];
      members.forEach((isMember, i) => {
        if (isMember) return;
        const withI = [...members];
        withI[i] = true;
        const vSi = value(withI);
        for (let k = 0; k < keys.length; k++) shapley[i][k] += weight * (vSi[k] - vS[k]);
      });
    }
  } else {
    // Marginal effects per order; pairs (an order and its reverse) are independent of each other.
    const marginal = orders.map(() => names.map(() => new Array<number>(keys.length).fill(0)));
    orders.forEach((order, o) => {
      const members = [...none];
      let previous = vNone;
      for (const i of order) {
        members[i] = true;
        const current = value(members);
        for (let k = 0; k < keys.length; k++) {
          marginal[o][i][k] = current[k] - previous[k];
          shapley[i][k] += marginal[o][i][k] / orders.length;
        }
        previous = current;
      }
    });
    const pairs = orders.length / 2;
    names.forEach((_, i) => {
      for (let k = 0; k < keys.length; k++) {
        let sumSq = 0;
        for (let p = 0; p < pairs; p++) {
          const pairMean = (marginal[2 * p][i][k] + marginal[2 * p + 1][i][k]) / 2;
          sumSq += (pairMean - shapley[i][k]) ** 2;
        }
        standardError[i][k] = pairs > 1 ? Math.sqrt(sumSq / (pairs - 1) / pairs) : Number.NaN;
      }
    });
  }
  const oneAtATime = names.map((_, i) => {
    const v = value(none.map((_, j) => j === i));
    return keys.map((_, k) => v[k] - vNone[k]);
  });
  const [optionOutput] = await runCentral(model, [{ scenario: option, parameters: optionValues }], executor, options.signal);
  const optionMetrics = optionOutput.metrics;
  const parameterTotal = keys.map((_, k) => vAll[k] - vNone[k]);
  const total = keys.map((key, k) => optionMetrics[key] - vNone[k]);
  const info = new Map((model.allParameters ?? model.parameters).map((p) => [p.name, p]));
  const record = (xs: number[]) => Object.fromEntries(keys.map((key, i) => [key, xs[i]]));
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
      standardError: record(standardError[i]),
      oneAtATime: record(oneAtATime[i]),
    })),
    interaction: record(keys.map((_, k) => parameterTotal[k] - oneAtATime.reduce((sum, o) => sum + o[k], 0))),
    otherSettings: record(keys.map((_, k) => total[k] - parameterTotal[k])),
    method,
    permutations,
    runs: ids.length + 1,
  };
}
