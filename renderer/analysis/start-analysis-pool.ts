/** Start the window's pool of analysis Web Workers (one per logical core, at most 8). */
import type { AnalysisWorkerPool, WorkerLike } from './worker-pool.js';
import { createWorkerPool } from './worker-pool.js';

export function startAnalysisPool(): AnalysisWorkerPool {
  const size = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
  return createWorkerPool(
    () => new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name: 'joinedup-analysis' }) as unknown as WorkerLike,
    size,
  );
}
