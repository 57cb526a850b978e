/**
 * An analysis Web Worker: runs chunks of care-model runs (Monte Carlo samples, tornado swings, attribution
 * coalitions) and reports each finished run for progress.
 */
import { careAnalysisModel } from '../../models/analysis/care-model.js';
import { runChunk } from '../../models/analysis/monte-carlo.js';
import type { AnalysisWorkerReply, AnalysisWorkerRequest } from './protocol.js';

careAnalysisModel.prepare?.();

const post = (reply: AnalysisWorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(reply, transfer);

self.onmessage = (event: MessageEvent<AnalysisWorkerRequest>) => {
  const request = event.data;
  try {
    const result = runChunk(careAnalysisModel, request.task, { onRun: () => post({ type: 'run', id: request.id }) });
    post({ type: 'chunk-done', id: request.id, result }, result.scenarios.flatMap((s) => [s.metrics.buffer, s.series.buffer]));
  } catch (err) {
    post({ type: 'error', id: request.id, message: (err as Error).message });
  }
};
