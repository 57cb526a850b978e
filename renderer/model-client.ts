/**
 * The window's side of the model worker. Latest wins: while the worker is busy, a new request replaces the one
 * waiting (which resolves as superseded), so dragging a slider never queues stale runs.
 */
import type { EvaluatedResponse, EvaluateItem, WorkerRequest, WorkerResponse } from './worker-protocol.js';

/** The slice of a Worker the client uses, so tests and other hosts can supply their own. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

export type EvaluateOutcome =
  | { kind: 'done'; response: EvaluatedResponse }
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
    this.worker.postMessage({ type: 'evaluate', requestId, items: this.inFlight.items });
  }

  private receive(response: WorkerResponse): void {
    const current = this.inFlight;
    if (!current || current.requestId !== response.requestId) return;
    this.inFlight = null;
    if (response.type === 'evaluated') {
      // Drawn even when a newer request waits, so the charts follow a drag; the waiting one goes next.
      current.resolve({ kind: 'done', response });
    } else {
      current.resolve({ kind: 'failed', message: response.message });
    }
    this.pump();
  }
}
