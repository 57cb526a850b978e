import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import type { UncertaintyReport } from '../../models/analysis/uncertainty.js';

const LIB = new URL('../../scenarios/library/', import.meta.url).pathname;
const SEPARATE = 'northamptonshire-separate.json';
const COMBINED = 'combined-like-greater-manchester.json';
const FAST = ['--no-tornado', '--no-attribution'];
const QUICK = [...FAST, '--threads', '1'];

function capture(cwd = LIB): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env: { JOINEDUP_DB: join(mkdtempSync(join(tmpdir(), 'ju-unc-')), 'x.db') },
    cwd,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

async function json(args: string[], io = capture()): Promise<UncertaintyReport> {
  const code = await main(['uncertainty', ...args, '--json'], io);
  expect(code, io.err).toBe(0);
  return JSON.parse(io.out) as UncertaintyReport;
}

describe('joinedup uncertainty', () => {
  it('gives identical results for the same seed, single-threaded or across worker threads, and bands in order at every time', async () => {
    const args = [COMBINED, '--baseline', SEPARATE, '--runs', '8', '--seed', '5', ...FAST];
    const a = await json([...args, '--threads', '1']);
    const b = await json([...args, '--threads', '2']);
    expect(b).toEqual(a);
    expect(a.runs).toBe(8);
    expect(a.seed).toBe(5);
    for (const s of [a.option, a.baseline!]) {
      for (const band of Object.values(s.seriesBands)) {
        band.times.forEach((_, k) => {
          expect(band.p10[k]).toBeLessThanOrEqual(band.p50[k]);
          expect(band.p50[k]).toBeLessThanOrEqual(band.p90[k]);
        });
      }
      expect(s.metricBands['cost.total'].p90).toBeGreaterThan(s.metricBands['cost.total'].p10);
    }
    const c = await json([COMBINED, '--baseline', SEPARATE, '--runs', '8', '--seed', '6', ...QUICK]);
    expect(c.option.metricBands['cost.total']).not.toEqual(a.option.metricBands['cost.total']);
  }, 180_000);

  it('finds exactly zero difference in every run for an option identical to the baseline (a saved name against a file)', async () => {
    const r = await json(['Northamptonshire, separate organisations (baseline)', '--baseline', SEPARATE, '--runs', '6', '--seed', '2', ...QUICK]);
    for (const p of Object.values(r.paired!)) {
      expect(p.equalRuns).toBe(6);
      expect([p.difference.p10, p.difference.p50, p.difference.p90, p.deterministic]).toEqual([0, 0, 0, 0]);
    }
  }, 180_000);

  it('prints bands and the paired sentence in plain text', async () => {
    const io = capture();
    const code = await main(['uncertainty', COMBINED, '--baseline', SEPARATE, '--runs', '10', '--seed', '1', ...QUICK], io);
    expect(code, io.err).toBe(0);
    expect(io.out).toMatch(/P10 \/ P50 \/ P90 of 10 plausible futures/);
    const sentence = /In (\d+) of 10 plausible futures Combined organisation, like Greater Manchester costs more over 10 years than .* \((\d+) of 10 runs\)\./.exec(io.out);
    expect(sentence, io.out).not.toBeNull();
    expect(sentence![1]).toBe(sentence![2]);
  }, 180_000);

  it('keeps a parameter the scenario sets at its value in every run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ju-unc-file-'));
    const scenario = {
      format: 'joinedup-scenario',
      version: 1,
      name: 'Slow assessment',
      description: '',
      model: 'health-care',
      form: 'separate',
      parameters: { Assess_Delay: 6 },
      startDate: '2019-04-01',
      horizonYears: 10,
      discountRate: 0.035,
      notes: '',
      tags: [],
    };
    writeFileSync(join(dir, 'slow.json'), JSON.stringify(scenario));
    const r = await json(['slow.json', '--baseline', join(LIB, SEPARATE), '--runs', '4', '--seed', '1', ...QUICK], capture(dir));
    expect(r.option.fixed).toEqual(['Assess_Delay']);
    expect(r.option.sampled).not.toContain('Assess_Delay');
    expect(r.baseline!.sampled).toContain('Assess_Delay');
  }, 180_000);

  it('names what is wrong: usage errors exit 2, bad input exits 1', async () => {
    let io = capture();
    expect(await main(['uncertainty', COMBINED, '--seed', '1'], io)).toBe(2);
    expect(io.err).toMatch(/--runs N is required/);
    io = capture();
    expect(await main(['uncertainty', COMBINED, '--runs', '10'], io)).toBe(2);
    expect(io.err).toMatch(/--seed S is required/);
    io = capture();
    expect(await main(['uncertainty', COMBINED, '--runs', 'ten', '--seed', '1'], io)).toBe(2);
    expect(io.err).toMatch(/--runs must be a whole number/);
    io = capture();
    expect(await main(['uncertainty', COMBINED, '--runs', '10', '--seed', '1', '--frobnicate'], io)).toBe(2);
    expect(io.err).toMatch(/unknown option --frobnicate/);
    io = capture();
    expect(await main(['uncertainty', 'no-such-scenario', '--runs', '10', '--seed', '1'], io)).toBe(1);
    expect(io.err).toMatch(/no-such-scenario/);
  }, 60_000);
});
