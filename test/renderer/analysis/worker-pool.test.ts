import { describe, expect, it } from 'vitest';
import { AnalysisCancelled, runChunk } from '../../../models/analysis/monte-carlo.js';
import { analyseUncertainty } from '../../../models/analysis/uncertainty.js';
import type { AnalysisWorkerReply, AnalysisWorkerRequest } from '../../../renderer/analysis/protocol.js';
import type { WorkerLike } from '../../../renderer/analysis/worker-pool.js';
import { createWorkerPool } from '../../../renderer/analysis/worker-pool.js';
import { standInModel, standInScenario } from '../../models/analysis/stand-in-model.js';

/** A fake Web Worker that runs chunks of the stand-in model asynchronously, as the real worker runs the care model. */
class FakeWorker implements WorkerLike {
  static spawned = 0;
  static terminated = 0;
  private listeners = new Set<(event: { data: AnalysisWorkerReply }) => void>();
  constructor() {
    FakeWorker.spawned++;
  }
  postMessage(message: AnalysisWorkerRequest): void {
    setTimeout(() => {
      const result = runChunk(standInModel as never, message.task as never, { onRun: () => this.emit({ type: 'run', id: message.id }) });
      this.emit({ type: 'chunk-done', id: message.id, result });
    }, 1);
  }
  private emit(data: AnalysisWorkerReply) {
    for (const l of [...this.listeners]) l({ data });
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.listeners.add(listener as never);
  }
  removeEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.listeners.delete(listener as never);
  }
  terminate(): void {
    FakeWorker.terminated++;
    this.listeners.clear();
  }
}

describe('Web Worker pool', () => {
  const separate = standInScenario();
  const combined = standInScenario({ name: 'Combined', form: 'combined' });

  it('gives the same report as the window’s own thread, with up to `size` workers', async () => {
    const pool = createWorkerPool(() => new FakeWorker(), 3);
    const pooled = await analyseUncertainty(standInModel, combined, separate, { runs: 24, seed: 6, executor: pool, chunkSize: 3 });
    const inline = await analyseUncertainty(standInModel, combined, separate, { runs: 24, seed: 6 });
    expect(pooled).toEqual(inline);
    expect(FakeWorker.spawned).toBeLessThanOrEqual(3);
    pool.close();
  });

  it('cancels: busy workers are terminated and the run rejects', async () => {
    const pool = createWorkerPool(() => new FakeWorker(), 2);
    const controller = new AbortController();
    const before = FakeWorker.terminated;
    const running = analyseUncertainty(standInModel, combined, separate, {
      runs: 200,
      seed: 1,
      executor: pool,
      chunkSize: 10,
      signal: controller.signal,
      onProgress: (p) => p.done === 5 && controller.abort(),
    });
    await expect(running).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(FakeWorker.terminated).toBeGreaterThan(before);
    pool.close();
  });
});
