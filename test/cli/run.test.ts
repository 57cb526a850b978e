import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type RunCommandOptions } from '../../cli/commands/run.js';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import type { ModelSpec } from '../../models/engine/spec.js';
import { exportXmile } from '../../models/xmile/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const teacup = join(root, 'test', 'conformance', 'models', 'samples', 'teacup', 'teacup.xmile');

interface Captured extends CliIo {
  out: string;
  err: string;
}

let dir: string;
function io(): Captured {
  const c: Captured = {
    out: '',
    err: '',
    stdout: (t) => {
      c.out += t;
    },
    stderr: (t) => {
      c.err += t;
    },
    env: {},
    cwd: dir,
  };
  return c;
}

async function runCli(...args: string[]): Promise<Captured & { code: number }> {
  const c = io();
  const code = await main(['run', ...args], c);
  return Object.assign(c, { code });
}

function parseCsv(text: string): { header: string[]; rows: number[][] } {
  const lines = text.trimEnd().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',').map(Number)) };
}

/** Fixture models are written through the production exporter. */
function writeModel(name: string, spec: ModelSpec): string {
  writeFileSync(join(dir, name), exportXmile(spec));
  return name;
}

const decay: ModelSpec = {
  name: 'decay',
  sim: { start: 0, stop: 4, dt: 0.5, saveStep: 1, method: 'euler' },
  variables: [
    { name: 'Level', kind: 'stock', equation: '100', outflows: ['drain'] },
    { name: 'drain', kind: 'flow', equation: 'Level * rate' },
    { name: 'rate', kind: 'aux', equation: '0.5', units: '1/year' },
  ],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'joinedup-run-'));
  writeModel('decay.xmile', decay);
  writeModel('syntax.xmile', { ...decay, variables: [...decay.variables.slice(0, 2), { name: 'rate', kind: 'aux', equation: '0.5 *' }] });
  writeModel('unknown.xmile', { ...decay, variables: [...decay.variables.slice(0, 2), { name: 'rate', kind: 'aux', equation: 'speed / 2' }] });
  writeModel('loop.xmile', {
    ...decay,
    variables: [
      ...decay.variables.slice(0, 2),
      { name: 'rate', kind: 'aux', equation: 'other / 2' },
      { name: 'other', kind: 'aux', equation: 'rate * 2' },
    ],
  });
  writeModel('nan.xmile', { ...decay, variables: [...decay.variables.slice(0, 2), { name: 'rate', kind: 'aux', equation: 'LN(TIME - 2)' }] });
  writeFileSync(join(dir, 'broken.xmile'), exportXmile(decay).replace('</variables>', ''));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('joinedup run: CSV output', () => {
  it('writes Time then every stock, flow and auxiliary by its name as written, one row per save step', async () => {
    const r = await runCli(teacup);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const csv = parseCsv(r.out);
    expect(csv.header[0]).toBe('Time');
    expect([...csv.header.slice(1)].sort()).toEqual(['Characteristic Time', 'Heat Loss to Room', 'Room Temperature', 'Teacup Temperature']);
    expect(csv.rows).toHaveLength(241);
    expect(csv.rows[0][0]).toBe(0);
    expect(csv.rows[240][0]).toBe(30);
    const col = (name: string) => csv.header.indexOf(name);
    expect(csv.rows[0][col('Teacup Temperature')]).toBe(180);
    expect(csv.rows[0][col('Heat Loss to Room')]).toBe(11);
    expect(csv.rows[1][col('Teacup Temperature')]).toBeCloseTo(178.625, 10);
  });

  it('quotes names that contain commas or quotes, so the header survives a CSV reader', async () => {
    const r = await runCli(join(root, 'test', 'conformance', 'models', 'tests', 'special_characters_xmile', 'test_special_variable_names.xmile'));
    expect(r.code).toBe(0);
    const header = r.out.split('\n')[0];
    expect(header).toContain('"Flow w/ division, lists, and INITIAL(construction functions)"');
    expect(header).toContain(',Stock with \\n Newline Character,');
  });

  it('saves at the save step, from start to stop inclusive', async () => {
    const r = await runCli('decay.xmile');
    expect(r.code).toBe(0);
    const csv = parseCsv(r.out);
    expect(csv.header).toEqual(['Time', 'Level', 'drain', 'rate']);
    expect(csv.rows.map((row) => row[0])).toEqual([0, 1, 2, 3, 4]);
    // Euler with dt 0.5 and rate 0.5: each step keeps 3/4, so each saved year keeps 9/16.
    expect(csv.rows[2][1]).toBeCloseTo(100 * (9 / 16) ** 2, 10);
  });

  it('--set overrides a constant and --method rk4 changes the integration', async () => {
    const set = parseCsv((await runCli('decay.xmile', '--set', 'rate=1e-1')).out);
    expect(set.rows[1][1]).toBeCloseTo(100 * 0.95 ** 2, 10);
    expect(set.rows[1][3]).toBe(0.1);
    const inline = parseCsv((await runCli('decay.xmile', '--set=RATE=0.1')).out);
    expect(inline.rows).toEqual(set.rows);
    const rk4 = parseCsv((await runCli('decay.xmile', '--method', 'rk4')).out);
    // RK4 on y' = -0.5 y with h = 0.5: factor 1 - z + z²/2 - z³/6 + z⁴/24 per step, z = 0.25.
    const z = 0.25;
    const f = 1 - z + z ** 2 / 2 - z ** 3 / 6 + z ** 4 / 24;
    expect(rk4.rows[1][1]).toBeCloseTo(100 * f ** 2, 10);
  });

  it('--csv writes the file through a temporary file and prints nothing on stdout', async () => {
    const r = await runCli('decay.xmile', '--csv', 'out/../decay.csv');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const stdout = (await runCli('decay.xmile')).out;
    expect(readFileSync(join(dir, 'decay.csv'), 'utf8')).toBe(stdout);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--repeat R prints median_us to stderr and writes the CSV of the last run', async () => {
    const r = await runCli('decay.xmile', '--repeat', '7', '--csv', 'repeat.csv');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^median_us=\d+(\.\d+)?\n$/);
    expect(readFileSync(join(dir, 'repeat.csv'), 'utf8')).toBe((await runCli('decay.xmile')).out);
  });
});

describe('joinedup run: bad input', () => {
  const cases: [string, string[], (string | RegExp)[]][] = [
    ['a missing file', ['nothere.xmile'], ['nothere.xmile', 'no such file']],
    ['malformed XML', ['broken.xmile'], ['broken.xmile', /line \d+/]],
    ['an equation syntax error', ['syntax.xmile'], ['syntax.xmile', 'rate', '0.5 *']],
    ['an unknown variable', ['unknown.xmile'], ['unknown.xmile', 'rate', 'speed']],
    ['an algebraic loop', ['loop.xmile'], ['loop.xmile', 'rate', 'other']],
    ['a value that becomes NaN', ['nan.xmile'], ['nan.xmile', 'rate', /time 0\b/]],
    ['a non-numeric --set value', ['decay.xmile', '--set', 'rate=fast'], ['decay.xmile', 'rate', 'fast']],
    ['a hexadecimal --set value', ['decay.xmile', '--set', 'rate=0x10'], ['decay.xmile', 'rate', '0x10']],
    ['an infinite --set value', ['decay.xmile', '--set', 'rate=Infinity'], ['decay.xmile', 'rate', 'Infinity']],
    ['an unknown --set name', ['decay.xmile', '--set', 'speed=2'], ['decay.xmile', 'speed']],
  ];
  it.each(cases)('%s: one message naming the file and variable, exit 1, no partial file', async (_label, args, mentions) => {
    const out = join(dir, 'keep.csv');
    writeFileSync(out, 'previous contents\n');
    const r = await runCli(...args, '--csv', 'keep.csv');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    for (const m of mentions) expect(r.err).toMatch(m);
    expect(readFileSync(out, 'utf8')).toBe('previous contents\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a CSV path in a folder that does not exist is an error, not a crash', async () => {
    const r = await runCli('decay.xmile', '--csv', 'no/such/folder/x.csv');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no/such/folder/x.csv');
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it.each([
    [[]],
    [['decay.xmile', 'other.xmile']],
    [['decay.xmile', '--method', 'rk2']],
    [['decay.xmile', '--repeat', '0']],
    [['decay.xmile', '--repeat', 'x']],
    [['decay.xmile', '--set', 'novalue']],
    [['decay.xmile', '--csv']],
    [['decay.xmile', '--bogus']],
  ])('usage error %j exits 2 with the usage line', async (args) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: joinedup run');
    expect(r.out).toBe('');
  });
});

describe('joinedup run: scenario files', () => {
  it('hands a .json file to runScenarioFile with the parsed options', async () => {
    const calls: [string, RunCommandOptions][] = [];
    const c = io();
    const code = await runCommand(['s.json', '--set', 'beds=10', '--method', 'rk4', '--csv', 'o.csv', '--repeat', '3'], c, {
      loadScenarioRunner: async () => async (path, options) => {
        calls.push([path, options]);
        return 0;
      },
    });
    expect(code).toBe(0);
    expect(calls).toEqual([[join(dir, 's.json'), { set: { beds: 10 }, method: 'rk4', csv: join(dir, 'o.csv'), repeat: 3 }]]);
  });

  it('says so clearly when the scenario runner is not in this build', async () => {
    const c = io();
    const code = await runCommand(['s.json'], c, { loadScenarioRunner: async () => undefined });
    expect(code).toBe(1);
    expect(c.err).toContain('s.json');
    expect(c.err).toContain('run-scenario');
  });
});

describe('bin/joinedup.js', () => {
  it('runs a model from a real process', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'joinedup.js'), 'run', teacup, '--set', 'Room Temperature=20'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const csv = parseCsv(r.stdout);
    expect(csv.rows).toHaveLength(241);
    expect(csv.rows[5][csv.header.indexOf('Room Temperature')]).toBe(20);
  });
});
