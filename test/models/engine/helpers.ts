/** Builds inline ModelSpecs from equation text and reads results by name and time. */
import { compileModel, type ModelSpec, type RunOptions, type RunResult, type SimSpec, type VariableSpec } from '../../../models/engine/index.js';

export function spec(variables: VariableSpec[], sim: Partial<SimSpec> = {}): ModelSpec {
  return { name: 'test', sim: { start: 0, stop: 10, dt: 1, method: 'euler', ...sim }, variables };
}

export const aux = (name: string, equation: string, extra: Partial<VariableSpec> = {}): VariableSpec => ({ name, kind: 'aux', equation, ...extra });
export const flow = (name: string, equation: string, extra: Partial<VariableSpec> = {}): VariableSpec => ({ name, kind: 'flow', equation, ...extra });
export const stock = (name: string, equation: string, inflows: string[] = [], outflows: string[] = [], extra: Partial<VariableSpec> = {}): VariableSpec => ({
  name,
  kind: 'stock',
  equation,
  inflows,
  outflows,
  ...extra,
});

export function run(variables: VariableSpec[], sim: Partial<SimSpec> = {}, options: RunOptions = {}): RunResult {
  return compileModel(spec(variables, sim)).run(options);
}

/** The series of one output variable. */
export function series(r: RunResult, name: string): number[] {
  const i = r.names.indexOf(name);
  if (i < 0) throw new Error(`no output named ${name}`);
  return Array.from(r.series[i]);
}

/** The value of `name` at the saved time nearest to `time`. */
export function at(r: RunResult, name: string, time: number): number {
  let best = 0;
  for (let k = 1; k < r.times.length; k++) if (Math.abs(r.times[k] - time) < Math.abs(r.times[best] - time)) best = k;
  if (Math.abs(r.times[best] - time) > 1e-9) throw new Error(`time ${time} was not saved`);
  return series(r, name)[best];
}

/** The value of one auxiliary equation at time 0 (a model with only that auxiliary). */
export function value(equation: string, others: VariableSpec[] = []): number {
  return at(run([aux('x', equation), ...others], { stop: 0 }), 'x', 0);
}
