/**
 * `joinedup uncertainty <scenario> [--baseline <scenario>] --runs N --seed S [--json]`: Monte Carlo bands of the
 * headline metrics, the paired comparison with the baseline ("in 8 of 10 plausible futures…"), appraisal, the
 * tornado's top items and the attribution of the difference. Runs across worker threads (`--threads`).
 */
import { createAnalysisPool } from '../../electron/analysis-pool.js';
import { inTen, money, signedMoney } from '../../models/analysis/briefing.js';
import { careAnalysisModel } from '../../models/analysis/care-model.js';
import { inlineExecutor } from '../../models/analysis/monte-carlo.js';
import { sortTornado } from '../../models/analysis/tornado.js';
import type { UncertaintyReport } from '../../models/analysis/uncertainty.js';
import { MAX_RUNS, analyseUncertainty } from '../../models/analysis/uncertainty.js';
import type { CliIo } from '../io.js';
import { CommandError, loadScenarioArg, optimismBiasFlag, parseArgs, reportingErrors, single, wholeNumber } from '../analysis-common.js';

export const summary = 'Monte Carlo bands, paired comparison, tornado and attribution for a scenario';

const USAGE =
  'usage: joinedup uncertainty <scenario> [--baseline <scenario>] --runs N --seed S [--json] ' +
  '[--threads N] [--optimism-bias X] [--no-tornado] [--no-attribution] [--quiet] [--db PATH]';

export async function run(args: string[], io: CliIo): Promise<number> {
  return reportingErrors('uncertainty', USAGE, io, () => uncertainty(args, io));
}

async function uncertainty(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['baseline', 'runs', 'seed', 'threads', 'optimism-bias', 'db'], ['json', 'no-tornado', 'no-attribution', 'quiet', 'help']);
  if (parsed.flags.has('help')) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (parsed.positional.length !== 1) throw new CommandError('give exactly one scenario (a file, or a saved name or id)', 2);
  const runs = wholeNumber(single(parsed, 'runs'), 'runs', 2, MAX_RUNS);
  const seed = wholeNumber(single(parsed, 'seed'), 'seed', 0, Number.MAX_SAFE_INTEGER);
  if (runs === undefined) throw new CommandError('--runs N is required', 2);
  if (seed === undefined) throw new CommandError('--seed S is required (it makes the result reproducible)', 2);
  const threads = wholeNumber(single(parsed, 'threads'), 'threads', 1, 256);
  const optimismBias = optimismBiasFlag(parsed);
  const where = { cwd: io.cwd, env: io.env, db: single(parsed, 'db') };
  const option = loadScenarioArg(parsed.positional[0], where);
  const baselineArg = single(parsed, 'baseline');
  const baseline = baselineArg === undefined ? undefined : loadScenarioArg(baselineArg, where);
  const pool = threads === 1 ? undefined : createAnalysisPool({ size: threads });
  // Workers load the model while this thread runs the central runs.
  void pool?.warm().catch(() => undefined);
  try {
    const report = await analyseUncertainty(careAnalysisModel, option, baseline, {
      runs,
      seed,
      optimismBias,
      executor: pool ?? inlineExecutor(careAnalysisModel),
      tornado: !parsed.flags.has('no-tornado'),
      attribution: !parsed.flags.has('no-attribution'),
      onProgress: parsed.flags.has('quiet') ? undefined : progressReporter(io),
    });
    io.stdout(parsed.flags.has('json') ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, option.horizonYears));
    return 0;
  } finally {
    await pool?.close();
  }
}

const STAGE_NAMES = { 'monte-carlo': 'plausible futures', tornado: 'tornado (each assumption low and high)', attribution: 'attribution' } as const;

/** Progress on stderr, a line per stage and per tenth of it, so a long run shows it is alive. */
export function progressReporter(io: CliIo) {
  let last = '';
  return (p: { stage: keyof typeof STAGE_NAMES; done: number; total: number }) => {
    const tenth = Math.floor((p.done / p.total) * 10);
    const key = `${p.stage}:${tenth}`;
    if (key === last || (tenth === 0 && p.done > 1)) return;
    last = key;
    io.stderr(`joinedup uncertainty: ${STAGE_NAMES[p.stage]} ${p.done} of ${p.total} runs\n`);
  };
}

function formatMetric(unit: string, v: number): string {
  if (unit === 'GBP') return money(v);
  if (unit === 'years') return v.toFixed(2);
  if (unit === 'share') return `${(v * 100).toFixed(1)}%`;
  return Math.round(v).toLocaleString('en-GB');
}

function formatDiff(unit: string, v: number): string {
  if (unit === 'GBP') return signedMoney(v);
  const text = formatMetric(unit, Math.abs(v));
  if (!/[1-9]/.test(text)) return formatMetric(unit, 0);
  return v > 0 ? `+${text}` : v < 0 ? `−${text}` : text;
}

/** The plain-text report: every figure from the report object. */
export function formatReport(r: UncertaintyReport, horizonYears: number): string {
  const lines: string[] = [];
  const info = new Map(r.metrics.map((m) => [m.key, m]));
  const pad = (s: string, n: number) => s.padEnd(n);
  lines.push(
    `${r.option.name}${r.baseline ? ` against ${r.baseline.name}` : ''}: ${r.runs.toLocaleString('en-GB')} runs, seed ${r.seed}, model ${r.modelId} ${r.modelVersion}`,
  );
  lines.push('');
  for (const s of [r.option, ...(r.baseline ? [r.baseline] : [])]) {
    lines.push(`${s.name}: P10 / P50 / P90 of ${r.runs} plausible futures (central run)`);
    for (const key of r.headline) {
      const m = info.get(key)!;
      const b = s.metricBands[key];
      lines.push(
        `  ${pad(m.label, 44)} ${[b.p10, b.p50, b.p90].map((v) => formatMetric(m.unit, v).padStart(11)).join(' ')}   (${formatMetric(m.unit, s.deterministic.metrics[key])})`,
      );
    }
    const a = s.deterministic.appraisal;
    lines.push(
      `  Present value at ${(a.discountRate * 100).toFixed(1)}%: ${money(a.presentValue)}; with optimism bias of ${Math.round(a.optimismBias * 100)}% on the one-off cost of ${money(a.oneOffCost)}: ${money(a.presentValueWithOptimismBias)}`,
    );
    lines.push(`  Held at the scenario's value (not sampled): ${s.fixed.length ? s.fixed.join(', ') : 'none'}`);
    lines.push('');
  }
  if (r.calibration) lines.push(`Re-fitted in each run (${r.calibration.parameters.join(', ')}): ${r.calibration.description}`, '');
  if (r.paired && r.baseline) {
    lines.push(`Paired with ${r.baseline.name} (the same ${r.runs} futures for both; option minus baseline)`);
    for (const key of r.headline) {
      const m = info.get(key)!;
      const p = r.paired[key];
      lines.push(
        `  ${pad(m.label, 44)} central ${formatDiff(m.unit, p.deterministic).padStart(10)}; P10 ${formatDiff(m.unit, p.difference.p10)} to P90 ${formatDiff(m.unit, p.difference.p90)}; better in ${p.betterRuns} of ${r.runs}`,
      );
    }
    const cost = r.paired['cost.total'];
    const more = cost.worseRuns;
    lines.push('');
    lines.push(
      `In ${inTen(more, r.runs).replace(' in ', ' of ')} plausible futures ${r.option.name} costs more over ${horizonYears} years than ${r.baseline.name} (${more} of ${r.runs} runs).`,
    );
    const a = r.appraisal!;
    const be = (y: number | null) => (y === null ? 'never within the horizon' : `year ${y}`);
    lines.push(
      `Present value difference ${signedMoney(a.presentValueDifference)} (with optimism bias ${signedMoney(a.presentValueDifferenceWithOptimismBias)}); break-even ${be(a.breakEvenYear)} (with optimism bias ${be(a.breakEvenYearWithOptimismBias)}).`,
    );
    lines.push('');
  }
  const t = r.tornado?.difference ?? r.tornado?.option;
  if (t) {
    lines.push(`Assumptions that matter most for ${r.tornado?.difference ? 'the cost difference' : 'cost'} (each moved alone from low to high):`);
    const show = r.tornado?.difference ? (v: number) => formatDiff('GBP', v) : money;
    for (const item of sortTornado(t, 'cost.total').slice(0, 8)) {
      const c = item.metrics['cost.total'];
      if (c.width === 0) continue;
      lines.push(`  ${pad(item.label, 52)} ${show(c.atLow).padStart(10)} → ${show(c.atHigh).padStart(10)}  (swing ${money(c.width)})`);
    }
    lines.push('');
  }
  if (r.attribution) {
    const a = r.attribution;
    lines.push(`Where the cost difference comes from (Shapley, ${a.method === 'exact' ? 'exact' : `${a.permutations} sampled orders`}; alone = one at a time):`);
    for (const p of [...a.parts].sort((x, y) => Math.abs(y.shapley['cost.total']) - Math.abs(x.shapley['cost.total']))) {
      const se = a.method === 'sampled' ? ` ± ${money(p.standardError['cost.total'])}` : '';
      lines.push(`  ${pad(p.label, 52)} ${signedMoney(p.shapley['cost.total']).padStart(10)}${se}  (alone ${signedMoney(p.oneAtATime['cost.total'])})`);
    }
    lines.push(`  ${pad('Interaction (changes acting together)', 52)} ${signedMoney(a.interaction['cost.total']).padStart(10)}`);
    if (Math.abs(a.otherSettings['cost.total']) > 0.5) lines.push(`  ${pad('Other settings (horizon, dates, rate)', 52)} ${signedMoney(a.otherSettings['cost.total']).padStart(10)}`);
    lines.push(`  ${pad('Total difference', 52)} ${signedMoney(a.total['cost.total']).padStart(10)}`);
  }
  return lines.join('\n') + '\n';
}
