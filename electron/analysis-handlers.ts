/**
 * Handlers for the analysis channels (uncertainty report, briefing), shared by the Electron main process, the
 * browser host and tests. No electron import. Each takes `unknown` (untrusted), checks it field by field, and
 * returns a `Result`; nothing is thrown across.
 *
 * Their channels (`analysis:uncertainty`, `analysis:brief`, `analysis:cancel`) are in the IPC contract, and
 * `createHandlers` (electron/handlers.ts) merges these handlers into the one `Handlers` object every front end registers.
 */
import { OPTIMISM_BIAS_GUIDANCE, checkOptimismBias } from '../models/analysis/appraisal.js';
import type { BriefingOption } from '../models/analysis/briefing.js';
import { buildBriefingHtml } from '../models/analysis/briefing.js';
import { briefingScenario, differingParameters } from '../models/analysis/briefing-input.js';
import { careAnalysisModel } from '../models/analysis/care-model.js';
import type { ChunkExecutor } from '../models/analysis/monte-carlo.js';
import { AnalysisCancelled, inlineExecutor } from '../models/analysis/monte-carlo.js';
import type { UncertaintyReport } from '../models/analysis/uncertainty.js';
import { MAX_RUNS, analyseUncertainty } from '../models/analysis/uncertainty.js';
import { HLE_CAVEAT, PARAMETERS, SOURCES } from '../models/health-care/index.js';
import { formatParseErrors, parseScenario } from '../scenarios/parse.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { ScenarioStore } from '../scenarios/store.js';
import { RequestError, toApiError } from './handlers.js';
import type { BriefResponse, CancelResponse } from './analysis-contract.js';
import type { ApiError, Result } from './ipc-contract.js';

export type { BriefRequest, BriefResponse, CancelRequest, CancelResponse, UncertaintyRequest } from './analysis-contract.js';

export interface AnalysisHandlerDeps {
  store(): ScenarioStore;
  /** Where runs happen: a worker-thread pool in Electron and the browser host; the calling thread otherwise. */
  executor?: () => ChunkExecutor;
  /** Prints the briefing HTML to PDF bytes; without it `analysis:brief` returns the HTML only. */
  renderPdf?: (html: string) => Promise<Uint8Array>;
  /** Today, for the briefing's date (tests pass a fixed one). */
  now?: () => Date;
}

export const DEFAULT_BRIEF_RUNS = 500;
export const MAX_BRIEF_OPTIONS = 3;
const MAX_ID = 200;

function fail(err: unknown, channel: string): { ok: false; error: ApiError } {
  if (err instanceof AnalysisCancelled) return { ok: false, error: { code: 'cancelled', message: 'the analysis was cancelled' } };
  if (err instanceof RangeError) return { ok: false, error: { code: 'invalid-request', message: err.message } };
  return { ok: false, error: toApiError(err, channel) };
}

function object(request: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) throw new RequestError('request', 'expected an object');
  const r = request as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!allowed.includes(key)) throw new RequestError(key, `unknown field (allowed: ${allowed.join(', ')})`);
  return r;
}

function text(r: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const v = r[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_ID) throw new RequestError(key, `expected a non-empty text of at most ${MAX_ID} characters`);
  return v;
}

function whole(r: Record<string, unknown>, key: string, min: number, max: number, fallback?: number): number {
  const v = r[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new RequestError(key, `expected a whole number from ${min} to ${max}`);
  return v;
}

function flag(r: Record<string, unknown>, key: string): boolean | undefined {
  const v = r[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new RequestError(key, 'expected true or false');
  return v;
}

function bias(r: Record<string, unknown>): number | undefined {
  const v = r.optimismBias;
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw new RequestError('optimismBias', 'expected a number');
  try {
    checkOptimismBias(v);
  } catch (err) {
    throw new RequestError('optimismBias', (err as Error).message);
  }
  return v;
}

function checkModel(s: Scenario, where: string): Scenario {
  if (s.model !== careAnalysisModel.id) {
    throw new RequestError(`${where}.model`, `uncertainty analysis needs the built-in ${careAnalysisModel.id} model; this scenario runs "${s.model}"`, 'model-error');
  }
  return s;
}

export function createAnalysisHandlers(deps: AnalysisHandlerDeps) {
  const running = new Map<string, AbortController>();
  const executor = () => deps.executor?.() ?? inlineExecutor(careAnalysisModel);

  const scenarioFrom = (r: Record<string, unknown>, idKey: string, valueKey: string, required: boolean): Scenario | undefined => {
    const id = text(r, idKey, false);
    const value = r[valueKey];
    if (id !== undefined && value !== undefined) throw new RequestError(valueKey, `give ${idKey} or ${valueKey}, not both`);
    if (id !== undefined) return checkModel(deps.store().get(id).scenario, idKey);
    if (value !== undefined) {
      const parsed = parseScenario(value, valueKey, PARAMETERS);
      if (!parsed.ok) throw new RequestError(`${valueKey}.${parsed.errors[0]?.where ?? ''}`, formatParseErrors(parsed.errors), 'invalid-scenario');
      return checkModel(parsed.scenario, valueKey);
    }
    if (required) throw new RequestError(idKey, `give ${idKey} (a saved scenario) or ${valueKey} (a scenario)`);
    return undefined;
  };

  const track = async <T>(requestId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    if (requestId !== undefined) {
      if (running.has(requestId)) throw new RequestError('requestId', 'a request with this id is already running', 'conflict');
      running.set(requestId, controller);
    }
    try {
      return await work(controller.signal);
    } finally {
      if (requestId !== undefined) running.delete(requestId);
    }
  };

  return {
    async 'analysis:uncertainty'(request: unknown): Promise<Result<UncertaintyReport>> {
      try {
        const r = object(request, ['optionId', 'option', 'baselineId', 'baseline', 'runs', 'seed', 'optimismBias', 'tornado', 'attribution', 'requestId']);
        const option = scenarioFrom(r, 'optionId', 'option', true)!;
        const baseline = scenarioFrom(r, 'baselineId', 'baseline', false);
        const runs = whole(r, 'runs', 2, MAX_RUNS);
        const seed = whole(r, 'seed', 0, Number.MAX_SAFE_INTEGER);
        const optimismBias = bias(r);
        const tornado = flag(r, 'tornado');
        const attribution = flag(r, 'attribution');
        const requestId = text(r, 'requestId', false);
        const value = await track(requestId, (signal) =>
          analyseUncertainty(careAnalysisModel, option, baseline, { runs, seed, optimismBias, tornado, attribution, signal, executor: executor() }),
        );
        return { ok: true, value };
      } catch (err) {
        return fail(err, 'analysis:uncertainty');
      }
    },

    async 'analysis:brief'(request: unknown): Promise<Result<BriefResponse>> {
      try {
        const r = object(request, ['baselineId', 'optionIds', 'runs', 'seed', 'optimismBias', 'requestId']);
        const baseline = scenarioFrom(r, 'baselineId', 'baseline', true)!;
        const ids = r.optionIds;
        if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_BRIEF_OPTIONS) {
          throw new RequestError('optionIds', `expected a list of 1 to ${MAX_BRIEF_OPTIONS} saved scenario ids`);
        }
        const options = ids.map((id, i) => {
          if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID) throw new RequestError(`optionIds[${i}]`, `expected a saved scenario id`);
          return checkModel(deps.store().get(id).scenario, `optionIds[${i}]`);
        });
        const runs = whole(r, 'runs', 2, MAX_RUNS, DEFAULT_BRIEF_RUNS);
        const seed = whole(r, 'seed', 0, Number.MAX_SAFE_INTEGER, 1);
        const optimismBias = bias(r);
        const requestId = text(r, 'requestId', false);
        const value = await track(requestId, async (signal) => {
          const briefingOptions: BriefingOption[] = [];
          for (const option of options) {
            const report = await analyseUncertainty(careAnalysisModel, option, baseline, { runs, seed, optimismBias, signal, executor: executor() });
            briefingOptions.push({ scenario: briefingScenario(option), report, differingParameters: differingParameters(baseline, option) });
          }
          const html = buildBriefingHtml({
            dateText: (deps.now?.() ?? new Date()).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
            baseline: briefingScenario(baseline),
            options: briefingOptions,
            sources: [...SOURCES, OPTIMISM_BIAS_GUIDANCE.citation],
            hleCaveat: HLE_CAVEAT,
            command: `runs ${runs}, seed ${seed}${optimismBias === undefined ? '' : `, optimism bias ${optimismBias}`}`,
          });
          const fileName = `${safeFileName(`JoinedUp briefing - ${options.map((o) => o.name).join(', ')}`)}.pdf`;
          const pdf = deps.renderPdf ? await deps.renderPdf(html) : undefined;
          return { fileName, html, ...(pdf ? { pdfBase64: toBase64(pdf) } : {}) };
        });
        return { ok: true, value };
      } catch (err) {
        return fail(err, 'analysis:brief');
      }
    },

    async 'analysis:cancel'(request: unknown): Promise<Result<CancelResponse>> {
      try {
        const r = object(request, ['requestId']);
        const requestId = text(r, 'requestId', true)!;
        const controller = running.get(requestId);
        controller?.abort();
        return { ok: true, value: { cancelled: controller !== undefined } };
      } catch (err) {
        return fail(err, 'analysis:cancel');
      }
    },
  };
}

export type AnalysisHandlers = ReturnType<typeof createAnalysisHandlers>;

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'JoinedUp briefing';
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
