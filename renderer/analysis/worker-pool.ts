/**
 * A pool of analysis Web Workers as a `ChunkExecutor` (one per logical core, at most 8). Cancel terminates the
 * busy workers; fresh ones start on the next request.
 */
import type { ChunkExecutor, ChunkHooks, ChunkResult, ChunkTask } from '../../models/analysis/monte-carlo.js';
import { AnalysisCancelled } from '../../models/analysis/monte-carlo.js';
import type { Scenario } from '../../scenarios/scenario.js';
import type { AnalysisWorkerReply, AnalysisWorkerRequest } from './protocol.js';

/** The part of a Worker the pool uses (so tests can pass a fake). */
export interface WorkerLike {
  postMessage(message: AnalysisWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: AnalysisWorkerReply }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: AnalysisWorkerReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  removeEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface AnalysisWorkerPool extends ChunkExecutor {
  close(): void;
}

type Signal = { aborted: boolean; addEventListener?(type: 'abort', fn: () => void): void; removeEventListener?(type: 'abort', fn: () => void): void };

export function createWorkerPool(spawn: () => WorkerLike, size: number): AnalysisWorkerPool {
  const idle: WorkerLike[] = [];
  const all = new Set<WorkerLike>();
  const waiting: ((w: WorkerLike) => void)[] = [];
  let nextId = 1;

  const acquire = (): Promise<WorkerLike> => {
    const w = idle.pop();
    if (w) return Promise.resolve(w);
    if (all.size < size) {
      const fresh = spawn();
      all.add(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (w: WorkerLike) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const discard = (w: WorkerLike) => {
    w.terminate();
    all.delete(w);
    const next = waiting.shift();
    if (next) {
      const fresh = spawn();
      all.add(fresh);
      next(fresh);
    }
  };

  function request<T>(build: (id: number) => AnalysisWorkerRequest, done: AnalysisWorkerReply['type'], hooks: { onRun?: () => void; signal?: Signal }): Promise<T> {
    if (hooks.signal?.aborted) return Promise.reject(new AnalysisCancelled());
    return acquire().then(
      (worker) =>
        new Promise<T>((resolve, reject) => {
          const id = nextId++;
          let settled = false;
          const finish = (keep: boolean, fn: () => void) => {
            if (settled) return;
            settled = true;
            worker.removeEventListener('message', onMessage);
            worker.removeEventListener('error', onError);
            hooks.signal?.removeEventListener?.('abort', onAbort);
            if (keep) release(worker);
            else discard(worker);
            fn();
          };
          const onAbort = () => finish(false, () => reject(new AnalysisCancelled()));
          const onError = (e: { message?: string }) => finish(false, () => reject(new Error(e.message ?? 'an analysis worker failed')));
          const onMessage = (event: { data: AnalysisWorkerReply }) => {
            const reply = event.data;
            if (reply.id !== id) return;
            if (reply.type === 'run') {
              if (hooks.signal?.aborted) onAbort();
              else hooks.onRun?.();
            } else if (reply.type === 'error') finish(true, () => reject(new Error(reply.message)));
            else if (reply.type === done) finish(true, () => resolve((reply as unknown as { result: T }).result));
          };
          worker.addEventListener('message', onMessage);
          worker.addEventListener('error', onError);
          hooks.signal?.addEventListener?.('abort', onAbort);
          worker.postMessage(build(id));
        }),
    );
  }

  return {
    concurrency: size,
    execute<S>(task: ChunkTask<S>, hooks: ChunkHooks): Promise<ChunkResult> {
      return request<ChunkResult>((id) => ({ type: 'chunk', id, task: task as unknown as ChunkTask<Scenario> }), 'chunk-done', hooks);
    },
    close() {
      for (const w of all) w.terminate();
      all.clear();
      idle.length = 0;
    },
  };
}
