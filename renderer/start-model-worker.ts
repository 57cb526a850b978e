import { ModelClient, type WorkerLike } from './model-client.js';

/** Start the model worker bundled with the window. */
export function startModelClient(): ModelClient {
  const worker = new Worker(new URL('./model-worker.ts', import.meta.url), { type: 'module', name: 'joinedup-model' });
  return new ModelClient(worker as unknown as WorkerLike);
}
