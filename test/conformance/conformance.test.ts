/**
 * Conformance: every model file in test/conformance/models/MANIFEST.tsv is imported, compiled, run and compared
 * column by column with its expected output (rules in harness.ts and models/README.md).
 *
 * Three kinds of rows are not expected to match, each listed here with the reason and the error it must give:
 * - expected-unsupported: models that need modules, arrays or macros; they must fail with ModelError 'unsupported'
 *   naming the feature (never a wrong answer);
 * - known-bad: test_logicals.stmx contains `IF false_input not THEN` (postfix not), not valid XMILE; the MANIFEST
 *   marks it KNOWN-BAD and it must give a syntax error;
 * - a method override: test_zeroled_decimals.xmile says method="RK4" but its expected output is Vensim's Euler
 *   (flow7 = Time makes the difference visible); the MANIFEST note says to integrate with Euler, so we run it with
 *   `method: 'euler'`. The importer itself still reads RK4 from the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../models/engine/api.js';
import { compileModel } from '../../models/engine/index.js';
import type { IntegrationMethod } from '../../models/engine/spec.js';
import { parseXmile } from '../../models/xmile/index.js';
import { compare, describeMismatches, MODELS_DIR, readExpected, readManifest, type ManifestRow } from './harness.js';

const EXPECTED_UNSUPPORTED: Record<string, string> = {
  'samples/bpowers-hares_and_lynxes_modules/model.stmx': 'modules',
  'samples/bpowers-hares_and_lynxes_modules/model.xmile': 'modules',
  'samples/bpowers-hares_and_lynxes_modules/model_legacy.stmx': 'modules',
};

const KNOWN_BAD: Record<string, { code: ModelError['code']; variable: string }> = {
  'tests/logicals/test_logicals.stmx': { code: 'syntax', variable: 'NOT output' },
};

const METHOD_OVERRIDE: Record<string, IntegrationMethod> = {
  'tests/zeroled_decimals/test_zeroled_decimals.xmile': 'euler',
};

const manifest = readManifest();
const key = (row: ManifestRow) => `${row.path}/${row.modelFile}`;

interface Outcome {
  model: string;
  status: 'passed' | 'failed' | 'expected-unsupported' | 'known-bad';
  columns?: number;
  points?: number;
  pysd?: boolean;
  maxRel?: number;
  note?: string;
}
const outcomes: Outcome[] = [];

function load(row: ManifestRow) {
  return parseXmile(readFileSync(join(MODELS_DIR, row.path, row.modelFile), 'utf8'), key(row));
}

/** What running a model throws (undefined when it runs). */
function runError(row: ManifestRow): unknown {
  try {
    compileModel(load(row)).run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('the MANIFEST and our lists agree', () => {
  it('lists every model file that exists, with an expected output', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(50);
    for (const row of manifest) {
      expect(() => readFileSync(join(MODELS_DIR, row.path, row.modelFile))).not.toThrow();
      expect(readExpected(row).rows.length).toBeGreaterThan(0);
    }
  });

  it('marks exactly the KNOWN-BAD rows as known-bad, and only module/array/macro rows as unsupported', () => {
    const knownBad = manifest.filter((r) => /KNOWN-BAD/.test(r.notes)).map(key);
    expect(knownBad.sort()).toEqual(Object.keys(KNOWN_BAD).sort());
    const needsFeature = manifest.filter((r) => /\b(modules|arrays|macros)\b/i.test(r.features)).map(key);
    expect(needsFeature.sort()).toEqual(Object.keys(EXPECTED_UNSUPPORTED).sort());
    for (const k of Object.keys(METHOD_OVERRIDE)) {
      const row = manifest.find((r) => key(r) === k);
      expect(row?.notes).toMatch(/integrate with Euler/);
    }
  });
});

describe('the zeroled_decimals method override is needed', () => {
  it('run with the RK4 its file names, it does not match the (Euler) expected output', () => {
    const row = manifest.find((r) => key(r) === 'tests/zeroled_decimals/test_zeroled_decimals.xmile') as ManifestRow;
    const spec = load(row);
    expect(spec.sim.method).toBe('rk4');
    const cmp = compare(compileModel(spec).run(), readExpected(row));
    expect(cmp.failures.length).toBeGreaterThan(0);
  });
});

describe('conformance', () => {
  for (const row of manifest) {
    const model = key(row);
    const feature = EXPECTED_UNSUPPORTED[model];
    const bad = KNOWN_BAD[model];
    if (feature) {
      it(`${model}: expected-unsupported (${feature})`, () => {
        const error = runError(row);
        expect(error).toBeInstanceOf(ModelError);
        const me = error as ModelError;
        expect(me.code).toBe('unsupported');
        expect(me.message).toContain(feature);
        expect(me.file).toBe(model);
        outcomes.push({ model, status: 'expected-unsupported', note: me.message });
      });
    } else if (bad) {
      it(`${model}: known-bad upstream file gives a ${bad.code} error`, () => {
        const error = runError(row);
        expect(error).toBeInstanceOf(ModelError);
        expect((error as ModelError).code).toBe(bad.code);
        expect((error as ModelError).variable).toBe(bad.variable);
        outcomes.push({ model, status: 'known-bad', note: (error as ModelError).message });
      });
    } else {
      it(`${model} matches ${row.expectedFile}`, () => {
        const outcome: Outcome = { model, status: 'failed' };
        outcomes.push(outcome);
        const method = METHOD_OVERRIDE[model];
        const result = compileModel(load(row)).run(method ? { method } : {});
        const cmp = compare(result, readExpected(row));
        outcome.columns = cmp.matched.length;
        outcome.points = cmp.points;
        outcome.pysd = cmp.pysdFailures.length === 0;
        outcome.maxRel = cmp.maxRelError;
        if (method) outcome.note = `run with ${method} (MANIFEST note)`;
        expect(cmp.unmatched, 'expected columns the model does not output').toEqual([]);
        expect(cmp.matched.length).toBeGreaterThan(0);
        expect(cmp.rowsActual).toBe(cmp.rowsExpected);
        expect(cmp.unmatchedTimes).toEqual([]);
        expect(cmp.failures.length, describeMismatches(cmp.failures)).toBe(0);
        outcome.status = 'passed';
      });
    }
  }

  afterAll(() => {
    const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
    const ran = outcomes.filter((o) => o.status === 'passed' || o.status === 'failed');
    const pysd = ran.filter((o) => o.pysd).length;
    const lines = ['', 'Conformance summary (test-models rule: rel 1e-4, near-zero |e|<=3e-6 & |a|<=1e-6)'];
    for (const o of outcomes) {
      const detail =
        o.columns !== undefined
          ? `${o.columns} columns, ${o.points} points, max rel err ${o.maxRel?.toExponential(2)}, PySD 1e-5: ${o.pysd ? 'pass' : 'FAIL'}`
          : '';
      lines.push(`  ${o.status.padEnd(20)} ${o.model}  ${detail}${o.note ? `  [${o.note}]` : ''}`);
    }
    lines.push(
      `conformance: ${count('passed')} passed, ${count('failed')} failed, ${count('expected-unsupported')} expected-unsupported, ${count('known-bad')} known-bad`,
      `PySD rule (atol=rtol=1e-5): ${pysd} of ${ran.length} compared models within tolerance`,
    );
    console.log(lines.join('\n'));
  });
});
