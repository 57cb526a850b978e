import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileModel } from '../../../models/engine/index.js';
import type { RunResult } from '../../../models/engine/api.js';
import { buildModelSpec, DEFAULT_DT, effectiveParameters, PARAMETERS } from '../../../models/health-care/index.js';
import type { OrganisationalForm } from '../../../models/health-care/types.js';
import { parseScenarioText } from '../../../scenarios/parse.js';
import type { Scenario } from '../../../scenarios/scenario.js';

export const model = compileModel(buildModelSpec());

/** Runs the compiled model with a form's defaults plus overrides; saves every step when `everyStep`. */
export function runModel(form: OrganisationalForm, overrides: Record<string, number> = {}, opts: { dt?: number; years?: number; everyStep?: boolean } = {}): RunResult & { get(name: string): Float64Array } {
  const dt = opts.dt ?? DEFAULT_DT;
  const r = model.run({ set: effectiveParameters(form, overrides), sim: { start: 0, stop: (opts.years ?? 10) * 365, dt, saveStep: opts.everyStep ? dt : Math.max(1, dt) } });
  return Object.assign(r, {
    get(name: string): Float64Array {
      const i = r.names.indexOf(name);
      if (i < 0) throw new Error(`no output ${name}`);
      return r.series[i];
    },
  });
}

export const LIBRARY_DIR = fileURLToPath(new URL('../../../scenarios/library/', import.meta.url));

export function libraryScenarios(): { file: string; scenario: Scenario }[] {
  return readdirSync(LIBRARY_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = parseScenarioText(readFileSync(LIBRARY_DIR + file, 'utf8'), file, PARAMETERS);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`);
      return { file, scenario: parsed.scenario };
    });
}

export const last = (a: Float64Array): number => a[a.length - 1];
