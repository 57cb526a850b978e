import { describe, expect, it } from 'vitest';
import type { ChunkExecutor } from '../../../models/analysis/monte-carlo.js';
import { AnalysisCancelled, runChunk } from '../../../models/analysis/monte-carlo.js';
import { analyseUncertainty } from '../../../models/analysis/uncertainty.js';
import { standInModel, standInScenario } from './stand-in-model.js';

const separate = standInScenario();
const combined = standInScenario({ name: 'Combined', form: 'combined' });

/** Runs chunks "in parallel" out of order, to show results do not depend on scheduling. */
function shuffledExecutor(concurrency: number): ChunkExecutor {
  let calls = 0;
  return {
    concurrency,
    async execute(task, hooks) {
      calls++;
      await new Promise((r) => setTimeout(r, (calls * 7) % 5));
      return runChunk(standInModel as never, task, hooks);
    },
  };
}

describe('Monte Carlo uncertainty', () => {
  it('gives identical results for the same seed, whatever the chunking, and different ones for another seed', async () => {
    const a = await analyseUncertainty(standInModel, combined, separate, { runs: 40, seed: 11, tornado: false, attribution: false });
    const b = await analyseUncertainty(standInModel, combined, separate, {
      runs: 40,
      seed: 11,
      tornado: false,
      attribution: false,
      executor: shuffledExecutor(3),
      chunkSize: 7,
    });
    expect(b).toEqual(a);
    const c = await analyseUncertainty(standInModel, combined, separate, { runs: 40, seed: 12, tornado: false, attribution: false });
    expect(c.option.metricBands['cost.total']).not.toEqual(a.option.metricBands['cost.total']);
  });

  it('has P10 ≤ P50 ≤ P90 at every time of every series and for every metric', async () => {
    const report = await analyseUncertainty(standInModel, combined, separate, { runs: 60, seed: 5, tornado: false, attribution: false });
    for (const s of [report.option, report.baseline!]) {
      for (const [key, bandOverTime] of Object.entries(s.seriesBands)) {
        expect(bandOverTime.times.length, key).toBe(report.gridTimes.length);
        bandOverTime.times.forEach((_, k) => {
          expect(bandOverTime.p10[k]).toBeLessThanOrEqual(bandOverTime.p50[k]);
          expect(bandOverTime.p50[k]).toBeLessThanOrEqual(bandOverTime.p90[k]);
        });
      }
      for (const b of Object.values(s.metricBands)) {
        expect(b.p10).toBeLessThanOrEqual(b.p50);
        expect(b.p50).toBeLessThanOrEqual(b.p90);
      }
      // The spread is real: the sampled runs differ.
      expect(s.metricBands['cost.total'].p90).toBeGreaterThan(s.metricBands['cost.total'].p10);
    }
  });

  it('finds a difference of exactly zero in every run for an option identical to the baseline', async () => {
    const twin = standInScenario({ name: 'Separate again' });
    const report = await analyseUncertainty(standInModel, twin, separate, { runs: 50, seed: 3, tornado: false, attribution: false });
    for (const paired of Object.values(report.paired!)) {
      expect(paired.equalRuns).toBe(50);
      expect(paired.difference).toEqual({ p10: 0, p50: 0, p90: 0, mean: 0 });
      expect(paired.probabilityBetter).toBe(0);
    }
  });

  it('keeps a parameter the scenario sets explicitly at its set value (paired on top of each scenario’s overrides)', async () => {
    const fixedDelay = standInScenario({ name: 'Fixed delay', parameters: { delay: 6 } });
    const report = await analyseUncertainty(standInModel, fixedDelay, separate, { runs: 20, seed: 1, tornado: false, attribution: false });
    expect(report.option.fixed).toEqual(['delay']);
    expect(report.option.sampled).not.toContain('delay');
    expect(report.baseline!.sampled).toContain('delay');
  });

  it('counts the runs in which the option is better, with common random numbers', async () => {
    const report = await analyseUncertainty(standInModel, combined, separate, { runs: 100, seed: 8, tornado: false, attribution: false });
    const stranded = report.paired!['strandedBeds.final'];
    // A shorter delay always means fewer delayed patients in the same future.
    expect(stranded.betterRuns).toBe(100);
    expect(stranded.probabilityBetter).toBe(1);
    const cost = report.paired!['cost.total'];
    expect(cost.betterRuns + cost.worseRuns + cost.equalRuns).toBe(100);
  });

  it('reports progress up to the number of runs, and stops on cancel', async () => {
    const seen: number[] = [];
    await analyseUncertainty(standInModel, combined, undefined, {
      runs: 30,
      seed: 1,
      tornado: false,
      onProgress: (p) => p.stage === 'monte-carlo' && seen.push(p.done),
    });
    expect(seen[seen.length - 1]).toBe(30);
    const controller = new AbortController();
    const running = analyseUncertainty(standInModel, combined, separate, {
      runs: 400,
      seed: 1,
      chunkSize: 5,
      signal: controller.signal,
      onProgress: (p) => p.done >= 10 && controller.abort(),
    });
    await expect(running).rejects.toBeInstanceOf(AnalysisCancelled);
  });

  it('refuses bad run counts and seeds with a clear message', async () => {
    await expect(analyseUncertainty(standInModel, combined, separate, { runs: 1, seed: 1 })).rejects.toThrow(/runs must be/);
    await expect(analyseUncertainty(standInModel, combined, separate, { runs: 10, seed: -3 })).rejects.toThrow(/seed/);
  });
});

describe('calibration of sampled runs', () => {
  it('passes Monte Carlo and tornado runs through the model’s calibrate, and attribution runs never', async () => {
    let calls = 0;
    // Calibration that holds the starting number of delayed patients (admissions × share × delay) at the scenario's.
    const calibrated = {
      ...standInModel,
      calibrate(_s: unknown, base: Record<string, number>, p: Record<string, number>) {
        const delay = (base.admissions * base.complex_share * base.delay) / (p.admissions * p.complex_share);
        calls++;
        return { ...p, delay };
      },
    };
    const report = await analyseUncertainty(
      { ...calibrated, calibration: { parameters: ['delay'], describe: () => 'Delay re-fitted to the observed start.' } },
      combined,
      separate,
      { runs: 30, seed: 2, tornado: false, attribution: false },
    );
    expect(calls).toBe(60);
    expect(report.calibration).toEqual({ parameters: ['delay'], description: 'Delay re-fitted to the observed start.' });
    // Every run starts with the same delayed patients, so the start of the band has no width.
    const start = report.option.seriesBands.strandedBeds;
    expect(start.p90[0] - start.p10[0]).toBeLessThan(1e-9 * start.p50[0]);
    const uncalibrated = await analyseUncertainty(standInModel, combined, separate, { runs: 30, seed: 2, tornado: false, attribution: false });
    expect(uncalibrated.option.seriesBands.strandedBeds.p90[0]).toBeGreaterThan(uncalibrated.option.seriesBands.strandedBeds.p10[0] * 1.05);

    calls = 0;
    await analyseUncertainty(calibrated, combined, separate, { runs: 2, seed: 2, tornado: true, attribution: false });
    expect(calls).toBeGreaterThan(4);
    calls = 0;
    await analyseUncertainty(calibrated, combined, separate, { runs: 2, seed: 2, tornado: false, attribution: true });
    expect(calls).toBe(4);
  });
});
