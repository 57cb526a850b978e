import { afterAll, describe, expect, it } from 'vitest';
import { createAnalysisPool } from '../../electron/analysis-pool.js';
import { AnalysisCancelled } from '../../models/analysis/monte-carlo.js';
import { analyseUncertainty } from '../../models/analysis/uncertainty.js';
import { standInModel, standInScenario } from '../models/analysis/stand-in-model.js';

const modelModule = new URL('../models/analysis/stand-in-module.ts', import.meta.url).href;
const pool = createAnalysisPool({ size: 2, modelModule });
afterAll(() => pool.close());

const separate = standInScenario();
const combined = standInScenario({ name: 'Combined', form: 'combined' });

describe('worker-thread analysis pool', () => {
  it('gives exactly the results of the single-threaded run, with progress for every run', async () => {
    const single = await analyseUncertainty(standInModel, combined, separate, { runs: 30, seed: 21, tornado: false, attribution: false });
    let last = 0;
    const pooled = await analyseUncertainty(standInModel, combined, separate, {
      runs: 30,
      seed: 21,
      tornado: false,
      attribution: false,
      executor: pool,
      chunkSize: 4,
      onProgress: (p) => (last = p.done),
    });
    expect(pooled).toEqual(single);
    expect(last).toBe(30);
  });

  it('cancels mid-run and keeps working afterwards', async () => {
    const controller = new AbortController();
    const running = analyseUncertainty(standInModel, combined, separate, {
      runs: 2000,
      seed: 1,
      executor: pool,
      chunkSize: 200,
      signal: controller.signal,
      onProgress: (p) => p.done >= 5 && controller.abort(),
    });
    await expect(running).rejects.toBeInstanceOf(AnalysisCancelled);
    const after = await analyseUncertainty(standInModel, combined, undefined, { runs: 10, seed: 2, tornado: false, executor: pool });
    expect(after.runs).toBe(10);
  });
});
