import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { scenarioHash } from '../../models/analysis/hash.js';
import { MODEL_VERSION, PARAMETERS } from '../../models/health-care/index.js';
import { parseScenarioText } from '../../scenarios/parse.js';

const LIB = new URL('../../scenarios/library/', import.meta.url).pathname;
const SEPARATE = 'northamptonshire-separate.json';
const COMBINED = 'combined-like-greater-manchester.json';
const dir = mkdtempSync(join(tmpdir(), 'ju-brief-'));

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env: { JOINEDUP_DB: join(dir, 'x.db') },
    cwd: LIB,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

const money = /£[\d,]+\.\dm/g;
const between = (text: string, start: string, end: string) => {
  const i = text.indexOf(start);
  const j = text.indexOf(end, i + start.length);
  expect(i, `"${start}" in the briefing`).toBeGreaterThanOrEqual(0);
  expect(j, `"${end}" after "${start}"`).toBeGreaterThan(i);
  return text.slice(i + start.length, j);
};
const squash = (t: string) => t.replace(/\s+/g, ' ');

describe('joinedup brief', () => {
  const pdf = join(dir, 'brief.pdf');
  let text = '';

  beforeAll(async () => {
    const io = capture();
    const code = await main(['brief', COMBINED, '--baseline', SEPARATE, '--runs', '10', '--seed', '4', '--threads', '2', '--out', pdf], io);
    expect(code, io.err).toBe(0);
    text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  }, 600_000);

  it('writes a PDF of 2 to 4 pages', () => {
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
  });

  it('names in its text the same numbers as its summary table', () => {
    const summary = squash(between(text, 'Summary\n', 'Summary table'));
    const tables = squash(between(text, 'Summary table', 'Over time'));
    const unsigned = (t: string) => new Set([...t.matchAll(money)].map((m) => m[0]));
    const inText = unsigned(summary);
    const inTable = unsigned(tables);
    // Cost, present values, differences, the one-off cost, the P10–P90 range and the assumption swings.
    expect(inText.size).toBeGreaterThanOrEqual(8);
    for (const figure of inText) expect(inTable, `${figure} from the summary text`).toContain(figure);
    const beds = /number ([\d,]+) at the end of the period against ([\d,]+) in the baseline, and ([\d,]+) against ([\d,]+) on average/.exec(summary);
    expect(beds, summary).not.toBeNull();
    const [endOption, endBase, meanOption, meanBase] = beds!.slice(1);
    expect(tables).toContain(`Stranded beds at the end ${endBase} ${endOption}`);
    expect(tables).toContain(`Stranded beds on average ${meanBase} ${meanOption}`);
    const hle = /ends at ([\d.]+) years against ([\d.]+), a difference of ([−+]?[\d.]+) years/.exec(summary);
    expect(hle, summary).not.toBeNull();
    expect(tables).toContain(`${hle![2]} ${hle![1]}`);
    expect(tables).toContain(hle![3]);
    const futures = /in (\d+) of 10 plausible futures/.exec(summary);
    expect(futures).not.toBeNull();
    expect(tables).toContain(`${futures![1]} of 10`);
    const costlier = /it costs more than the baseline in (years? [\d–]+)/.exec(summary);
    expect(tables).toContain(`Years costing more than the baseline — ${costlier ? costlier[1] : 'none'}`);
    const breakEven = /stays there from (year \d+ \(\d{4}\/\d{2}\)|not within the 10 years)/.exec(summary);
    expect(breakEven).not.toBeNull();
    expect(tables).toContain(breakEven![1]);
  });

  it('gives the model version, the seed and each scenario’s hash so the numbers can be reproduced', () => {
    const flat = squash(text);
    expect(flat).toContain(MODEL_VERSION);
    expect(flat).toMatch(/seed 4/);
    for (const file of [SEPARATE, COMBINED]) {
      const parsed = parseScenarioText(readFileSync(join(LIB, file), 'utf8'), file, PARAMETERS);
      if (!parsed.ok) throw new Error(file);
      expect(flat.replace(/ /g, '')).toContain(scenarioHash(parsed.scenario));
    }
    expect(flat).toMatch(/optimism bias/i);
    expect(flat).toMatch(/Equipment\/Development/);
    // Sampled runs are re-fitted to the observed start, and the briefing says so.
    expect(flat).toMatch(/re-fitted to start as the scenario does .* 275 delayed patients and 95% bed occupancy \[S41e\]/);
  });

  it('refuses a missing baseline or output file as a usage error', async () => {
    let io = capture();
    expect(await main(['brief', COMBINED, '--out', join(dir, 'x.pdf')], io)).toBe(2);
    expect(io.err).toMatch(/--baseline/);
    io = capture();
    expect(await main(['brief', COMBINED, '--baseline', SEPARATE], io)).toBe(2);
    expect(io.err).toMatch(/--out/);
  });
});
