/**
 * The model in a Web Worker, so a slider can move while the model runs. It keeps the last few runs by scenario
 * content, so moving one scenario's slider re-runs that scenario only.
 */
import type { ComparedScenario, ParameterDifference } from '../electron/ipc-contract.js';
import type { Scenario as ScenarioFile } from '../scenarios/scenario.js';
import { compareRuns, effectiveParameters, PARAMETERS, runScenario, SOURCES } from '../models/health-care/index.js';
import type { ScenarioRun } from '../models/health-care/types.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { EvaluatedResponse, EvaluatedScenario, EvaluateRequest, ItemError, WorkerRequest, WorkerResponse } from './worker-protocol.js';

interface Evaluated {
  runKey: string;
  run: ScenarioRun;
  effective: Record<string, number>;
}

const CACHE_LIMIT = 24;
const cache = new Map<string, Evaluated>();

function runKey(scenario: Scenario): string {
  // The run depends only on these fields; the name, notes and tags do not change it.
  const { model, form, parameters, startDate, horizonYears, discountRate } = scenario;
  const sorted = Object.keys(parameters)
    .sort()
    .map((k) => [k, parameters[k]]);
  return JSON.stringify([model, form, sorted, startDate, horizonYears, discountRate]);
}

function evaluateOne(scenario: Scenario): { value: Evaluated; ran: boolean; ms: number } {
  const key = runKey(scenario);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { value: hit, ran: false, ms: 0 };
  }
  const t0 = performance.now();
  const run = runScenario(scenario);
  const ms = performance.now() - t0;
  const value = { runKey: key, run, effective: effectiveParameters(scenario.form, scenario.parameters) };
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return { value, ran: true, ms };
}

function differing(baseline: Record<string, number>, option: Record<string, number>): ParameterDifference[] {
  const out: ParameterDifference[] = [];
  for (const p of PARAMETERS) {
    const b = baseline[p.name];
    const o = option[p.name];
    if (b !== o) out.push({ name: p.name, label: p.label, unit: p.unit, baseline: b, option: o, source: p.source, grade: p.grade });
  }
  return out;
}

function evaluate(request: EvaluateRequest): EvaluatedResponse {
  const errors: ItemError[] = [];
  const done: { key: string; name: string; form: Scenario['form']; value: Evaluated }[] = [];
  let modelMs = 0;
  let ran = 0;
  for (const item of request.items) {
    try {
      const r = evaluateOne(item.scenario);
      modelMs += r.ms;
      if (r.ran) ran += 1;
      done.push({ key: item.key, name: item.name, form: item.scenario.form, value: r.value });
    } catch (error) {
      const e = error as { message?: string; variable?: string; where?: string };
      errors.push({ key: item.key, name: item.name, message: e.message ?? String(error), where: e.where ?? e.variable });
    }
  }
  const base = done[0];
  const known = new Set(request.knownRuns);
  const compared: EvaluatedScenario[] = done.map((d, i) => {
    const cmp = i === 0 || !base ? null : compareRuns(base.value.run, d.value.run);
    const zero = Object.fromEntries(Object.keys(d.value.run.metrics).map((k) => [k, 0])) as ComparedScenario['differences'];
    return {
      id: d.key,
      name: d.name,
      form: d.form,
      runKey: d.value.runKey,
      run: known.has(d.value.runKey) ? null : d.value.run,
      differences: cmp ? cmp.differences : zero,
      breakEvenYear: cmp ? cmp.breakEvenYear : null,
      differingParameters: i === 0 || !base ? [] : differing(base.value.effective, d.value.effective),
    };
  });
  return { type: 'evaluated', requestId: request.requestId, compared, errors, modelMs, ran };
}

/**
 * Compile the model as soon as the worker starts, while the window is still fetching its scenarios, so the first
 * chart waits for one run rather than for compilation too. A one-day run of the defaults is enough.
 */
function warmUp(): void {
  const scenario: ScenarioFile = {
    format: 'joinedup-scenario',
    version: 1,
    name: 'warm-up',
    description: '',
    model: 'health-care',
    form: 'separate',
    parameters: {},
    startDate: '2019-04-01',
    horizonYears: 1 / 365,
    discountRate: 0.035,
    notes: '',
    tags: [],
  };
  try {
    runScenario(scenario);
  } catch {
    // A failed warm-up changes nothing: the first real run compiles and reports any error itself.
  }
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.postMessage({ type: 'sources', requestId: 0, sources: SOURCES });
setTimeout(warmUp, 0);

scope.onmessage = (event) => {
  const request = event.data;
  try {
    switch (request.type) {
      case 'evaluate':
        scope.postMessage(evaluate(request));
        break;
    }
  } catch (error) {
    scope.postMessage({ type: 'failed', requestId: request.requestId, message: (error as Error).message ?? String(error) });
  }
};
