/**
 * Monte Carlo speed: 1,000 runs of the care model over its 10-year horizon (the Northamptonshire separate
 * baseline, Latin hypercube over the register), single-threaded and across all cores in the same run.
 * Prints the times, the per-run time and the speed-up (pooled ÷ single-threaded), and checks both give
 * identical results. Standalone: `npx tsx test/bench/analysis.bench.ts [runs]`.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createAnalysisPool } from '../../electron/analysis-pool.js';
import { careAnalysisModel } from '../../models/analysis/care-model.js';
import { inlineExecutor, runParameters } from '../../models/analysis/monte-carlo.js';
import { createRng } from '../../models/analysis/random.js';
import { latinHypercube } from '../../models/analysis/sampling.js';
import { analyseUncertainty, scenarioPlan } from '../../models/analysis/uncertainty.js';
import { PARAMETERS } from '../../models/health-care/index.js';
import { compiledModel } from '../../models/health-care/run.js';
import { parseScenarioText } from '../../scenarios/parse.js';

const runs = Number(process.argv[2] ?? process.env.ANALYSIS_BENCH_RUNS ?? 1000);
const file = new URL('../../scenarios/library/northamptonshire-separate.json', import.meta.url);
const parsed = parseScenarioText(readFileSync(file, 'utf8'), 'northamptonshire-separate.json', PARAMETERS);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const scenario = parsed.scenario;
const options = { runs, seed: 1, tornado: false, attribution: false } as const;

// Compile the model in this thread first, as warm() does in each worker, so both figures measure runs.
careAnalysisModel.prepare?.();

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};
let t = performance.now();
let cpu = process.cpuUsage();
const single = await analyseUncertainty(careAnalysisModel, scenario, undefined, { ...options, executor: inlineExecutor(careAnalysisModel) });
const singleMs = performance.now() - t;
const singleCpu = cpuSeconds(cpu);

const cores = os.availableParallelism();
const pool = createAnalysisPool({ size: cores });
t = performance.now();
await pool.warm();
const warmMs = performance.now() - t;
t = performance.now();
cpu = process.cpuUsage();
const pooled = await analyseUncertainty(careAnalysisModel, scenario, undefined, { ...options, executor: pool });
const pooledMs = performance.now() - t;
const pooledCpu = cpuSeconds(cpu);
await pool.close();

// Where a run's time goes: the same sampled (and re-fitted) parameter sets through the engine alone, without
// the analysis around it, and through the engine at a 1-day step for scale.
const sampleRuns = Math.min(runs, 200);
const design = latinHypercube(sampleRuns, careAnalysisModel.parameters.length, createRng(1, 1));
const plan = scenarioPlan(careAnalysisModel, scenario, design, sampleRuns);
const sets = Array.from({ length: sampleRuns }, (_, i) => careAnalysisModel.calibrate!(scenario, plan.base, runParameters(plan, i)));
const engine = compiledModel();
const stop = Math.round(scenario.horizonYears * 365);
const engineMs = (dt: number) => {
  const t0 = performance.now();
  for (const set of sets) engine.run({ set, sim: { start: 0, stop, dt, saveStep: 1 }, outputs: ['Stranded_Beds'] });
  return (performance.now() - t0) / sampleRuns;
};
engineMs(0.5);
const engineHalf = engineMs(0.5);
const engineDay = engineMs(1);

const same = JSON.stringify(single) === JSON.stringify(pooled);
console.log(`analysis: ${runs} Monte Carlo runs of the care model (${scenario.horizonYears}-year horizon), seed 1`);
console.log(`  single-threaded : ${(singleMs / 1000).toFixed(2)} s (${(singleMs / runs).toFixed(1)} ms a run; CPU ${singleCpu.toFixed(2)} s)`);
console.log(`  ${cores} worker threads: ${(pooledMs / 1000).toFixed(2)} s after a start-up of ${(warmMs / 1000).toFixed(2)} s (workers load mathjs and the model); CPU ${pooledCpu.toFixed(2)} s over all threads`);
console.log(`  CPU share       : ${(pooledCpu / (pooledMs / 1000)).toFixed(2)} cores busy while pooled (${(singleCpu / (singleMs / 1000)).toFixed(2)} single-threaded): below ${cores} means other work had the cores`);
console.log(`  speed-up        : ${(singleMs / pooledMs).toFixed(2)}× on ${cores} cores (ideal ${cores}×); ${(singleMs / (pooledMs + warmMs)).toFixed(2)}× counting start-up`);
console.log(`  target          : 1,000 runs under 1 s on 2 cores → ${pooledMs * (1000 / runs) < 1000 ? 'met' : `not met (${(pooledMs * (1000 / runs) / 1000).toFixed(1)} s for 1,000)`}`);
console.log(`  identical results single vs pooled: ${same ? 'yes' : 'NO'}`);
console.log(`  where a run goes: the engine alone takes ${engineHalf.toFixed(2)} ms a run at the model's 0.5-day step (${((100 * engineHalf) / (singleMs / runs)).toFixed(0)}% of a single-threaded analysis run; ${sampleRuns} of the same sampled sets)`);
console.log(`  budget          : 1 s for 1,000 runs on ${cores} cores is ${((1000 * cores) / 1000).toFixed(1)} ms of one core a run; the engine alone needs ${(engineHalf / ((1000 * cores) / 1000)).toFixed(2)}× that (at a 1-day step ${engineDay.toFixed(2)} ms, ${(engineDay / ((1000 * cores) / 1000)).toFixed(2)}×)`);
if (!same) process.exitCode = 1;
