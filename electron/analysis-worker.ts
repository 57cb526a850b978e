/**
 * A worker thread of the analysis pool: loads the model module named in `workerData.modelModule` (a module that
 * exports `analysisModel`) and runs the Monte Carlo chunks it is sent. Node only; no electron import.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisModel } from '../models/analysis/model.js';
import type { ChunkTask } from '../models/analysis/monte-carlo.js';
import { runChunk } from '../models/analysis/monte-carlo.js';
import type { WorkerReply, WorkerRequest } from './analysis-pool.js';

const port = parentPort;
if (!port) throw new Error('analysis-worker.ts must run as a worker thread');
const { modelModule } = workerData as { modelModule: string };
const loaded = (await import(modelModule)) as { analysisModel?: AnalysisModel<unknown> };
const model = loaded.analysisModel;
if (!model) throw new Error(`${modelModule} does not export analysisModel`);
model.prepare?.();

port.on('message', (message: WorkerRequest) => {
  const { id } = message;
  try {
    const result = runChunk(model, message.task as ChunkTask<unknown>, {
      onRun: () => port.postMessage({ type: 'run', id } satisfies WorkerReply),
    });
    const transfer = result.scenarios.flatMap((s) => [s.metrics.buffer, s.series.buffer]) as ArrayBuffer[];
    port.postMessage({ type: 'done', id, result } satisfies WorkerReply, transfer);
  } catch (err) {
    const error = err as Error;
    port.postMessage({ type: 'error', id, name: error.name, message: error.message } satisfies WorkerReply);
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
