/**
 * IR → JavaScript source. Every character of the generated code comes from this file: slot indices and numbers
 * formatted here, fixed operators, whitelisted Math functions and the helper parameter names below. No text
 * from a model (names, equations) ever reaches `new Function`.
 */
import type { IR, MathFn, Mode } from './ir.js';
import {
  delayRead,
  power,
  pulseFn,
  rampFn,
  safeDiv,
  SIM_DT,
  SIM_START,
  SIM_STOP,
  stepFn,
  tableValue,
  type PackedTable,
} from './runtime.js';

const MATH_FNS: ReadonlySet<MathFn> = new Set<MathFn>([
  'abs',
  'min',
  'max',
  'trunc',
  'exp',
  'log',
  'log10',
  'sqrt',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
]);

/** A number as a JavaScript literal, parenthesised when negative. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '(-Infinity)';
  if (Object.is(x, -0)) return '(-0)';
  const s = String(x);
  if (!/^-?[0-9.e+-]+$/.test(s)) throw new Error(`engine: cannot format number ${s}`);
  return x < 0 ? `(${s})` : s;
}

function int(i: number): string {
  if (!Number.isInteger(i) || i < 0) throw new Error(`engine: bad index ${i}`);
  return String(i);
}

const COMPARE_OPS = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '=': '===', '<>': '!==' } as const;

/** Source for a JavaScript boolean: comparisons and logic stay boolean; any other value is true when non-zero. */
function genCondition(e: IR, mode: Mode, locals?: ReadonlySet<number>): string {
  switch (e.k) {
    case 'cmp':
      return `(${genExpr(e.a, mode, locals)} ${COMPARE_OPS[e.op]} ${genExpr(e.b, mode, locals)})`;
    case 'and':
      return `(${genCondition(e.a, mode, locals)} && ${genCondition(e.b, mode, locals)})`;
    case 'or':
      return `(${genCondition(e.a, mode, locals)} || ${genCondition(e.b, mode, locals)})`;
    case 'not':
      return `!${genCondition(e.a, mode, locals)}`;
    default:
      return `(${genExpr(e, mode, locals)} !== 0)`;
  }
}

/**
 * Source for one expression. `v` values, `t` time, `s` sim array, `h` delay histories. Slots in `locals` were
 * computed earlier in the same generated function and are read from its local constant `a<id>` instead of `v`.
 */
export function genExpr(e: IR, mode: Mode, locals?: ReadonlySet<number>): string {
  const g = (x: IR): string => genExpr(x, mode, locals);
  switch (e.k) {
    case 'num':
      return formatNumber(e.v);
    case 'slot':
      return locals?.has(e.s.id) ? `a${int(e.s.id)}` : `v[${int(e.s.id)}]`;
    case 'time':
      return 't';
    case 'dt':
      return `s[${SIM_DT}]`;
    case 'start':
      return `s[${SIM_START}]`;
    case 'stop':
      return `s[${SIM_STOP}]`;
    case 'neg':
      return `(-${g(e.a)})`;
    case 'bin':
      switch (e.op) {
        case '^':
          if (e.b.k === 'num' && e.b.v === 2 && (e.a.k === 'slot' || e.a.k === 'time')) return `(${g(e.a)} * ${g(e.a)})`;
          return `PW(${g(e.a)}, ${g(e.b)})`;
        case 'mod':
          // JavaScript's % keeps the sign of the dividend, as Vensim's MODULO does (see lower.ts).
          return `(${g(e.a)} % ${g(e.b)})`;
        case '+':
        case '-':
        case '*':
        case '/':
          return `(${g(e.a)} ${e.op} ${g(e.b)})`;
      }
      throw new Error('engine: unknown binary operator');
    case 'cmp':
    case 'and':
    case 'or':
    case 'not':
      return `(${genCondition(e, mode, locals)} ? 1 : 0)`;
    case 'if':
      return `(${genCondition(e.c, mode, locals)} ? ${g(e.a)} : ${g(e.b)})`;
    case 'math':
      if (!MATH_FNS.has(e.fn)) throw new Error('engine: math function not whitelisted');
      return `Math.${e.fn}(${e.args.map(g).join(', ')})`;
    case 'safediv':
      return `SD(${g(e.a)}, ${g(e.b)}, ${g(e.alt)})`;
    case 'step':
      return `ST(t, s, ${g(e.height)}, ${g(e.at)})`;
    case 'pulse':
      return `PU(t, s, ${g(e.magnitude)}, ${g(e.first)}, ${g(e.interval)})`;
    case 'ramp':
      return `RA(t, ${g(e.slope)}, ${g(e.from)}, ${g(e.to)})`;
    case 'lookup':
      return `G[${int(e.table)}](${g(e.x)})`;
    case 'delay':
      if (mode === 'init') return `v[${int(e.d.initial.id)}]`;
      return `D(h, s, ${int(e.d.index)}, v[${int(e.d.initial.id)}], t - ${g(e.tau)})`;
  }
}

/** A generated pass: one or more functions called in order with (v, c, r, t, s, h). */
export type PassFn = (v: Float64Array, c: Float64Array, r: Float64Array, t: number, s: Float64Array, h: Float64Array) => void;

/**
 * V8 stops optimising very large functions (over about 60 KB of bytecode), so long passes are split into chunks
 * of at most this many statements and characters of source (roughly the bytecode size). Within that limit,
 * fewer and larger chunks run slightly faster.
 */
export const CHUNK_STATEMENTS = 1000;
export const CHUNK_CHARACTERS = 24_000;

/** A graphical function compiled for one model. */
export type TableFn = (x: number) => number;

/** Tables up to this many points become straight-line code; larger ones use the binary search in tableValue. */
const INLINE_TABLE_POINTS = 32;

/**
 * Source for one small graphical function as a chain of comparisons with its points as literals: no memory
 * loads, and V8 can inline it. Same results as `tableValue` (same formula, same boundaries).
 */
function tableSource(table: PackedTable): string {
  const { xs, ys, mode } = table;
  const n = xs.length;
  const X = (i: number): string => formatNumber(xs[i]);
  const Y = (i: number): string => formatNumber(ys[i]);
  const lerp = (lo: number, hi: number): string =>
    `${Y(lo)} + ((x - ${X(lo)}) * ${formatNumber(ys[hi] - ys[lo])}) / ${formatNumber(xs[hi] - xs[lo])}`;
  const lines = ['if (x !== x) return NaN;'];
  if (n === 1) return `${lines[0]} return ${Y(0)};`;
  if (mode === 2) {
    for (let i = 1; i < n; i++) if (xs[i] > xs[i - 1]) lines.push(`if (x < ${X(i)}) return ${Y(i - 1)};`);
    lines.push(`return ${Y(n - 1)};`);
    return lines.join(' ');
  }
  lines.push(mode === 1 && xs[1] > xs[0] ? `if (x < ${X(0)}) return ${lerp(0, 1)};` : `if (x <= ${X(0)}) return ${Y(0)};`);
  for (let i = 1; i < n; i++) if (xs[i] > xs[i - 1]) lines.push(`if (x < ${X(i)}) return ${lerp(i - 1, i)};`);
  lines.push(mode === 1 && xs[n - 1] > xs[n - 2] ? `if (x > ${X(n - 1)}) return ${Y(n - 1)} + ((x - ${X(n - 1)}) * ${formatNumber(ys[n - 1] - ys[n - 2])}) / ${formatNumber(xs[n - 1] - xs[n - 2])};` : '');
  lines.push(`return ${Y(n - 1)};`);
  return lines.join(' ');
}

/** One function per graphical function of a model. */
export function buildTables(tables: readonly PackedTable[]): TableFn[] {
  return tables.map((table) => {
    if (table.xs.length > INLINE_TABLE_POINTS) return (x: number) => tableValue(table, x);
    return new Function('x', `"use strict"; ${tableSource(table)}`) as TableFn;
  });
}

/** Splits statements into chunks of at most CHUNK_STATEMENTS statements and about CHUNK_CHARACTERS characters. */
function chunked<T>(items: readonly T[], size: (item: T) => number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let characters = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && (current.length >= CHUNK_STATEMENTS || characters + n > CHUNK_CHARACTERS)) {
      chunks.push(current);
      current = [];
      characters = 0;
    }
    current.push(item);
    characters += n + 1;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** One generated function per chunk body, with the helpers and this model's tables bound into its closure. */
function passFunctions(bodies: readonly string[], tables: readonly TableFn[]): PassFn[] {
  return bodies.map((body) => {
    const factory = new Function(
      'G',
      'D',
      'SD',
      'ST',
      'PU',
      'RA',
      'PW',
      `"use strict";\nreturn function pass(v, c, r, t, s, h) {\n${body}\n};`,
    ) as (...helpers: unknown[]) => PassFn;
    return factory(tables, delayRead, safeDiv, stepFn, pulseFn, rampFn, power);
  });
}

/**
 * Builds the functions for one pass from statements the compiler generated. `tables` are bound into the
 * closure, so each compiled model has its own functions and no state is shared between models.
 */
export function buildPass(statements: string[], tables: readonly TableFn[]): PassFn[] {
  return passFunctions(
    chunked(statements, (st) => st.length).map((chunk) => chunk.join('\n')),
    tables,
  );
}

/**
 * The pass a time step runs: every varying auxiliary (into `v`), in evaluation order, then every stock's net
 * rate (into `r`). Within a generated function an auxiliary is also kept in a local constant, so later
 * equations read it from a register rather than reloading it from `v` (about 12% faster on the care model);
 * `v` still receives every value, for saving and for naming a variable that goes non-finite.
 */
export function buildStepPass(auxes: readonly { id: number; expr: IR }[], rates: readonly { id: number; expr: IR }[], tables: readonly TableFn[]): PassFn[] {
  const items = [...auxes.map((a) => ({ ...a, rate: false })), ...rates.map((r) => ({ ...r, rate: true }))];
  const bodies = chunked(items, (item) => genExpr(item.expr, 'run').length + 16).map((chunk) => {
    const locals = new Set<number>();
    return chunk
      .map((item) => {
        const code = genExpr(item.expr, 'run', locals);
        if (item.rate) return `r[${int(item.id)}] = ${code};`;
        locals.add(item.id);
        return `const a${int(item.id)} = ${code}; v[${int(item.id)}] = a${int(item.id)};`;
      })
      .join('\n');
  });
  return passFunctions(bodies, tables);
}
