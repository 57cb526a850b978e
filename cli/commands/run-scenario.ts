/**
 * `joinedup run scenario.json`: runs a scenario file through the care model and writes every model variable as CSV
 * (Time first), like `joinedup run` does for XMILE. Called by ./run.ts for a `.json` argument.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PARAMETERS, runScenarioModel, ScenarioParameterError } from '../../models/health-care/index.js';
import { formatParseErrors, parseScenarioText } from '../../scenarios/parse.js';
import type { Scenario } from '../../scenarios/scenario.js';
import type { CliIo } from '../io.js';
import { resultToCsv, writeFileAtomic, type RunCommandOptions } from './run.js';

/** Reads and checks a scenario file; on failure writes the named errors to stderr and returns undefined. */
export function readScenarioFile(path: string, io: CliIo): Scenario | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    io.stderr(`joinedup: cannot read scenario file ${path}: ${(err as Error).message}\n`);
    return undefined;
  }
  const parsed = parseScenarioText(text, basename(path), PARAMETERS);
  if (!parsed.ok) {
    io.stderr(`joinedup: ${path}: the scenario file is not valid:\n${formatParseErrors(parsed.errors)}\n`);
    return undefined;
  }
  for (const w of parsed.warnings) io.stderr(`joinedup: warning: ${path}: ${w}\n`);
  return parsed.scenario;
}

/** Reports a refused run (bad parameter) and returns the exit code 1. */
export function reportRunError(err: unknown, where: string, io: CliIo): number {
  if (err instanceof ScenarioParameterError) {
    for (const e of err.errors) io.stderr(`joinedup: ${where}: ${e.message}\n`);
    io.stderr('joinedup: nothing was run\n');
    return 1;
  }
  io.stderr(`joinedup: ${where}: ${(err as Error).message ?? String(err)}\n`);
  return 1;
}

export async function runScenarioFile(path: string, options: RunCommandOptions, io: CliIo): Promise<number> {
  const scenario = readScenarioFile(path, io);
  if (!scenario) return 1;
  if (scenario.model !== 'health-care') {
    io.stderr(`joinedup: ${path}: model "${scenario.model}" is not the built-in care model; run an XMILE model directly with \`joinedup run model.xmile\`\n`);
    return 1;
  }
  const withSet: Scenario = { ...scenario, parameters: { ...scenario.parameters, ...options.set } };
  let run: ReturnType<typeof runScenarioModel>;
  try {
    run = runScenarioModel(withSet, { method: options.method });
    const repeat = options.repeat ?? 1;
    if (repeat > 1) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        run = runScenarioModel(withSet, { method: options.method });
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      io.stderr(`median_us=${Math.round(times[Math.floor(times.length / 2)] * 1000)}\n`);
    }
  } catch (err) {
    return reportRunError(err, path, io);
  }
  for (const w of run.warnings) io.stderr(`joinedup: warning: ${w}\n`);
  const csv = resultToCsv(run.result);
  if (options.csv) writeFileAtomic(options.csv, csv);
  else io.stdout(csv);
  return 0;
}
