/**
 * Scenario files are untrusted: a consultant's client, a colleague's e-mail, a file of unknown origin. This module
 * turns their text (or an already-parsed JSON value) into a `Scenario` rebuilt field by field from defaults, or into a
 * list of errors each naming the field and what is wrong. Nothing in a file is ever executed or evaluated: values are
 * only copied after their type, size and range are checked.
 *
 * Two file shapes are accepted:
 * - one scenario: `{ "format": "joinedup-scenario", "version": 1, "name": …, … }`
 * - many (import/export): `{ "format": "joinedup-scenarios", "version": 1, "scenarios": [ … ] }`
 *
 * Older scenario versions are upgraded on load through `UPGRADES`; a newer version is refused.
 */
import type { OrganisationalForm, ParameterInfo } from '../models/health-care/types.js';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from './scenario.js';

export const SCENARIO_SET_FORMAT = 'joinedup-scenarios';
export const SCENARIO_SET_VERSION = 1;

/** The id of the built-in care model; only its parameters are checked against the register. */
export const BUILT_IN_MODEL_ID = 'health-care';

/** Limits on untrusted input. Generous for real files, small enough that a hostile file cannot exhaust memory. */
export const LIMITS = {
  /** Characters of file text. */
  textLength: 20_000_000,
  /** Nesting depth of objects and arrays anywhere in the file (a scenario needs 3, a set 4). */
  depth: 12,
  /** Characters of any one string in the file. */
  anyString: 100_000,
  name: 200,
  description: 10_000,
  notes: 50_000,
  model: 1_000,
  tag: 60,
  tags: 50,
  parameters: 1_000,
  parameterName: 200,
  scenariosInSet: 20_000,
} as const;

/** The first financial year the built-in model is calibrated to (2019/20), as the built-in scenarios use. */
export const DEFAULT_START_DATE = '2019-04-01';
export const DEFAULT_HORIZON_YEARS = 10;
/** HM Treasury Green Book rate. */
export const DEFAULT_DISCOUNT_RATE = 0.035;
export const HORIZON_BOUNDS = { min: 1, max: 50 } as const;
export const DISCOUNT_RATE_BOUNDS = { min: 0, max: 0.25 } as const;

export interface ParseError {
  /** The field the error is about, as a path (`parameters.bedCapacity`, `scenarios[2].name`), or `file`. */
  where: string;
  message: string;
  /** The file name, when the caller gave one. */
  file?: string;
}

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: string[] }
  | { ok: false; errors: ParseError[] };

export type ParseSetResult =
  | { ok: true; scenarios: Scenario[]; warnings: string[] }
  | { ok: false; errors: ParseError[] };

/** Keys that could reach an object's prototype if some later code merged the value naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const SCENARIO_FIELDS = [
  'format',
  'version',
  'name',
  'description',
  'model',
  'form',
  'parameters',
  'startDate',
  'horizonYears',
  'discountRate',
  'notes',
  'tags',
] as const;

const FORMS: readonly OrganisationalForm[] = ['separate', 'combined'];

/**
 * Upgrades from an older scenario version to the next one, applied in a chain until `SCENARIO_VERSION`.
 * Version 0 is the draft format used before the first release: overrides under `overrides`, the horizon under
 * `horizon`, and no `notes` or `tags`.
 */
const UPGRADES: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => {
    const next: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(old)) {
      if (key === 'overrides') next.parameters = value;
      else if (key === 'horizon') next.horizonYears = value;
      else next[key] = value;
    }
    next.version = 1;
    return next;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Public entry points

/** Parse the text of a file holding exactly one scenario. A set file with one scenario is accepted too. */
export function parseScenarioText(text: string, fileName?: string, register?: readonly ParameterInfo[]): ParseResult {
  const set = parseScenarioFileText(text, fileName, register);
  if (!set.ok) return set;
  if (set.scenarios.length !== 1) {
    return fail(
      [{ where: 'scenarios', message: `expected one scenario but the file holds ${set.scenarios.length}; import it instead` }],
      fileName,
    );
  }
  return { ok: true, scenario: set.scenarios[0], warnings: set.warnings };
}

/** Parse the text of a scenario file holding one scenario or a set of them (import). */
export function parseScenarioFileText(
  text: string,
  fileName?: string,
  register?: readonly ParameterInfo[],
): ParseSetResult {
  if (typeof text !== 'string') return fail([{ where: 'file', message: 'expected the text of a file' }], fileName);
  if (text.length > LIMITS.textLength) {
    return fail(
      [{ where: 'file', message: `the file is too large (${text.length} characters; the limit is ${LIMITS.textLength})` }],
      fileName,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (err) {
    return fail([{ where: 'file', message: `not valid JSON: ${jsonErrorMessage(err, text)}` }], fileName);
  }
  return parseScenarioFile(value, fileName, register);
}

/** Check a parsed JSON value holding one scenario or a set of them. */
export function parseScenarioFile(value: unknown, fileName?: string, register?: readonly ParameterInfo[]): ParseSetResult {
  const shapeErrors = checkShape(value);
  if (shapeErrors.length > 0) return fail(shapeErrors, fileName);
  if (!isPlainObject(value)) {
    return fail([{ where: 'file', message: `expected a JSON object with "format": "${SCENARIO_FORMAT}", got ${describe(value)}` }], fileName);
  }
  if (value.format === SCENARIO_SET_FORMAT) return parseSet(value, fileName, register);
  const one = parseScenarioObject(value, '', register);
  if (!one.ok) return fail(one.errors, fileName);
  return { ok: true, scenarios: [one.scenario], warnings: one.warnings };
}

/** Check a parsed JSON value holding exactly one scenario. */
export function parseScenario(value: unknown, fileName?: string, register?: readonly ParameterInfo[]): ParseResult {
  const shapeErrors = checkShape(value);
  if (shapeErrors.length > 0) return fail(shapeErrors, fileName);
  if (isPlainObject(value) && value.format === SCENARIO_SET_FORMAT) {
    return fail([{ where: 'format', message: `expected one scenario ("${SCENARIO_FORMAT}"), got a set of scenarios` }], fileName);
  }
  const one = parseScenarioObject(value, '', register);
  return one.ok ? one : fail(one.errors, fileName);
}

/** The text of a file holding one scenario (a single scenario) or many (a set), as export writes it. */
export function formatScenarioFile(scenarios: readonly Scenario[]): string {
  if (scenarios.length === 1) return JSON.stringify(scenarios[0], null, 2) + '\n';
  return JSON.stringify({ format: SCENARIO_SET_FORMAT, version: SCENARIO_SET_VERSION, scenarios }, null, 2) + '\n';
}

/** One line per error, each naming the file (when known) and the field. */
export function formatParseErrors(errors: readonly ParseError[]): string {
  return errors.map((e) => `${e.file ? `${e.file}: ` : ''}${e.where}: ${e.message}`).join('\n');
}

/** A scenario with every field at its default, for "new scenario". */
export function defaultScenario(name: string, form: OrganisationalForm = 'separate'): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name,
    description: '',
    model: BUILT_IN_MODEL_ID,
    form,
    parameters: {},
    startDate: DEFAULT_START_DATE,
    horizonYears: DEFAULT_HORIZON_YEARS,
    discountRate: DEFAULT_DISCOUNT_RATE,
    notes: '',
    tags: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Set files

function parseSet(value: Record<string, unknown>, fileName: string | undefined, register?: readonly ParameterInfo[]): ParseSetResult {
  const errors: ParseError[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'format' && key !== 'version' && key !== 'scenarios') {
      errors.push({ where: key, message: `unknown field in a scenario set (allowed: format, version, scenarios)` });
    }
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    errors.push({ where: 'version', message: `expected an integer format version, got ${describe(version)}` });
  } else if (version > SCENARIO_SET_VERSION) {
    errors.push({
      where: 'version',
      message: `this scenario set was written by a newer version of JoinedUp (set version ${version}; this version reads up to ${SCENARIO_SET_VERSION}); update JoinedUp to open it`,
    });
  } else if (version < 1) {
    errors.push({ where: 'version', message: `unsupported set version ${version} (supported: 1 to ${SCENARIO_SET_VERSION})` });
  }
  const list = value.scenarios;
  if (!Array.isArray(list)) {
    errors.push({ where: 'scenarios', message: `expected an array of scenarios, got ${describe(list)}` });
    return fail(errors, fileName);
  }
  if (list.length > LIMITS.scenariosInSet) {
    errors.push({ where: 'scenarios', message: `too many scenarios (${list.length}; the limit is ${LIMITS.scenariosInSet})` });
    return fail(errors, fileName);
  }
  if (list.length === 0) errors.push({ where: 'scenarios', message: 'the set holds no scenarios' });
  const scenarios: Scenario[] = [];
  const warnings: string[] = [];
  list.forEach((item, i) => {
    const one = parseScenarioObject(item, `scenarios[${i}].`, register);
    if (one.ok) {
      scenarios.push(one.scenario);
      warnings.push(...one.warnings.map((w) => `scenarios[${i}] (${one.scenario.name}): ${w}`));
    } else errors.push(...one.errors);
  });
  if (errors.length > 0) return fail(errors, fileName);
  return { ok: true, scenarios, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// One scenario

type Checked = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: ParseError[] };

function parseScenarioObject(value: unknown, prefix: string, register?: readonly ParameterInfo[]): Checked {
  const at = (field: string) => prefix + field;
  if (!isPlainObject(value)) {
    return { ok: false, errors: [{ where: prefix ? prefix.slice(0, -1) : 'file', message: `expected a scenario object, got ${describe(value)}` }] };
  }
  if (value.format !== SCENARIO_FORMAT) {
    return {
      ok: false,
      errors: [{ where: at('format'), message: `expected "${SCENARIO_FORMAT}" (or "${SCENARIO_SET_FORMAT}" for a set), got ${describe(value.format)}` }],
    };
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, errors: [{ where: at('version'), message: `expected an integer format version, got ${describe(version)}` }] };
  }
  if (version > SCENARIO_VERSION) {
    return {
      ok: false,
      errors: [
        {
          where: at('version'),
          message: `this scenario was written by a newer version of JoinedUp (format version ${version}; this version reads up to ${SCENARIO_VERSION}); update JoinedUp to open it`,
        },
      ],
    };
  }
  let current: Record<string, unknown> = value;
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const upgrade = UPGRADES[v];
    if (!upgrade) {
      return { ok: false, errors: [{ where: at('version'), message: `unsupported format version ${version} (supported: 0 to ${SCENARIO_VERSION})` }] };
    }
    current = upgrade(current);
  }
  return buildScenario(current, at, register);
}

function buildScenario(raw: Record<string, unknown>, at: (field: string) => string, register?: readonly ParameterInfo[]): Checked {
  const errors: ParseError[] = [];
  const warnings: string[] = [];
  const scenario = defaultScenario('');
  const known = new Set<string>(SCENARIO_FIELDS);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) errors.push({ where: at(key), message: `unknown field (allowed: ${SCENARIO_FIELDS.join(', ')})` });
  }

  // name: required
  if (raw.name === undefined) errors.push({ where: at('name'), message: 'missing: every scenario needs a name' });
  else {
    const name = text(raw.name, at('name'), LIMITS.name, { multiline: false, spreadsheetSafe: true }, errors);
    if (name !== undefined) {
      if (name.trim() === '') errors.push({ where: at('name'), message: 'must not be empty' });
      else scenario.name = name.trim();
    }
  }
  if (raw.description !== undefined) {
    const d = text(raw.description, at('description'), LIMITS.description, { multiline: true, spreadsheetSafe: false }, errors);
    if (d !== undefined) scenario.description = d;
  }
  if (raw.notes !== undefined) {
    const n = text(raw.notes, at('notes'), LIMITS.notes, { multiline: true, spreadsheetSafe: false }, errors);
    if (n !== undefined) scenario.notes = n;
  }
  if (raw.model !== undefined) {
    const m = modelReference(raw.model, at('model'), errors);
    if (m !== undefined) scenario.model = m;
  }
  // form: required, because the two forms have different defaults and guessing would change every result.
  if (raw.form === undefined) errors.push({ where: at('form'), message: `missing: expected "separate" or "combined"` });
  else if (typeof raw.form !== 'string' || !(FORMS as readonly string[]).includes(raw.form)) {
    errors.push({ where: at('form'), message: `expected "separate" or "combined", got ${describe(raw.form)}` });
  } else scenario.form = raw.form as OrganisationalForm;

  if (raw.startDate !== undefined) {
    const d = isoDate(raw.startDate, at('startDate'), errors);
    if (d !== undefined) scenario.startDate = d;
  }
  if (raw.horizonYears !== undefined) {
    const h = boundedNumber(raw.horizonYears, at('horizonYears'), HORIZON_BOUNDS, 'years', errors);
    if (h !== undefined) scenario.horizonYears = h;
  }
  if (raw.discountRate !== undefined) {
    const r = boundedNumber(raw.discountRate, at('discountRate'), DISCOUNT_RATE_BOUNDS, 'a yearly fraction, e.g. 0.035', errors);
    if (r !== undefined) scenario.discountRate = r;
  }
  if (raw.tags !== undefined) {
    const t = tags(raw.tags, at('tags'), errors);
    if (t !== undefined) scenario.tags = t;
  }
  if (raw.parameters !== undefined) {
    const useRegister = scenario.model === BUILT_IN_MODEL_ID ? register : undefined;
    const p = parameters(raw.parameters, at('parameters'), useRegister, errors, warnings);
    if (p !== undefined) scenario.parameters = p;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Field checks

interface TextRules {
  multiline: boolean;
  /** Refuse a leading `=`, `+` or `@`, which a spreadsheet would treat as a formula when the name reaches a CSV. */
  spreadsheetSafe: boolean;
}

// Scenario text is only ever shown as text, but a field that looks like markup or a script is almost certainly an
// attack or a mistake, so it is refused with a named error rather than stored and shown.
const MARKUP = /<\s*[a-z!?/]|javascript\s*:|data\s*:\s*text\/html/i;
// Control characters other than tab, newline and carriage return, and the bidirectional overrides that can make
// text display differently from what it says.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function text(value: unknown, where: string, max: number, rules: TextRules, errors: ParseError[]): string | undefined {
  if (typeof value !== 'string') {
    errors.push({ where, message: `expected text, got ${describe(value)}` });
    return undefined;
  }
  if (value.length > max) {
    errors.push({ where, message: `too long (${value.length} characters; the limit is ${max})` });
    return undefined;
  }
  if (!rules.multiline && /[\r\n\t]/.test(value)) {
    errors.push({ where, message: 'must be a single line' });
    return undefined;
  }
  if (CONTROL.test(value)) {
    errors.push({ where, message: 'contains control characters' });
    return undefined;
  }
  if (MARKUP.test(value)) {
    errors.push({ where, message: 'looks like markup or script (e.g. "<script" or "javascript:"); scenario text must be plain text' });
    return undefined;
  }
  if (rules.spreadsheetSafe && /^\s*[=+@]/.test(value)) {
    errors.push({ where, message: 'must not start with "=", "+" or "@" (it would be read as a formula in a spreadsheet)' });
    return undefined;
  }
  return value;
}

// A model reference is a built-in id or the path of an XMILE file; nothing else (no URLs, no expressions).
const MODEL_ID = /^[a-z][a-z0-9-]*$/;
const MODEL_PATH = /\.(xmile|stmx|xml)$/i;

function modelReference(value: unknown, where: string, errors: ParseError[]): string | undefined {
  const s = text(value, where, LIMITS.model, { multiline: false, spreadsheetSafe: true }, errors);
  if (s === undefined) return undefined;
  if (MODEL_ID.test(s) || MODEL_PATH.test(s)) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
      errors.push({ where, message: 'a model must be a built-in id or a local XMILE file path, not a URL' });
      return undefined;
    }
    return s;
  }
  errors.push({
    where,
    message: `expected a built-in model id (such as "${BUILT_IN_MODEL_ID}") or the path of an XMILE file (.xmile, .stmx, .xml), got ${describe(s)}`,
  });
  return undefined;
}

function isoDate(value: unknown, where: string, errors: ParseError[]): string | undefined {
  if (typeof value !== 'string') {
    errors.push({ where, message: `expected a date as "YYYY-MM-DD", got ${describe(value)}` });
    return undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) {
    errors.push({ where, message: `expected a date as "YYYY-MM-DD", got ${describe(value)}` });
    return undefined;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    errors.push({ where, message: `not a real date: ${value}` });
    return undefined;
  }
  if (y < 1900 || y > 2200) {
    errors.push({ where, message: `year ${y} is outside 1900 to 2200` });
    return undefined;
  }
  return value;
}

function boundedNumber(
  value: unknown,
  where: string,
  bounds: { min: number; max: number },
  unit: string,
  errors: ParseError[],
): number | undefined {
  if (typeof value !== 'number') {
    errors.push({ where, message: `expected a number (${unit}), got ${describe(value)}` });
    return undefined;
  }
  if (!Number.isFinite(value)) {
    errors.push({ where, message: 'expected a finite number' });
    return undefined;
  }
  if (value < bounds.min || value > bounds.max) {
    errors.push({ where, message: `${value} is out of bounds: allowed ${bounds.min} to ${bounds.max}` });
    return undefined;
  }
  return value;
}

function tags(value: unknown, where: string, errors: ParseError[]): string[] | undefined {
  if (!Array.isArray(value)) {
    errors.push({ where, message: `expected an array of tags, got ${describe(value)}` });
    return undefined;
  }
  if (value.length > LIMITS.tags) {
    errors.push({ where, message: `too many tags (${value.length}; the limit is ${LIMITS.tags})` });
    return undefined;
  }
  const out: string[] = [];
  let bad = false;
  value.forEach((item, i) => {
    const t = text(item, `${where}[${i}]`, LIMITS.tag, { multiline: false, spreadsheetSafe: true }, errors);
    if (t === undefined) bad = true;
    else if (t.trim() === '') {
      errors.push({ where: `${where}[${i}]`, message: 'must not be empty' });
      bad = true;
    } else if (!out.includes(t.trim())) out.push(t.trim());
  });
  return bad ? undefined : out;
}

function parameters(
  value: unknown,
  where: string,
  register: readonly ParameterInfo[] | undefined,
  errors: ParseError[],
  warnings: string[],
): Record<string, number> | undefined {
  if (!isPlainObject(value)) {
    errors.push({ where, message: `expected an object of parameter overrides (name: number), got ${describe(value)}` });
    return undefined;
  }
  const entries = Object.keys(value);
  if (entries.length > LIMITS.parameters) {
    errors.push({ where, message: `too many parameter overrides (${entries.length}; the limit is ${LIMITS.parameters})` });
    return undefined;
  }
  const byName = register ? new Map(register.map((p) => [p.name, p])) : undefined;
  const out: Record<string, number> = {};
  let bad = false;
  for (const name of entries) {
    const field = `${where}.${name}`;
    const raw = value[name];
    if (name.length === 0 || name.length > LIMITS.parameterName || CONTROL.test(name) || MARKUP.test(name)) {
      errors.push({ where: field.slice(0, where.length + 1 + 80), message: 'not a valid parameter name' });
      bad = true;
      continue;
    }
    const info = byName?.get(name);
    if (byName && !info) {
      const hint = suggest(name, register!);
      errors.push({ where: field, message: `unknown parameter${hint ? ` (did you mean "${hint}"?)` : ''}` });
      bad = true;
      continue;
    }
    if (typeof raw !== 'number') {
      errors.push({
        where: field,
        message: `expected a number${info ? ` (${info.unit})` : ''}, got ${describe(raw)}; equations and text are not allowed in a scenario file`,
      });
      bad = true;
      continue;
    }
    if (!Number.isFinite(raw)) {
      errors.push({ where: field, message: 'expected a finite number' });
      bad = true;
      continue;
    }
    if (info) {
      if (raw < info.bounds.min || raw > info.bounds.max) {
        errors.push({ where: field, message: `${raw} is out of bounds: allowed ${info.bounds.min} to ${info.bounds.max} ${info.unit}`.trimEnd() });
        bad = true;
        continue;
      }
      if (raw < info.range.low || raw > info.range.high) {
        warnings.push(`${field} = ${raw} is outside the plausible range ${info.range.low} to ${info.range.high} ${info.unit}`.trimEnd());
      }
    }
    out[name] = raw;
  }
  return bad ? undefined : out;
}

/** A register name equal to `name` ignoring case, spaces and underscores, for a helpful hint. */
function suggest(name: string, register: readonly ParameterInfo[]): string | undefined {
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  return register.find((p) => key(p.name) === key(name))?.name;
}

// ---------------------------------------------------------------------------------------------------------------
// Whole-value checks, before any field is read

/**
 * Walk the parsed value once, refusing prototype keys, excessive nesting, huge strings and non-finite numbers
 * anywhere, so the field checks never see them. Stops at the first few problems.
 */
function checkShape(root: unknown): ParseError[] {
  const errors: ParseError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0 && errors.length < 20) {
    const { value, path, depth } = stack.pop()!;
    const where = path || 'file';
    if (typeof value === 'string') {
      if (value.length > LIMITS.anyString) {
        errors.push({ where, message: `text too long (${value.length} characters; the limit is ${LIMITS.anyString})` });
      }
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) errors.push({ where, message: 'expected a finite number' });
    } else if (value !== null && typeof value === 'object') {
      if (depth >= LIMITS.depth) {
        errors.push({ where, message: `nested too deeply (the limit is ${LIMITS.depth} levels)` });
        continue;
      }
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      } else {
        for (const key of Object.keys(value)) {
          const child = path ? `${path}.${shortKey(key)}` : shortKey(key);
          if (FORBIDDEN_KEYS.has(key)) {
            errors.push({ where: child, message: `the key "${key}" is not allowed` });
            continue;
          }
          if (key.length > LIMITS.anyString) {
            errors.push({ where: path || 'file', message: 'a field name is too long' });
            continue;
          }
          stack.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
        }
      }
    }
  }
  return errors;
}

function shortKey(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A short description of a value for an error message, never echoing a long string in full. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function jsonErrorMessage(err: unknown, source: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(message);
  if (!m) return message.length > 200 ? `${message.slice(0, 200)}…` : message;
  const pos = Number(m[1]);
  const before = source.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const short = message.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return `${short.length > 200 ? `${short.slice(0, 200)}…` : short} at line ${line}, column ${column}`;
}

function fail(errors: ParseError[], fileName?: string): { ok: false; errors: ParseError[] } {
  return { ok: false, errors: fileName ? errors.map((e) => ({ ...e, file: fileName })) : errors };
}
