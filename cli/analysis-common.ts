/**
 * Shared by `joinedup uncertainty` and `joinedup brief`: reading a scenario argument (a file or a saved name/id),
 * simple flag parsing with usage errors, and the parameters that differ between two scenarios.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PARAMETERS } from '../models/health-care/index.js';
import { careAnalysisModel } from '../models/analysis/care-model.js';
import { formatParseErrors, parseScenarioText } from '../scenarios/parse.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { CliIo } from './io.js';
import { resolveSavedScenario } from './saved-scenarios.js';

/** An input problem (exit 1) or a usage problem (exit 2), with a message naming what is wrong. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * Runs a command body and turns what it throws into the CLI contract: a CommandError's message on stderr with
 * its exit code (and the usage line for a usage error), anything else as exit 1.
 */
export async function reportingErrors(command: string, usage: string, io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof CommandError) {
      io.stderr(`joinedup ${command}: ${err.message}\n${err.exitCode === 2 ? usage + '\n' : ''}`);
      return err.exitCode;
    }
    io.stderr(`joinedup ${command}: ${(err as Error).message}\n`);
    return 1;
  }
}

export interface ParsedArgs {
  positional: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

/** Parses `--name value` options (`valued`), `--flag` switches (`switches`) and positional arguments. */
export function parseArgs(args: string[], valued: readonly string[], switches: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (switches.includes(name) && inline === undefined) out.flags.add(name);
    else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new CommandError(`--${name} needs a value`, 2);
      out.values.set(name, [...(out.values.get(name) ?? []), value]);
    } else throw new CommandError(`unknown option --${name}`, 2);
  }
  return out;
}

export function single(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.values.get(name);
  if (v && v.length > 1) throw new CommandError(`--${name} is given more than once`, 2);
  return v?.[0];
}

/** A whole number option within [min, max]. */
export function wholeNumber(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new CommandError(`--${name} must be a whole number from ${min} to ${max}, got '${text}'`, 2);
  }
  return Number(text);
}

/** `--optimism-bias X`: the uplift on the one-off cost as a share (2 means +200%), or undefined for the default. */
export function optimismBiasFlag(parsed: ParsedArgs): number | undefined {
  const text = single(parsed, 'optimism-bias');
  const bias = text === undefined ? undefined : Number(text);
  if (bias !== undefined && !(Number.isFinite(bias) && bias >= 0)) {
    throw new CommandError(`--optimism-bias must be a number ≥ 0 (2 means +200%), got '${text}'`, 2);
  }
  return bias;
}

/** A scenario file (when the argument names an existing file) or else a saved scenario's name or id. */
export function loadScenarioArg(arg: string, options: { cwd: string; env: Record<string, string | undefined>; db?: string }): Scenario {
  const path = resolve(options.cwd, arg);
  let scenario: Scenario;
  if (existsSync(path) && statSync(path).isFile()) {
    const parsed = parseScenarioText(readFileSync(path, 'utf8'), arg, PARAMETERS);
    if (!parsed.ok) throw new CommandError(formatParseErrors(parsed.errors), 1);
    scenario = parsed.scenario;
  } else {
    try {
      scenario = resolveSavedScenario(arg, { db: options.db, env: options.env });
    } catch (err) {
      throw new CommandError(`${arg}: not a file, and ${(err as Error).message}`, 1);
    }
  }
  if (scenario.model !== careAnalysisModel.id) {
    throw new CommandError(
      `${arg}: uncertainty analysis needs the built-in ${careAnalysisModel.id} model (its parameter register gives the plausible ranges); this scenario runs '${scenario.model}'`,
      1,
    );
  }
  return scenario;
}
