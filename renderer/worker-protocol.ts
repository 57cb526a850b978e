/**
 * Messages between the window and the model worker: tagged unions, each request with an id the response echoes.
 * Errors cross as data.
 */
import type { ComparedScenario } from '../electron/ipc-contract.js';
import type { ScenarioRun, SourceInfo } from '../models/health-care/types.js';
import type { Scenario } from '../scenarios/scenario.js';

export interface EvaluateItem {
  /** The scenario's id in the comparison (a saved id, or a draft's key). */
  key: string;
  name: string;
  scenario: Scenario;
}

/** Run every scenario (cached by content) and compare each with the first, the baseline. */
export interface EvaluateRequest {
  type: 'evaluate';
  requestId: number;
  items: EvaluateItem[];
  /** Run keys the window already holds: those runs are not sent back (copying runs between threads costs time). */
  knownRuns: string[];
}

export type WorkerRequest = EvaluateRequest;

export interface ItemError {
  key: string;
  name: string;
  message: string;
  where?: string;
}

/** A compared scenario as the worker sends it: the run only when the window does not hold it already. */
export type EvaluatedScenario = Omit<ComparedScenario, 'run'> & { runKey: string; run: ScenarioRun | null };

export interface EvaluatedResponse {
  type: 'evaluated';
  requestId: number;
  /** In request order; `id` is the item's key. Items that failed are left out and listed in `errors`. */
  compared: EvaluatedScenario[];
  errors: ItemError[];
  /** Milliseconds spent running the model (not comparing or posting), for the benchmark. */
  modelMs: number;
  /** How many of the items were run rather than found in the cache. */
  ran: number;
}

export interface FailedResponse {
  type: 'failed';
  requestId: number;
  message: string;
}

/** Sent once when the worker starts: the citations behind the parameters' source keys. */
export interface SourcesMessage {
  type: 'sources';
  requestId: 0;
  sources: SourceInfo[];
}

export type WorkerResponse = EvaluatedResponse | FailedResponse | SourcesMessage;
