/**
 * The window's side of the model worker. Latest wins: while the worker is busy, a new request replaces the one
 * waiting (which resolves as superseded), so dragging a slider never queues stale runs.
 */
import type { ComparedScenario } from '../electron/ipc-contract.js';
import type { ScenarioRun, SourceInfo } from '../models/health-care/types.js';
import type { EvaluatedResponse, EvaluateItem, WorkerRequest, WorkerResponse } from './worker-protocol.js';

/** The slice of a Worker the client uses, so tests and other hosts can supply their own. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** A finished evaluation: the compared scenarios with their runs, and what failed. */
export interface Evaluated {
  requestId: number;
  compared: ComparedScenario[];
  errors: EvaluatedResponse['errors'];
  modelMs: number;
  ran: number;
}

export type EvaluateOutcome =
  | { kind: 'done'; response: Evaluated }
  | { kind: 'superseded' }
  | { kind: 'failed'; message: string };

interface Waiting {
  items: EvaluateItem[];
  resolve: (outcome: EvaluateOutcome) => void;
}

export class ModelClient {
  private nextId = 1;
  private inFlight: (Waiting & { requestId: number }) | null = null;
  private waiting: Waiting | null = null;
  /** Runs already received, by run key, newest last; the worker does not send these again. */
  private readonly runs = new Map<string, ScenarioRun>();
  private static readonly RUNS_KEPT = 24;
  private sourceList: SourceInfo[] | null = null;
  private readonly sourceListeners = new Set<(sources: SourceInfo[]) => void>();

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      const message = `The model worker stopped: ${event.message || 'unknown error'}`;
      this.inFlight?.resolve({ kind: 'failed', message });
      this.inFlight = null;
      this.pump();
    };
  }

  /** Run and compare the items (the first is the baseline). */
  evaluate(items: EvaluateItem[]): Promise<EvaluateOutcome> {
    return new Promise((resolve) => {
      this.waiting?.resolve({ kind: 'superseded' });
      this.waiting = { items, resolve };
      this.pump();
    });
  }

  /** Call `listener` with the model's source citations once the worker has sent them; returns an unsubscribe. */
  onSources(listener: (sources: SourceInfo[]) => void): () => void {
    if (this.sourceList) listener(this.sourceList);
    else this.sourceListeners.add(listener);
    return () => this.sourceListeners.delete(listener);
  }

  dispose(): void {
    this.worker.terminate();
    this.inFlight?.resolve({ kind: 'superseded' });
    this.waiting?.resolve({ kind: 'superseded' });
    this.inFlight = null;
    this.waiting = null;
  }

  private pump(): void {
    if (this.inFlight || !this.waiting) return;
    const requestId = this.nextId++;
    this.inFlight = { ...this.waiting, requestId };
    this.waiting = null;
    this.worker.postMessage({ type: 'evaluate', requestId, items: this.inFlight.items, knownRuns: [...this.runs.keys()] });
  }

  /** Put the runs back into the worker's answer, from the answer itself or from the runs already held. */
  private complete(response: EvaluatedResponse): EvaluateOutcome {
    const compared: ComparedScenario[] = [];
    for (const item of response.compared) {
      const { runKey, run: sent, ...rest } = item;
      const run = sent ?? this.runs.get(runKey);
      if (!run) return { kind: 'failed', message: `The run of “${item.name}” went missing between the worker and the window.` };
      this.runs.delete(runKey);
      this.runs.set(runKey, run);
      compared.push({ ...rest, run });
    }
    while (this.runs.size > ModelClient.RUNS_KEPT) this.runs.delete(this.runs.keys().next().value as string);
    const { requestId, errors, modelMs, ran } = response;
    return { kind: 'done', response: { requestId, compared, errors, modelMs, ran } };
  }

  private receive(response: WorkerResponse): void {
    if (response.type === 'sources') {
      this.sourceList = response.sources;
      for (const listener of this.sourceListeners) listener(response.sources);
      this.sourceListeners.clear();
      return;
    }
    const current = this.inFlight;
    if (!current || current.requestId !== response.requestId) return;
    this.inFlight = null;
    if (response.type === 'evaluated') {
      // Drawn even when a newer request waits, so the charts follow a drag; the waiting one goes next.
      current.resolve(this.complete(response));
    } else {
      current.resolve({ kind: 'failed', message: response.message });
    }
    this.pump();
  }
}
