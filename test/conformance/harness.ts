/**
 * Conformance harness: reads the MANIFEST and the expected outputs of the public SDXorg test models
 * (test/conformance/models, see its README.md) and compares a run against them.
 *
 * Comparison rules (test/conformance/models/README.md):
 * - pass/fail: the test-models rule (`regression-test.py` compare()): a value passes if |e| <= 3e-6 and |a| <= 1e-6,
 *   or if |e - a| <= 1e-4 * max(|e|, |a|);
 * - also reported: PySD's stricter rule |e - a| <= atol + rtol * |a| with atol = rtol = 1e-5;
 * - columns matched by the shared name rule (normalizeName: case, quotes, runs of spaces / underscores / `\n`);
 *   only columns present in both are compared; Vensim's four control columns are never required;
 * - blank cells (Vensim writes a constant only in the first row) carry the value above down;
 * - CR, CRLF and LF line endings; rows matched by nearest time.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../models/engine/api.js';
import { normalizeName } from '../../models/engine/names.js';

export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'models');

export interface ManifestRow {
  /** Folder relative to test/conformance/models, e.g. `tests/lookups`. */
  path: string;
  modelFile: string;
  expectedFile: string;
  features: string;
  notes: string;
}

export function readManifest(): ManifestRow[] {
  const lines = readFileSync(join(MODELS_DIR, 'MANIFEST.tsv'), 'utf8').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  if (header[0] !== 'path' || header[1] !== 'model file' || header[2] !== 'expected-output file') {
    throw new Error(`MANIFEST.tsv: unexpected header ${header.join(' | ')}`);
  }
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length < 3) throw new Error(`MANIFEST.tsv line ${i + 2}: expected at least 3 tab-separated cells`);
    return { path: cells[0], modelFile: cells[1], expectedFile: cells[2], features: cells[3] ?? '', notes: cells[4] ?? '' };
  });
}

export interface ExpectedOutput {
  /** Column names as written; column 0 is the time. */
  columns: string[];
  /** rows[r][c]; blank cells already carried down. */
  rows: number[][];
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

/** Parse an expected-output text (.csv comma-separated, .tab tab-separated), any line ending. */
export function parseExpected(text: string, fileName: string): ExpectedOutput {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new Error(`${fileName}: no data rows`);
  const split = fileName.endsWith('.tab') ? (l: string) => l.split('\t') : splitCsvLine;
  const columns = split(lines[0]).map((c) => c.trim());
  const rows: number[][] = [];
  for (let r = 1; r < lines.length; r++) {
    const cells = split(lines[r]);
    if (cells.length > columns.length) throw new Error(`${fileName} row ${r + 1}: ${cells.length} cells for ${columns.length} columns`);
    const row: number[] = [];
    for (let c = 0; c < columns.length; c++) {
      const cell = (cells[c] ?? '').trim();
      if (cell === '') {
        if (r === 1 || c === 0) throw new Error(`${fileName} row ${r + 1}: blank cell in column '${columns[c]}' with nothing above to carry down`);
        row.push(rows[rows.length - 1][c]);
      } else {
        const v = Number(cell);
        if (Number.isNaN(v) && cell.toLowerCase() !== 'nan') throw new Error(`${fileName} row ${r + 1}: '${cell}' is not a number`);
        row.push(v);
      }
    }
    rows.push(row);
  }
  return { columns, rows };
}

export function readExpected(row: ManifestRow): ExpectedOutput {
  return parseExpected(readFileSync(join(MODELS_DIR, row.path, row.expectedFile), 'utf8'), `${row.path}/${row.expectedFile}`);
}

/** Vensim's control variables: never required (README "Never require the four Vensim control columns"). */
export const CONTROL_COLUMNS = new Set(['initial time', 'final time', 'time step', 'saveper']);

/** test-models rule (regression-test.py compare()). */
export function closeTestModels(e: number, a: number): boolean {
  if (Number.isNaN(e) || Number.isNaN(a)) return Number.isNaN(e) && Number.isNaN(a);
  if (Math.abs(e) <= 3e-6 && Math.abs(a) <= 1e-6) return true;
  return Math.abs(e - a) <= 1e-4 * Math.max(Math.abs(e), Math.abs(a));
}

/** PySD rule (assert_allclose with atol = rtol = 1e-5). */
export function closePysd(e: number, a: number): boolean {
  if (Number.isNaN(e) || Number.isNaN(a)) return Number.isNaN(e) && Number.isNaN(a);
  return Math.abs(e - a) <= 1e-5 + 1e-5 * Math.abs(a);
}

export interface Mismatch {
  column: string;
  time: number;
  expected: number;
  actual: number;
}

export interface Comparison {
  /** Expected column → model output name, for the columns compared. */
  matched: [string, string][];
  /** Expected columns the model does not output (control columns excluded). */
  unmatched: string[];
  /** Control columns the model does not output (skipped silently, as test-models does). */
  skippedControl: string[];
  rowsExpected: number;
  rowsActual: number;
  /** Expected rows with no output time within tolerance. */
  unmatchedTimes: number[];
  points: number;
  failures: Mismatch[];
  pysdFailures: Mismatch[];
  /** Largest |e - a| / max(|e|, |a|) over points outside the near-zero exemption. */
  maxRelError: number;
}

function nearestIndex(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(times[lo - 1] - t) <= Math.abs(times[lo] - t)) return lo - 1;
  return lo;
}

export function compare(result: RunResult, expected: ExpectedOutput): Comparison {
  const byName = new Map<string, number>();
  result.names.forEach((n, i) => byName.set(normalizeName(n), i));
  const matched: [string, string][] = [];
  const columnIndex: [number, number][] = [];
  const unmatched: string[] = [];
  const skippedControl: string[] = [];
  for (let c = 1; c < expected.columns.length; c++) {
    const key = normalizeName(expected.columns[c]);
    const i = byName.get(key);
    if (i === undefined) {
      (CONTROL_COLUMNS.has(key) ? skippedControl : unmatched).push(expected.columns[c]);
    } else {
      matched.push([expected.columns[c], result.names[i]]);
      columnIndex.push([c, i]);
    }
  }
  const cmp: Comparison = {
    matched,
    unmatched,
    skippedControl,
    rowsExpected: expected.rows.length,
    rowsActual: result.times.length,
    unmatchedTimes: [],
    points: 0,
    failures: [],
    pysdFailures: [],
    maxRelError: 0,
  };
  for (const row of expected.rows) {
    const t = row[0];
    const k = nearestIndex(result.times, t);
    // Times are printed with as few as 6 significant digits (99.9688 for 99.96875).
    if (!(Math.abs(result.times[k] - t) <= 1e-5 * Math.max(1, Math.abs(t)))) {
      cmp.unmatchedTimes.push(t);
      continue;
    }
    for (const [c, i] of columnIndex) {
      const e = row[c];
      const a = result.series[i][k];
      cmp.points++;
      const m = { column: expected.columns[c], time: t, expected: e, actual: a };
      if (!closeTestModels(e, a)) cmp.failures.push(m);
      if (!closePysd(e, a)) cmp.pysdFailures.push(m);
      if (!(Math.abs(e) <= 3e-6 && Math.abs(a) <= 1e-6)) {
        const scale = Math.max(Math.abs(e), Math.abs(a));
        const rel = scale === 0 ? 0 : Math.abs(e - a) / scale;
        if (!(rel <= cmp.maxRelError)) cmp.maxRelError = Number.isNaN(rel) ? Infinity : rel;
      }
    }
  }
  return cmp;
}

export function describeMismatches(list: Mismatch[], max = 5): string {
  return list
    .slice(0, max)
    .map((m) => `${m.column} @ t=${m.time}: expected ${m.expected}, got ${m.actual}`)
    .join('; ');
}
