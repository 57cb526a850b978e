import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run as compare } from '../../cli/commands/compare.js';
import { run as model } from '../../cli/commands/model.js';
import type { CliIo } from '../../cli/io.js';

const LIB = fileURLToPath(new URL('../../scenarios/library/', import.meta.url));

function capture(cwd = LIB): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', env: { JOINEDUP_DB: join(mkdtempSync(join(tmpdir(), 'ju-')), 'x.db') }, cwd } as unknown as CliIo & { out: string; err: string };
  io.stdout = (t: string) => void (io.out += t);
  io.stderr = (t: string) => void (io.err += t);
  return io;
}

describe('joinedup compare', () => {
  it('prints JSON with every metric and the differences from the baseline', async () => {
    const io = capture();
    const code = await compare(['combined-like-greater-manchester.json', '--baseline', 'northamptonshire-separate.json', '--json'], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.scenarios.map((s: { name: string }) => s.name)).toEqual([
      'Northamptonshire, separate organisations (baseline)',
      'Combined organisation, like Greater Manchester',
    ]);
    for (const k of ['cost.total', 'cost.nhs', 'cost.socialCare', 'cost.reorganisation', 'cost.presentValue', 'strandedBeds.initial', 'strandedBeds.mean', 'strandedBeds.final', 'hle.initial', 'hle.final']) {
      expect(typeof out.scenarios[0].metrics[k]).toBe('number');
    }
    const d = out.differences[0];
    expect(d.differences['cost.total']).toBeCloseTo(out.scenarios[1].metrics['cost.total'] - out.scenarios[0].metrics['cost.total'], 0);
    expect(d.breakEvenYear).toBeGreaterThan(0);
  });

  it('shows the baseline once when it is also among the scenarios (a glob over the library)', async () => {
    const io = capture();
    const files = ['combined-like-greater-manchester.json', 'northamptonshire-separate.json', 'separate-more-care-home-places.json'];
    expect(await compare([...files, '--baseline', './northamptonshire-separate.json', '--json'], io)).toBe(0);
    const names = JSON.parse(io.out).scenarios.map((s: { name: string }) => s.name);
    expect(names).toEqual([
      'Northamptonshire, separate organisations (baseline)',
      'Combined organisation, like Greater Manchester',
      'Separate organisations with 10% more care-home places',
    ]);
  });

  it('prints a readable table by default', async () => {
    const io = capture();
    expect(await compare(['northamptonshire-separate.json', 'separate-more-care-home-places.json'], io)).toBe(0);
    expect(io.out).toMatch(/Stranded beds at the end/);
    expect(io.out).toMatch(/Break-even year/);
  });

  it('refuses an out-of-bounds parameter in a scenario, naming it and its bounds, and runs nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ju-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'joinedup-scenario', version: 1, name: 'bad', description: '', model: 'health-care', form: 'separate', parameters: { Assess_Delay: 500 }, startDate: '2019-04-01', horizonYears: 10, discountRate: 0.035, notes: '', tags: [] }));
    const io = capture(dir);
    expect(await compare(['bad.json'], io)).toBe(1);
    expect(io.err).toMatch(/Assess_Delay/);
    expect(io.out).toBe('');
  });

  it('accepts saved scenarios by id or name (the built-ins are seeded into the store)', async () => {
    const io = capture(tmpdir());
    const code = await compare(['builtin-combined-slow-maturity', '--baseline', 'Northamptonshire, separate organisations (baseline)', '--json'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.scenarios[1].name).toBe('Combined organisation, slow to mature (6 years)');
    expect(out.differences[0].differences['strandedBeds.final']).toBeLessThan(0);
  });

  it('reports a scenario name that is neither a file nor saved', async () => {
    const io = capture();
    expect(await compare(['No such scenario'], io)).toBe(1);
    expect(io.err).toMatch(/No such scenario/);
  });

  it('is a usage error without scenarios', async () => {
    expect(await compare([], capture())).toBe(2);
  });
});

describe('joinedup model doc', () => {
  it('prints the model documentation', async () => {
    const io = capture();
    expect(await model(['doc'], io)).toBe(0);
    expect(io.out).toMatch(/Stranded_Beds/);
  });
});

describe('joinedup run scenario.json', () => {
  it('writes every model variable as CSV, Time first, one row per day', async () => {
    const { runScenarioFile } = await import('../../cli/commands/run-scenario.js');
    const io = capture();
    expect(await runScenarioFile(join(LIB, 'northamptonshire-separate.json'), { set: {} }, io)).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines[0].startsWith('Time,Pop_Independent,')).toBe(true);
    expect(lines[0]).toContain('Stranded_Beds');
    expect(lines).toHaveLength(3652);
  });

  it('refuses an out-of-bounds --set naming the bounds, and warns outside the plausible range', async () => {
    const { runScenarioFile } = await import('../../cli/commands/run-scenario.js');
    const bad = capture();
    expect(await runScenarioFile(join(LIB, 'northamptonshire-separate.json'), { set: { D2A_Share: 2 } }, bad)).toBe(1);
    expect(bad.err).toMatch(/D2A_Share = 2 is outside its allowed bounds 0 to 1/);
    expect(bad.out).toBe('');
    const odd = capture();
    expect(await runScenarioFile(join(LIB, 'northamptonshire-separate.json'), { set: { Bed_Day_Cost: 500 } }, odd)).toBe(0);
    expect(odd.err).toMatch(/outside its plausible range/);
  });
});
