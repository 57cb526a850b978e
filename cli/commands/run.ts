/**
 * `joinedup run <model.xmile|model.stmx|scenario.json> [--set NAME=VALUE]... [--method euler|rk4] [--csv FILE]
 * [--repeat R]` (DESIGN.md "Command line", issue 2).
 *
 * Writes CSV (stdout unless `--csv`): `Time` first, then one column per stock, flow and auxiliary headed by the
 * name as written in the model, one row per save step from start to stop inclusive. `--repeat R` compiles once,
 * runs R times and prints `median_us=<microseconds per run>` to stderr (the CSV comes from the last run).
 * A `.json` argument is a scenario file, handed to `runScenarioFile` in ./run-scenario.ts.
 *
 * Exit 0 on success, 1 on a model or input error (one message on stderr naming the file, variable and equation),
 * 2 on a usage error. A `--csv` file is written to a temporary file in the same folder and renamed into place, so a
 * failed run never leaves a partial file behind (and never clobbers an existing one).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ModelError } from '../../models/engine/api.js';
import type { CompiledModel, RunResult } from '../../models/engine/api.js';
import { compileModel } from '../../models/engine/index.js';
import type { IntegrationMethod } from '../../models/engine/spec.js';
import { importXmile } from '../../models/xmile/index.js';
import type { CliIo } from '../io.js';

export const summary = 'run a model (XMILE/Stella) or a scenario file and write CSV';

const USAGE =
  'usage: joinedup run <model.xmile|model.stmx|scenario.json> [--set NAME=VALUE]... [--method euler|rk4] [--csv FILE] [--repeat R]';

/** What `joinedup run` passes to `runScenarioFile` for a `.json` argument. Paths are absolute. */
export interface RunCommandOptions {
  /** `--set NAME=VALUE` overrides, in the order given (a later one replaces an earlier one with the same NAME). */
  set: Record<string, number>;
  method?: IntegrationMethod;
  /** Absolute path of the CSV to write; stdout when absent. */
  csv?: string;
  /** Number of runs after compiling once (default 1); print `median_us=` when given. */
  repeat?: number;
}

export type ScenarioRunner = (path: string, options: RunCommandOptions, io: CliIo) => Promise<number>;

export interface RunDeps {
  /** Loads `runScenarioFile` from ./run-scenario.ts; resolves to undefined when that module is absent. */
  loadScenarioRunner(): Promise<ScenarioRunner | undefined>;
}

async function defaultLoadScenarioRunner(): Promise<ScenarioRunner | undefined> {
  // A non-literal specifier, so this file type-checks and runs before the care-model engineer's module exists.
  const specifier = './run-scenario.js';
  let mod: { runScenarioFile?: ScenarioRunner };
  try {
    mod = (await import(specifier)) as { runScenarioFile?: ScenarioRunner };
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = String((err as Error).message ?? err);
    // Absent only if the missing module is run-scenario itself (quoted), not something it imports.
    if ((code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/i.test(message)) && /['"][^'"]*run-scenario(\.[jt]s)?['"]/.test(message)) {
      return undefined;
    }
    throw err;
  }
  return typeof mod.runScenarioFile === 'function' ? mod.runScenarioFile : undefined;
}

class UsageError extends Error {}

interface ParsedArgs {
  model: string;
  setText: [string, string][];
  method?: IntegrationMethod;
  csv?: string;
  repeat?: number;
}

function parseArgs(args: string[]): ParsedArgs | 'help' {
  const positional: string[] = [];
  const setText: [string, string][] = [];
  let method: IntegrationMethod | undefined;
  let csv: string | undefined;
  let repeat: number | undefined;
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    let inline: string | undefined;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = args[i + 1];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      i++;
      return v;
    };
    switch (arg) {
      case '--set': {
        const text = value();
        const eq = text.indexOf('=');
        if (eq <= 0 || text.slice(0, eq).trim() === '') throw new UsageError(`--set needs NAME=VALUE, got '${text}'`);
        setText.push([text.slice(0, eq).trim(), text.slice(eq + 1)]);
        break;
      }
      case '--method': {
        const m = value().toLowerCase();
        if (m !== 'euler' && m !== 'rk4') throw new UsageError(`--method must be euler or rk4, got '${m}'`);
        method = m;
        break;
      }
      case '--csv':
        csv = value();
        if (csv === '') throw new UsageError('--csv needs a file name');
        break;
      case '--repeat': {
        const r = value();
        if (!/^\d+$/.test(r.trim()) || Number(r) < 1 || !Number.isSafeInteger(Number(r))) {
          throw new UsageError(`--repeat must be a whole number of at least 1, got '${r}'`);
        }
        repeat = Number(r);
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (positional.length === 0) throw new UsageError('no model or scenario file given');
  if (positional.length > 1) throw new UsageError(`one model or scenario file, got ${positional.length}: ${positional.join(' ')}`);
  return { model: positional[0], setText, method, csv, repeat };
}

/** CSV field quoting (RFC 4180) for names containing commas, quotes or line breaks. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The run as CSV: `Time`, then each output variable by its name as written; one row per saved time. */
export function resultToCsv(result: RunResult): string {
  const parts: string[] = [['Time', ...result.names].map(csvField).join(',') + '\n'];
  const n = result.series.length;
  for (let k = 0; k < result.times.length; k++) {
    let line = String(result.times[k]);
    for (let i = 0; i < n; i++) line += ',' + String(result.series[i][k]);
    parts.push(line + '\n');
  }
  return parts.join('');
}

/** Write via a temporary file in the same folder and rename, so readers never see a partial file. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** One line naming the file, variable and equation; avoids repeating what the message already says. */
export function describeError(err: unknown, file: string): string {
  if (err instanceof ModelError) {
    let msg = err.message;
    if (!msg.includes(file)) msg = `${file}: ${msg}`;
    const extra: string[] = [];
    if (err.variable && !msg.includes(err.variable)) extra.push(`variable '${err.variable}'`);
    if (err.equation && !msg.includes(err.equation)) extra.push(`equation '${err.equation}'`);
    if (err.time !== undefined && !msg.includes(String(err.time))) extra.push(`time ${err.time}`);
    return extra.length > 0 ? `${msg} (${extra.join(', ')})` : msg;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && e.code === 'ENOENT') return `${file}: no such file`;
  if (e && e.code === 'EISDIR') return `${file}: is a folder, not a file`;
  if (e && e.code === 'EACCES') return `${file}: permission denied`;
  return `${file}: ${e?.message ?? String(err)}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  return runCommand(args, io, { loadScenarioRunner: defaultLoadScenarioRunner });
}

export async function runCommand(args: string[], io: CliIo, deps: RunDeps): Promise<number> {
  let parsed: ParsedArgs | 'help';
  try {
    parsed = parseArgs(args);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`joinedup run: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (parsed === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const file = parsed.model;
  const fail = (message: string): number => {
    io.stderr(`joinedup run: ${message}\n`);
    return 1;
  };

  const set: Record<string, number> = {};
  for (const [name, text] of parsed.setText) {
    // A plain decimal number (no hex, no Infinity): what a user means by VALUE.
    const value = Number(text.trim());
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()) || !Number.isFinite(value)) {
      return fail(`${file}: --set ${name}=${text}: '${text}' is not a number (variable '${name}')`);
    }
    set[name] = value;
  }
  const absolute = resolve(io.cwd, file);
  const csvPath = parsed.csv === undefined ? undefined : resolve(io.cwd, parsed.csv);

  if (/\.json$/i.test(file)) {
    let runner: ScenarioRunner | undefined;
    try {
      runner = await deps.loadScenarioRunner();
    } catch (err) {
      return fail(`${file}: cannot load the scenario runner (${(err as Error).message})`);
    }
    if (!runner) return fail(`${file}: scenario files cannot be run in this build (cli/commands/run-scenario.ts is missing)`);
    const options: RunCommandOptions = { set };
    if (parsed.method) options.method = parsed.method;
    if (csvPath) options.csv = csvPath;
    if (parsed.repeat !== undefined) options.repeat = parsed.repeat;
    return runner(absolute, options, io);
  }

  let csv: string;
  try {
    const text = readFileSync(absolute, 'utf8');
    const { spec, warnings } = importXmile(text, file);
    for (const w of warnings) io.stderr(`joinedup run: warning: ${w}\n`);
    const model: CompiledModel = compileModel(spec);
    const options = { set, ...(parsed.method ? { method: parsed.method } : {}) };
    const repeat = parsed.repeat ?? 1;
    const times: number[] = [];
    let result: RunResult | undefined;
    for (let r = 0; r < repeat; r++) {
      const t0 = performance.now();
      result = model.run(options);
      times.push(performance.now() - t0);
    }
    if (parsed.repeat !== undefined) io.stderr(`median_us=${(median(times) * 1000).toFixed(1)}\n`);
    csv = resultToCsv(result as RunResult);
  } catch (err) {
    return fail(describeError(err, file));
  }

  if (csvPath === undefined) {
    io.stdout(csv);
    return 0;
  }
  try {
    writeFileAtomic(csvPath, csv);
  } catch (err) {
    return fail(`cannot write ${parsed.csv}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (err as Error).message}`);
  }
  return 0;
}
