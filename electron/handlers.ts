/**
 * The handlers behind every channel of the IPC contract, shared by the Electron main process, the browser host and
 * the command line. No electron import. Each handler takes `unknown` (a request from a renderer is untrusted),
 * checks it field by field, and returns a `Result`: it never throws across, since a thrown error crossing IPC keeps
 * only its message.
 */
import { ModelError } from '../models/engine/api.js';
import type { MetricKey, OrganisationalForm, ParameterInfo, ScenarioRun } from '../models/health-care/types.js';
import { formatParseErrors, parseScenario, parseScenarioFileText, type ParseError } from '../scenarios/parse.js';
import type { Scenario } from '../scenarios/scenario.js';
import { runCacheKey, StoreError, type ScenarioStore } from '../scenarios/store.js';
import { createAnalysisHandlers, type AnalysisHandlerDeps } from './analysis-handlers.js';
import type {
  ApiError,
  Channel,
  ComparedScenario,
  Handlers,
  ImportConflictPolicy,
  ModelDescription,
  ParameterDifference,
  ResponseOf,
  Result,
} from './ipc-contract.js';

/** What the handlers need from the care model; `electron/app-deps.ts` adapts models/health-care to it. */
export interface ModelService {
  /** The built-in model id scenarios name in their `model` field (`health-care`). */
  readonly modelId: string;
  readonly modelVersion: string;
  readonly parameters: readonly ParameterInfo[];
  describe(): ModelDescription;
  run(scenario: Scenario): ScenarioRun;
  compare(baseline: ScenarioRun, option: ScenarioRun): { differences: Record<MetricKey, number>; breakEvenYear: number | null };
  effectiveParameters(form: OrganisationalForm, overrides: Record<string, number>): Record<string, number>;
}

export interface HandlerDeps {
  app: { name: string; version: string };
  databasePath: string;
  /** The open store. May throw a `StoreError` (a damaged or newer database), which each handler reports. */
  store(): ScenarioStore;
  model: ModelService;
  /**
   * Where the analysis channels run their Monte Carlo chunks (a worker-thread pool; the calling thread without
   * one) and how they print the briefing (without `renderPdf`, `analysis:brief` returns the HTML only).
   */
  analysis?: Omit<AnalysisHandlerDeps, 'store'>;
}

/** Limits on request fields; the scenario parser has its own for scenario content. */
const MAX_ID = 200;
const MAX_QUERY = 200;
const MAX_NOTES = 50_000;
const MAX_TAGS = 50;
const MAX_EXPORT = 20_000;
const MAX_COMPARE_OPTIONS = 20;
const MAX_FILE_NAME = 500;
const POLICIES: readonly ImportConflictPolicy[] = ['fail', 'copy', 'replace'];

/** A request that fails its check; caught inside `handle` and returned as `invalid-request` (see `toApiError`). */
export class RequestError extends Error {
  constructor(
    readonly where: string,
    message: string,
    readonly code = 'invalid-request',
  ) {
    super(message);
  }
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const register = () => deps.model.parameters;

  const parseOrThrow = (value: unknown, where: string): Scenario => {
    const parsed = parseScenario(value, undefined, register());
    if (!parsed.ok) throw scenarioError(parsed.errors, where);
    return parsed.scenario;
  };

  /** Run a stored scenario through the cache: a hit never re-runs; the key includes the model version. */
  const runStored = (store: ScenarioStore, scenario: Scenario): ScenarioRun => {
    checkRunnable(scenario, deps.model);
    const key = runCacheKey(deps.model.modelVersion, scenario);
    const cached = store.getCachedRun(key, deps.model.modelVersion);
    if (cached) return cached;
    const run = deps.model.run(scenario);
    store.putCachedRun(key, deps.model.modelVersion, run);
    return run;
  };

  const differingParameters = (baseline: Scenario, option: Scenario): ParameterDifference[] => {
    const a = deps.model.effectiveParameters(baseline.form, baseline.parameters);
    const b = deps.model.effectiveParameters(option.form, option.parameters);
    return deps.model.parameters
      .filter((p) => a[p.name] !== b[p.name])
      .map((p) => ({ name: p.name, label: p.label, unit: p.unit, baseline: a[p.name], option: b[p.name], source: p.source, grade: p.grade }));
  };

  const analysis = createAnalysisHandlers({ ...deps.analysis, store: deps.store });

  return {
    'app:info': handle('app:info', (req) => {
      fields(req, []);
      return { name: deps.app.name, version: deps.app.version, modelVersion: deps.model.modelVersion, databasePath: deps.databasePath };
    }),

    'scenarios:list': handle('scenarios:list', (req) => {
      const r = fields(req, ['search', 'tag', 'includeDeleted']);
      return deps.store().list({
        search: optionalString(r, 'search', MAX_QUERY),
        tag: optionalString(r, 'tag', MAX_QUERY),
        includeDeleted: optionalBoolean(r, 'includeDeleted'),
      });
    }),

    'scenarios:get': handle('scenarios:get', (req) => deps.store().get(id(fields(req, ['id'])))),

    'scenarios:save': handle('scenarios:save', (req) => {
      const r = fields(req, ['id', 'scenario']);
      const existing = r.id === undefined ? undefined : id(r);
      if (r.scenario === undefined) throw new RequestError('scenario', 'missing: the scenario to save');
      return deps.store().save(parseOrThrow(r.scenario, 'scenario'), existing);
    }),

    'scenarios:duplicate': handle('scenarios:duplicate', (req) => {
      const r = fields(req, ['id', 'name']);
      return deps.store().duplicate(id(r), optionalString(r, 'name', MAX_QUERY));
    }),

    'scenarios:rename': handle('scenarios:rename', (req) => {
      const r = fields(req, ['id', 'name']);
      return deps.store().rename(id(r), requiredString(r, 'name', MAX_QUERY));
    }),

    'scenarios:delete': handle('scenarios:delete', (req) => deps.store().delete(id(fields(req, ['id'])))),

    'scenarios:restore': handle('scenarios:restore', (req) => deps.store().restore(id(fields(req, ['id'])))),

    'scenarios:setNotes': handle('scenarios:setNotes', (req) => {
      const r = fields(req, ['id', 'notes']);
      return deps.store().setNotes(id(r), requiredString(r, 'notes', MAX_NOTES));
    }),

    'scenarios:setTags': handle('scenarios:setTags', (req) => {
      const r = fields(req, ['id', 'tags']);
      return deps.store().setTags(id(r), stringArray(r, 'tags', MAX_TAGS, MAX_QUERY));
    }),

    'scenarios:import': handle('scenarios:import', (req) => {
      const r = fields(req, ['text', 'fileName', 'onConflict']);
      if (typeof r.text !== 'string') throw new RequestError('text', `expected the file's text, got ${kind(r.text)}`);
      const fileName = optionalString(r, 'fileName', MAX_FILE_NAME);
      const policy = r.onConflict ?? 'fail';
      if (typeof policy !== 'string' || !(POLICIES as readonly string[]).includes(policy)) {
        throw new RequestError('onConflict', `expected one of ${POLICIES.join(', ')}, got ${kind(policy)}`);
      }
      const parsed = parseScenarioFileText(r.text, fileName, register());
      if (!parsed.ok) throw scenarioError(parsed.errors);
      return deps.store().import(parsed.scenarios, policy as ImportConflictPolicy);
    }),

    'scenarios:export': handle('scenarios:export', (req) => {
      const r = fields(req, ['ids']);
      const ids = stringArray(r, 'ids', MAX_EXPORT, MAX_ID);
      if (ids.length === 0) throw new RequestError('ids', 'expected at least one scenario id');
      return deps.store().export(ids);
    }),

    'model:describe': handle('model:describe', (req) => {
      const r = fields(req, ['model']);
      const model = optionalString(r, 'model', MAX_ID);
      if (model !== undefined && model !== deps.model.modelId) {
        throw new RequestError('model', `no built-in model ${JSON.stringify(model)} (built in: ${deps.model.modelId})`, 'not-found');
      }
      return deps.model.describe();
    }),

    'run:scenario': handle('run:scenario', (req) => {
      const r = fields(req, ['id', 'scenario']);
      if ((r.id === undefined) === (r.scenario === undefined)) {
        throw new RequestError(r.id === undefined ? 'id' : 'scenario', 'give either the id of a saved scenario or a scenario, not both');
      }
      if (r.id !== undefined) {
        const store = deps.store();
        return runStored(store, store.get(id(r)).scenario);
      }
      const scenario = parseOrThrow(r.scenario, 'scenario');
      checkRunnable(scenario, deps.model);
      return deps.model.run(scenario);
    }),

    'run:compare': handle('run:compare', (req) => {
      const r = fields(req, ['baselineId', 'optionIds']);
      const baselineId = requiredString(r, 'baselineId', MAX_ID);
      const optionIds = stringArray(r, 'optionIds', MAX_COMPARE_OPTIONS, MAX_ID);
      const store = deps.store();
      const baseline = store.get(baselineId);
      const baselineRun = runStored(store, baseline.scenario);
      const self = deps.model.compare(baselineRun, baselineRun);
      const scenarios: ComparedScenario[] = [
        {
          id: baseline.id,
          name: baseline.name,
          form: baseline.form,
          run: baselineRun,
          differences: self.differences,
          breakEvenYear: null,
          differingParameters: [],
        },
      ];
      for (const optionId of optionIds) {
        const option = store.get(optionId);
        const run = runStored(store, option.scenario);
        const compared = deps.model.compare(baselineRun, run);
        scenarios.push({
          id: option.id,
          name: option.name,
          form: option.form,
          run,
          differences: compared.differences,
          breakEvenYear: compared.breakEvenYear,
          differingParameters: differingParameters(baseline.scenario, option.scenario),
        });
      }
      return { baselineId: baseline.id, scenarios };
    }),

    'analysis:uncertainty': analysis['analysis:uncertainty'],
    'analysis:brief': analysis['analysis:brief'],
    'analysis:cancel': analysis['analysis:cancel'],
  };
}

/** Wrap a handler body so any failure becomes an `ApiError` value; nothing is thrown across. */
function handle<C extends Channel>(channel: C, body: (request: unknown) => ResponseOf<C>): (request: unknown) => Promise<Result<ResponseOf<C>>> {
  return async (request) => {
    try {
      return { ok: true, value: body(request) };
    } catch (err) {
      return { ok: false, error: toApiError(err, channel) };
    }
  };
}

/** Map anything thrown to an `ApiError` with a stable code. Exported for the front ends' own failures. */
export function toApiError(err: unknown, channel?: string): ApiError {
  if (err instanceof RequestError) return { code: err.code, message: err.message, where: err.where };
  if (err instanceof StoreError) {
    const code = err.code === 'invalid-scenario' ? 'invalid-scenario' : err.code;
    return { code, message: err.message, ...(err.where ? { where: err.where } : {}) };
  }
  if (err instanceof ModelError) {
    return { code: 'model-error', message: err.message, ...(err.variable || err.file ? { where: err.variable ?? err.file } : {}) };
  }
  const message = err instanceof Error ? err.message : String(err);
  const refused = (err as { name?: unknown; errors?: unknown }).errors;
  if (err instanceof Error && err.name === 'ScenarioParameterError' && Array.isArray(refused)) {
    const first = refused[0] as { name?: unknown } | undefined;
    return { code: 'invalid-scenario', message, ...(typeof first?.name === 'string' ? { where: `parameters.${first.name}` } : {}) };
  }
  // A failure while simulating is the model's, not the app's: the window shows it as a model error.
  if (channel?.startsWith('run:')) return { code: 'model-error', message: `${channel} failed: ${message}` };
  return { code: 'internal', message: channel ? `${channel} failed: ${message}` : message };
}

/** Every parse error in one message (each naming its file and field); `where` is the first field, under `prefix`. */
function scenarioError(errors: ParseError[], prefix?: string): StoreError {
  const first = errors[0]?.where ?? 'file';
  return new StoreError('invalid-scenario', formatParseErrors(errors), prefix ? `${prefix}.${first}` : first, errors);
}

function checkRunnable(scenario: Scenario, model: ModelService): void {
  if (scenario.model !== model.modelId) {
    throw new RequestError(
      'scenario.model',
      `only the built-in model "${model.modelId}" runs here; run an XMILE model (${scenario.model}) with "joinedup run"`,
      'model-error',
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Request checks

function fields(request: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (request === undefined || request === null) {
    if (allowed.length === 0) return {};
    request = {};
  }
  if (typeof request !== 'object' || Array.isArray(request)) throw new RequestError('request', `expected an object, got ${kind(request)}`);
  const r = request as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!allowed.includes(key)) {
      throw new RequestError(key, `unknown field${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (this request takes none)'}`);
    }
  }
  return r;
}

function id(r: Record<string, unknown>): string {
  return requiredString(r, 'id', MAX_ID);
}

function requiredString(r: Record<string, unknown>, key: string, max: number): string {
  const v = r[key];
  if (typeof v !== 'string') throw new RequestError(key, `expected text, got ${kind(v)}`);
  if (v.length > max) throw new RequestError(key, `too long (${v.length} characters; the limit is ${max})`);
  return v;
}

function optionalString(r: Record<string, unknown>, key: string, max: number): string | undefined {
  return r[key] === undefined ? undefined : requiredString(r, key, max);
}

function optionalBoolean(r: Record<string, unknown>, key: string): boolean | undefined {
  const v = r[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new RequestError(key, `expected true or false, got ${kind(v)}`);
  return v;
}

function stringArray(r: Record<string, unknown>, key: string, maxItems: number, maxLength: number): string[] {
  const v = r[key];
  if (!Array.isArray(v)) throw new RequestError(key, `expected an array of text, got ${kind(v)}`);
  if (v.length > maxItems) throw new RequestError(key, `too many items (${v.length}; the limit is ${maxItems})`);
  return v.map((item, i) => {
    if (typeof item !== 'string') throw new RequestError(`${key}[${i}]`, `expected text, got ${kind(item)}`);
    if (item.length > maxLength) throw new RequestError(`${key}[${i}]`, `too long (the limit is ${maxLength} characters)`);
    return item;
  });
}

function kind(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return 'text';
  return `${typeof v === 'object' ? 'an' : 'a'} ${typeof v}`;
}
