/**
 * `joinedup compare <scenario>... [--baseline <scenario>] [--json] [--db PATH]` (DESIGN.md "Command line").
 * A scenario is a file path or a saved scenario's name or id. Without `--baseline` the first scenario is the
 * baseline. Prints a readable table of every metric (and the difference from the baseline) by default, or
 * `{ scenarios: [{ name, metrics }], differences: [...] }` with `--json`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareRuns, METRICS, runScenario } from '../../models/health-care/index.js';
import type { MetricInfo, ScenarioRun } from '../../models/health-care/types.js';
import type { Scenario } from '../../scenarios/scenario.js';
import type { CliIo } from '../io.js';
import { readScenarioFile, reportRunError } from './run-scenario.js';

export const summary = 'compare scenarios (files or saved names/ids) against a baseline';

const USAGE = 'usage: joinedup compare <scenario>... [--baseline <scenario>] [--json] [--db PATH]';

type Resolver = (nameOrId: string, options: { db?: string; env: Record<string, string | undefined> }) => Scenario;

async function loadResolver(): Promise<Resolver | undefined> {
  const specifier = '../saved-scenarios.js';
  try {
    const mod = (await import(specifier)) as { resolveSavedScenario?: Resolver };
    return mod.resolveSavedScenario;
  } catch {
    return undefined;
  }
}

async function loadScenario(arg: string, db: string | undefined, io: CliIo): Promise<Scenario | undefined> {
  const path = resolve(io.cwd, arg);
  if (existsSync(path) || /\.json$/i.test(arg)) return readScenarioFile(path, io);
  const resolver = await loadResolver();
  if (!resolver) {
    io.stderr(`joinedup compare: "${arg}" is not a file, and saved scenarios are not available in this build\n`);
    return undefined;
  }
  try {
    return resolver(arg, { db, env: io.env });
  } catch (err) {
    io.stderr(`joinedup compare: ${(err as Error).message}\n`);
    return undefined;
  }
}

function formatValue(m: MetricInfo, v: number, signed = false): string {
  const sign = signed && v > 0 ? '+' : v < 0 ? '−' : '';
  v = Math.abs(v);
  switch (m.unit) {
    case 'GBP':
      return `${sign}£${(v / 1e6).toFixed(1)}m`;
    case 'share':
      return `${sign}${(v * 100).toFixed(1)}%`;
    case 'years':
      return `${sign}${v.toFixed(2)}`;
    default:
      return `${sign}${Math.round(v).toLocaleString('en-GB')}`;
  }
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n') + '\n';
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const names: string[] = [];
  let baselineArg: string | undefined;
  let json = false;
  let db: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--baseline' || a === '--db') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) {
        io.stderr(`joinedup compare: ${a} needs a value\n${USAGE}\n`);
        return 2;
      }
      if (a === '--baseline') baselineArg = v;
      else db = v;
    } else if (a === '--help' || a === '-h') {
      io.stdout(USAGE + '\n');
      return 0;
    } else if (a.startsWith('--')) {
      io.stderr(`joinedup compare: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else names.push(a);
  }
  // `compare scenarios/library/*.json --baseline scenarios/library/x.json` names the baseline twice: show it once.
  const sameArg = (a: string, b: string): boolean => a === b || resolve(io.cwd, a) === resolve(io.cwd, b);
  const options = baselineArg !== undefined ? names.filter((n) => !sameArg(n, baselineArg as string)) : names;
  const args2 = baselineArg !== undefined ? [baselineArg, ...options] : names;
  if (args2.length === 0) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const loaded: { arg: string; scenario: Scenario; run: ScenarioRun }[] = [];
  for (const arg of args2) {
    const scenario = await loadScenario(arg, db, io);
    if (!scenario) return 1;
    if (scenario.model !== 'health-care') {
      io.stderr(`joinedup compare: ${arg}: only scenarios of the built-in care model can be compared (model "${scenario.model}")\n`);
      return 1;
    }
    let result: ScenarioRun;
    try {
      result = runScenario(scenario);
    } catch (err) {
      return reportRunError(err, arg, io);
    }
    for (const w of result.warnings) io.stderr(`joinedup compare: warning: ${scenario.name}: ${w}\n`);
    loaded.push({ arg, scenario, run: result });
  }
  const base = loaded[0];
  const compared = loaded.map((l) => ({ ...l, ...compareRuns(base.run, l.run) }));
  if (json) {
    const out = {
      baseline: base.scenario.name,
      scenarios: loaded.map((l) => ({ name: l.scenario.name, form: l.scenario.form, metrics: l.run.metrics, yearly: l.run.yearly })),
      differences: compared.slice(1).map((c) => ({ name: c.scenario.name, baseline: base.scenario.name, differences: c.differences, breakEvenYear: c.breakEvenYear })),
      hleCaveat: base.run.hleCaveat,
    };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const header = ['metric', ...loaded.map((_, i) => (i === 0 ? '[1] baseline' : `[${i + 1}]`))];
  io.stdout(loaded.map((l, i) => `[${i + 1}] ${l.scenario.name}${i === 0 && !/baseline/i.test(l.scenario.name) ? ' (baseline)' : ''}`).join('\n') + '\n\n');
  const rows: string[][] = [header];
  for (const m of METRICS) {
    rows.push([
      m.label + (m.indicative ? ' (indicative)' : ''),
      ...compared.map((c, i) => (i === 0 ? formatValue(m, c.run.metrics[m.key]) : `${formatValue(m, c.run.metrics[m.key])} (${formatValue(m, c.differences[m.key], true)})`)),
    ]);
  }
  rows.push(['Break-even year vs baseline', '—', ...compared.slice(1).map((c) => (c.breakEvenYear === null ? 'never' : `year ${c.breakEvenYear} (${c.run.yearly[c.breakEvenYear - 1].label})`))]);
  io.stdout(table(rows));
  io.stdout(`\nBrackets: difference from the baseline. Costs undiscounted over ${base.scenario.horizonYears} years from ${base.scenario.startDate}; present value at each scenario's discount rate.\n`);
  io.stdout(`Stranded beds = medically fit patients still in an acute bed; "7+ days" is the NHS length-of-stay count.\n${base.run.hleCaveat}\n`);
  return 0;
}
