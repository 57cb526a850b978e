/**
 * The Monte Carlo runner. A run set is split into chunks of consecutive runs; an executor runs chunks (in the
 * calling thread, in Node worker threads, or in Web Workers) and the runner puts the results back in run order,
 * so the answer never depends on how many workers there were or which finished first.
 *
 * A chunk task is plain data (structured-clone safe): the scenario, its effective parameter values, the names of
 * the sampled parameters and the sampled values for the chunk's runs. `runChunk` is what every executor calls.
 */
import type { AnalysisModel, ModelOutput } from './model.js';

/** Anything with `aborted` (an AbortSignal fits). */
export interface CancelSignal {
  readonly aborted: boolean;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('the analysis was cancelled');
    this.name = 'AnalysisCancelled';
  }
}

/** One scenario in a Monte Carlo job. */
export interface McScenarioPlan<S> {
  scenario: S;
  /** Effective values; sampled values replace some of them in each run. */
  base: Record<string, number>;
  /** The sampled parameters (not those the scenario sets explicitly). */
  names: string[];
  /** runs × names.length, row-major: the value of names[j] in run i is `values[i * names.length + j]`. */
  values: Float64Array;
}

export interface McJob<S> {
  modelId: string;
  runs: number;
  scenarios: McScenarioPlan<S>[];
  metricKeys: string[];
  seriesKeys: string[];
  /** Indices into a run's saved times at which series are kept for bands. */
  gridIndices: number[];
  /** Also return each run's whole output (for a few central runs: it is large). */
  fullOutput?: boolean;
  /** Pass each sampled run through the model's `calibrate` (Monte Carlo and tornado; not attribution). */
  calibrate?: boolean;
}

/** The self-contained task an executor runs: runs `start` to `end − 1` of a job. */
export interface ChunkTask<S> {
  modelId: string;
  start: number;
  end: number;
  scenarios: { scenario: S; base: Record<string, number>; names: string[]; values: Float64Array }[];
  metricKeys: string[];
  seriesKeys: string[];
  gridIndices: number[];
  fullOutput?: boolean;
  calibrate?: boolean;
}

export interface ChunkResult {
  start: number;
  end: number;
  /** Per scenario: metrics (runs × metricKeys) and series ((runs × seriesKeys) × grid), row-major. */
  scenarios: { metrics: Float64Array; series: Float64Array; outputs?: ModelOutput[] }[];
}

export interface ChunkHooks {
  /** Called after each run in the chunk (for progress). */
  onRun?: () => void;
  signal?: CancelSignal;
}

export interface ChunkExecutor {
  /** How many chunks it runs at once. */
  readonly concurrency: number;
  execute<S>(task: ChunkTask<S>, hooks: ChunkHooks): Promise<ChunkResult>;
}

export interface McResult {
  runs: number;
  /** Per scenario, in job order; `outputs` when the job asked for full outputs. */
  scenarios: { metrics: Float64Array; series: Float64Array; outputs?: ModelOutput[] }[];
}

export interface McProgress {
  done: number;
  total: number;
}

/** The parameter values of run `r` of a plan: its base values with that run's sampled values in place. */
export function runParameters(plan: { base: Record<string, number>; names: readonly string[]; values: Float64Array }, r: number): Record<string, number> {
  const params: Record<string, number> = { ...plan.base };
  const k = plan.names.length;
  for (let j = 0; j < k; j++) params[plan.names[j]] = plan.values[r * k + j];
  return params;
}

/** Runs one chunk with `model`, synchronously. Throws AnalysisCancelled if the signal is raised between runs. */
export function runChunk<S>(model: AnalysisModel<S>, task: ChunkTask<S>, hooks: ChunkHooks = {}): ChunkResult {
  const count = task.end - task.start;
  const m = task.metricKeys.length;
  const s = task.seriesKeys.length;
  const g = task.gridIndices.length;
  const out: ChunkResult = {
    start: task.start,
    end: task.end,
    scenarios: task.scenarios.map(() => ({ metrics: new Float64Array(count * m), series: new Float64Array(count * s * g) })),
  };
  for (let r = 0; r < count; r++) {
    if (hooks.signal?.aborted) throw new AnalysisCancelled();
    task.scenarios.forEach((plan, si) => {
      let params = runParameters(plan, r);
      if (task.calibrate && model.calibrate) params = model.calibrate(plan.scenario, plan.base, params);
      const output = model.run(plan.scenario, params);
      const target = out.scenarios[si];
      if (task.fullOutput) (target.outputs ??= []).push(output);
      for (let mi = 0; mi < m; mi++) target.metrics[r * m + mi] = output.metrics[task.metricKeys[mi]];
      for (let si2 = 0; si2 < s; si2++) {
        const series = output.series[task.seriesKeys[si2]];
        const offset = (r * s + si2) * g;
        for (let gi = 0; gi < g; gi++) target.series[offset + gi] = series[task.gridIndices[gi]];
      }
    });
    hooks.onRun?.();
  }
  return out;
}

type TimerGlobal = { setTimeout?: (callback: () => void, ms: number) => unknown };

/** Lets other work (a cancel click, a progress repaint) happen between chunks in the calling thread. */
function yieldToEventLoop(): Promise<void> {
  const timer = (globalThis as TimerGlobal).setTimeout;
  return new Promise((resolve) => (timer ? timer(resolve, 0) : resolve()));
}

/** An executor that runs chunks in the calling thread, one at a time. */
export function inlineExecutor<S>(model: AnalysisModel<S>): ChunkExecutor {
  return {
    concurrency: 1,
    async execute<T>(task: ChunkTask<T>, hooks: ChunkHooks): Promise<ChunkResult> {
      await yieldToEventLoop();
      return runChunk(model as unknown as AnalysisModel<T>, task, hooks);
    },
  };
}

/** The task for runs `start` to `end − 1` of `job`. */
export function chunkTask<S>(job: McJob<S>, start: number, end: number): ChunkTask<S> {
  return {
    modelId: job.modelId,
    start,
    end,
    scenarios: job.scenarios.map((plan) => ({
      scenario: plan.scenario,
      base: plan.base,
      names: plan.names,
      values: plan.values.slice(start * plan.names.length, end * plan.names.length),
    })),
    metricKeys: job.metricKeys,
    seriesKeys: job.seriesKeys,
    gridIndices: job.gridIndices,
    fullOutput: job.fullOutput,
    calibrate: job.calibrate,
  };
}

/** A chunk size that gives each worker several chunks (for load balance and prompt cancel). */
export function defaultChunkSize(runs: number, concurrency: number): number {
  return Math.max(1, Math.min(100, Math.ceil(runs / (concurrency * 4))));
}

/**
 * The whole outputs of one run of each scenario at the given parameter values, through the executor (so the
 * window's own thread never runs the model: its content policy forbids the compiled code).
 */
export async function runCentral<S>(
  model: AnalysisModel<S>,
  runs: { scenario: S; parameters: Record<string, number> }[],
  executor: ChunkExecutor,
  signal?: CancelSignal,
): Promise<ModelOutput[]> {
  const job: McJob<S> = {
    modelId: model.id,
    runs: 1,
    scenarios: runs.map((r) => ({ scenario: r.scenario, base: r.parameters, names: [], values: new Float64Array(0) })),
    metricKeys: [],
    seriesKeys: [],
    gridIndices: [],
    fullOutput: true,
  };
  const result = await runMonteCarlo(job, executor, { chunkSize: 1, signal });
  return result.scenarios.map((s) => s.outputs![0]);
}

/**
 * Runs every chunk of `job` on `executor`, keeping up to `executor.concurrency` chunks in flight. Results are
 * placed by run index, so they are identical whatever the executor. Rejects with AnalysisCancelled on cancel.
 */
export async function runMonteCarlo<S>(
  job: McJob<S>,
  executor: ChunkExecutor,
  options: { chunkSize?: number; onProgress?: (p: McProgress) => void; signal?: CancelSignal } = {},
): Promise<McResult> {
  const { runs } = job;
  const chunkSize = options.chunkSize ?? defaultChunkSize(runs, executor.concurrency);
  const m = job.metricKeys.length;
  const sg = job.seriesKeys.length * job.gridIndices.length;
  const result: McResult = {
    runs,
    scenarios: job.scenarios.map(() => ({ metrics: new Float64Array(runs * m), series: new Float64Array(runs * sg) })),
  };
  let next = 0;
  let done = 0;
  let failed = false;
  const onRun = () => {
    done++;
    options.onProgress?.({ done, total: runs });
  };
  const worker = async (): Promise<void> => {
    while (next < runs && !failed) {
      if (options.signal?.aborted) throw new AnalysisCancelled();
      const start = next;
      const end = Math.min(runs, start + chunkSize);
      next = end;
      let chunk: ChunkResult;
      try {
        chunk = await executor.execute(chunkTask(job, start, end), { onRun, signal: options.signal });
      } catch (err) {
        // Stop the other lanes from starting new chunks: the run set has failed as a whole.
        failed = true;
        throw err;
      }
      chunk.scenarios.forEach((part, si) => {
        result.scenarios[si].metrics.set(part.metrics, start * m);
        result.scenarios[si].series.set(part.series, start * sg);
        if (part.outputs) {
          const outputs = (result.scenarios[si].outputs ??= new Array<ModelOutput>(runs));
          part.outputs.forEach((o, r) => (outputs[start + r] = o));
        }
      });
    }
  };
  const lanes = Math.max(1, Math.min(executor.concurrency, Math.ceil(runs / chunkSize)));
  await Promise.all(Array.from({ length: lanes }, worker));
  if (options.signal?.aborted) throw new AnalysisCancelled();
  return result;
}
