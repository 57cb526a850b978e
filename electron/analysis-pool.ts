/**
 * Runs Monte Carlo chunks across worker threads (one per core by default), as a `ChunkExecutor`, with progress
 * (one message per run) and cancel (a cancelled chunk's worker is terminated and replaced on next use).
 *
 * Workers run the TypeScript sources through tsx when this file is itself TypeScript (the CLI, vitest);
 * a compiled build runs the compiled worker. Node only; no electron import.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkExecutor, ChunkHooks, ChunkResult, ChunkTask } from '../models/analysis/monte-carlo.js';
import { AnalysisCancelled } from '../models/analysis/monte-carlo.js';

export type WorkerRequest = { id: number; task: ChunkTask<unknown> };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'run'; id: number }
  | { type: 'done'; id: number; result: ChunkResult }
  | { type: 'error'; id: number; name: string; message: string };

export interface AnalysisPoolOptions {
  /** Number of worker threads; defaults to os.availableParallelism(). */
  size?: number;
  /** URL of a module exporting `analysisModel`; defaults to the care model's adapter. */
  modelModule?: string;
}

export interface AnalysisPool extends ChunkExecutor {
  readonly size: number;
  /**
   * Starts every worker and waits until each has loaded the model (importing mathjs and the model takes a second
   * or more per worker), so that later runs measure work, not start-up. Optional: workers also start on demand.
   */
  warm(): Promise<void>;
  /** Terminates every worker. The pool can be used again afterwards (workers start on demand). */
  close(): Promise<void>;
}

const isTypeScript = import.meta.url.endsWith('.ts');
const extension = isTypeScript ? '.ts' : '.js';

export const CARE_MODEL_MODULE = new URL(`../models/analysis/care-model${extension}`, import.meta.url).href;
const WORKER_URL = new URL(`./analysis-worker${extension}`, import.meta.url);

/**
 * A worker's entry. From TypeScript sources, a tiny bootstrap registers tsx's loader in the worker thread and then
 * imports the worker (Node 20 ignores `--import` in a worker's execArgv, and loader hooks are per thread).
 */
function workerEntry(): { entry: string | URL; eval: boolean } {
  if (!isTypeScript) return { entry: WORKER_URL, eval: false };
  const tsxPackage = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  const exports = (createRequire(import.meta.url)('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports;
  const tsxApi = new URL(exports['./esm/api'].import.default, tsxPackage).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return { entry: code, eval: true };
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

type SignalWithEvents = { aborted: boolean; addEventListener?: (type: 'abort', fn: () => void) => void; removeEventListener?: (type: 'abort', fn: () => void) => void };

export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const modelModule = options.modelModule ?? CARE_MODEL_MODULE;
  const slots: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  let nextId = 1;

  const spawn = (): Slot => {
    const { entry, eval: isEval } = workerEntry();
    const worker = new Worker(entry, { eval: isEval, workerData: { modelModule } });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: WorkerReply) => {
        if (m.type !== 'ready') return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    ready.catch(() => undefined);
    return { worker, ready, busy: false };
  };

  const acquire = (): Promise<Slot> => {
    const idle = slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    if (slots.length < size) {
      const slot = spawn();
      slot.busy = true;
      slots.push(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };

  const discard = (slot: Slot) => {
    void slot.worker.terminate();
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    const next = waiting.shift();
    if (next) {
      const fresh = spawn();
      fresh.busy = true;
      slots.push(fresh);
      next(fresh);
    }
  };

  const execute = async <S>(task: ChunkTask<S>, hooks: ChunkHooks): Promise<ChunkResult> => {
    if (hooks.signal?.aborted) throw new AnalysisCancelled();
    const slot = await acquire();
    try {
      await slot.ready;
    } catch (err) {
      discard(slot);
      throw new Error(`an analysis worker failed to start: ${(err as Error).message}`);
    }
    const id = nextId++;
    return new Promise<ChunkResult>((resolve, reject) => {
      const signal = hooks.signal as SignalWithEvents | undefined;
      let settled = false;
      const finish = (fn: () => void, keep: boolean) => {
        if (settled) return;
        settled = true;
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
        signal?.removeEventListener?.('abort', onAbort);
        if (keep) release(slot);
        else discard(slot);
        fn();
      };
      const onAbort = () => finish(() => reject(new AnalysisCancelled()), false);
      const onMessage = (m: WorkerReply) => {
        if (!('id' in m) || m.id !== id) return;
        if (m.type === 'run') {
          if (signal?.aborted) return onAbort();
          hooks.onRun?.();
        } else if (m.type === 'done') finish(() => resolve(m.result), true);
        else if (m.type === 'error') {
          const error = m.name === 'AnalysisCancelled' ? new AnalysisCancelled() : new Error(m.message);
          finish(() => reject(error), true);
        }
      };
      const onError = (err: Error) => finish(() => reject(err), false);
      const onExit = (code: number) => finish(() => reject(new Error(`an analysis worker stopped (exit code ${code})`)), false);
      slot.worker.on('message', onMessage);
      slot.worker.on('error', onError);
      slot.worker.on('exit', onExit);
      signal?.addEventListener?.('abort', onAbort);
      slot.worker.postMessage({ id, task } satisfies WorkerRequest);
    });
  };

  const warm = async (): Promise<void> => {
    while (slots.length < size) slots.push(spawn());
    await Promise.all(slots.map((s) => s.ready));
  };

  return {
    size,
    concurrency: size,
    execute,
    warm,
    async close() {
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
