import { describe, expect, it } from 'vitest';
import type { ParameterInfo } from '../../models/health-care/types.js';
import {
  LIMITS,
  formatScenarioFile,
  parseScenario,
  parseScenarioFileText,
  parseScenarioText,
} from '../../scenarios/parse.js';

const register: ParameterInfo[] = [
  {
    name: 'acute_beds',
    label: 'Acute beds',
    value: 1100,
    unit: 'beds',
    bounds: { min: 0, max: 10000 },
    range: { low: 900, mode: 1100, high: 1300 },
    source: 'S41a',
    grade: 'sourced',
    description: 'General and acute beds',
    group: 'capacity',
  },
];

const good = {
  format: 'joinedup-scenario',
  version: 1,
  name: 'Combined, fast assessment',
  description: 'Assessment delays halved',
  model: 'health-care',
  form: 'combined',
  parameters: { acute_beds: 1000 },
  startDate: '2019-04-01',
  horizonYears: 10,
  discountRate: 0.035,
  notes: 'From the March workshop',
  tags: ['workshop', 'draft'],
};

function errorsOf(value: unknown) {
  const r = parseScenario(value, 'x.json', register);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseScenario', () => {
  it('accepts a complete scenario and rebuilds it field by field', () => {
    const r = parseScenario(good, undefined, register);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).toEqual(good);
    expect(r.scenario).not.toBe(good);
    expect(r.warnings).toEqual([]);
  });

  it('fills missing optional fields with defaults', () => {
    const r = parseScenario({ format: 'joinedup-scenario', version: 1, name: 'x', form: 'separate' });
    expect(r.ok && r.scenario).toMatchObject({ model: 'health-care', parameters: {}, tags: [], notes: '', horizonYears: 10, discountRate: 0.035 });
  });

  it('names an unknown field', () => {
    expect(errorsOf({ ...good, colour: 'red' })).toContainEqual(expect.objectContaining({ where: 'colour', file: 'x.json' }));
  });

  it('names a field of the wrong type', () => {
    const errors = errorsOf({ ...good, horizonYears: '10', tags: 'a' });
    expect(errors.map((e) => e.where).sort()).toEqual(['horizonYears', 'tags']);
    expect(errors[0].message).toMatch(/expected/);
  });

  it('names an unknown parameter and suggests the close one', () => {
    const [e] = errorsOf({ ...good, parameters: { 'Acute Beds': 5 } });
    expect(e.where).toBe('parameters.Acute Beds');
    expect(e.message).toMatch(/unknown parameter.*acute_beds/);
  });

  it('gives the bounds for a value out of bounds and warns outside the plausible range', () => {
    const [e] = errorsOf({ ...good, parameters: { acute_beds: -1 } });
    expect(e).toMatchObject({ where: 'parameters.acute_beds' });
    expect(e.message).toContain('0 to 10000');
    const r = parseScenario({ ...good, parameters: { acute_beds: 2000 } }, undefined, register);
    expect(r.ok && r.warnings[0]).toMatch(/plausible range 900 to 1300/);
  });

  it('refuses a newer format version clearly and upgrades version 0', () => {
    const [e] = errorsOf({ ...good, version: 2 });
    expect(e.where).toBe('version');
    expect(e.message).toMatch(/newer version of JoinedUp/);
    const { parameters, horizonYears, notes, tags, ...rest } = good;
    void notes; void tags;
    const r = parseScenario({ ...rest, version: 0, overrides: parameters, horizon: horizonYears }, undefined, register);
    expect(r.ok && r.scenario).toMatchObject({ version: 1, parameters: { acute_beds: 1000 }, horizonYears: 10, tags: [] });
    expect(errorsOf({ ...good, version: -3 })[0].message).toMatch(/unsupported format version/);
  });

  it('refuses a wrong format tag', () => {
    expect(errorsOf({ ...good, format: 'something' })[0].where).toBe('format');
  });
});

describe('hostile input', () => {
  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"format":"joinedup-scenario","version":1,"name":"x","form":"separate","parameters":{"${key}":{"polluted":1}}}`;
      const r = parseScenarioText(text, 'evil.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ where: `parameters.${key}`, file: 'evil.json' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const depth = 100_000;
    const text = `{"format":"joinedup-scenario","version":1,"name":"x","form":"separate","notes":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/nested too deeply/);
  });

  it('refuses huge strings and huge files', () => {
    const r = parseScenario({ ...good, description: 'a'.repeat(LIMITS.anyString + 1) });
    expect(!r.ok && r.errors[0]).toMatchObject({ where: 'description' });
    const n = parseScenario({ ...good, name: 'a'.repeat(LIMITS.name + 1) });
    expect(!n.ok && n.errors[0].message).toMatch(/too long/);
    const f = parseScenarioText(' '.repeat(LIMITS.textLength + 1));
    expect(!f.ok && f.errors[0].message).toMatch(/too large/);
  });

  it('refuses non-finite numbers', () => {
    const r = parseScenarioText('{"format":"joinedup-scenario","version":1,"name":"x","form":"separate","horizonYears":1e999}');
    expect(!r.ok && r.errors[0]).toMatchObject({ where: 'horizonYears', message: 'expected a finite number' });
  });

  it('refuses equation or script text in any field, naming it', () => {
    const cases: [string, unknown][] = [
      ['name', '<script>alert(1)</script>'],
      ['name', '=HYPERLINK("http://evil")'],
      ['description', '<img src=x onerror=alert(1)>'],
      ['notes', 'see javascript:alert(1)'],
      ['model', 'require("child_process").exec("rm -rf /")'],
      ['model', 'https://evil.example/model.xmile'],
      ['form', 'combined || process.exit()'],
      ['startDate', 'new Date()'],
      ['horizonYears', '5*2'],
      ['discountRate', 'Math.random()'],
      ['name', 'invoice\u202egpj.exe'],
      ['notes', 'bell\u0007'],
    ];
    for (const [field, value] of cases) {
      const errors = errorsOf({ ...good, [field]: value });
      expect(errors.map((e) => e.where), `${field}=${String(value)}`).toEqual([field]);
    }
    expect(errorsOf({ ...good, parameters: { acute_beds: 'acute_beds * 2' } })[0]).toMatchObject({ where: 'parameters.acute_beds' });
    expect(errorsOf({ ...good, tags: ['ok', '<b>x</b>'] })[0]).toMatchObject({ where: 'tags[1]' });
  });

  it('reports invalid JSON without echoing the whole file', () => {
    const r = parseScenarioText(`{\n  "name": ${'"x",'.repeat(10_000)}\n}`, 'broken.json');
    expect(!r.ok && r.errors[0]).toMatchObject({ where: 'file', file: 'broken.json' });
    expect(!r.ok && r.errors[0].message).toMatch(/^not valid JSON/);
    expect(!r.ok && r.errors[0].message.length).toBeLessThan(300);
  });
});

describe('scenario sets', () => {
  it('round-trips many scenarios through a set file', () => {
    const b = { ...good, name: 'Separate', form: 'separate' };
    const text = formatScenarioFile([good as never, b as never]);
    const r = parseScenarioFileText(text, 'set.json', register);
    expect(r.ok && r.scenarios.map((s) => s.name)).toEqual(['Combined, fast assessment', 'Separate']);
    const one = parseScenarioFileText(formatScenarioFile([good as never]), 'one.json', register);
    expect(one.ok && one.scenarios).toHaveLength(1);
  });

  it('names the scenario and field at fault inside a set', () => {
    const r = parseScenarioFileText(JSON.stringify({ format: 'joinedup-scenarios', version: 1, scenarios: [good, { ...good, form: 'merged' }] }));
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ where: 'scenarios[1].form' })]);
    const newer = parseScenarioFileText(JSON.stringify({ format: 'joinedup-scenarios', version: 9, scenarios: [good] }));
    expect(!newer.ok && newer.errors[0].message).toMatch(/newer version/);
  });

  it('parseScenarioText refuses a set of several', () => {
    const r = parseScenarioText(formatScenarioFile([good as never, good as never]));
    expect(!r.ok && r.errors[0].message).toMatch(/holds 2/);
  });
});
