/**
 * ModelSpec → slots and IR. Names are resolved (case-insensitive, spaces ≡ underscores), builtins are checked
 * against the whitelist, and stateful builtins (SMTH*, DELAY*, TREND, INIT, pipeline DELAY) become hidden slots
 * created here, at compile time. They are not output columns.
 *
 * Where XMILE and Vensim differ, this engine follows what the public test models expect:
 * - INT truncates toward zero (INT(-9.9) = -9) and MOD keeps the sign of the dividend (-10 MOD 3 = -1), as
 *   Vensim's INTEGER and MODULO do; the `rounding` test model is Vensim output and needs this.
 * - DELAY(input, delay time) without an initial value starts at the input's initial value (`delay_xmile`).
 */
import { ModelError } from './api.js';
import type { Expr } from './ast.js';
import type { IR, MathFn, PipelineDelay, Slot } from './ir.js';
import { normalizeName } from './names.js';
import { parseEquation } from './parse.js';
import type { PackedTable } from './runtime.js';
import type { GraphicalFunctionSpec, ModelSpec, VariableSpec } from './spec.js';
import { createNameIndex, equationError } from './tokenize.js';

export interface LoweredModel {
  slots: Slot[];
  tables: PackedTable[];
  delays: PipelineDelay[];
  /** Model stocks, flows and auxiliaries in model order. */
  outputs: { name: string; slot: Slot }[];
  /** Variables whose equation is a constant expression (for stocks: the initial value), in model order. */
  constants: { name: string; slot: Slot }[];
}

const MATH1: Record<string, MathFn> = {
  abs: 'abs',
  int: 'trunc',
  integer: 'trunc',
  exp: 'exp',
  ln: 'log',
  log10: 'log10',
  sqrt: 'sqrt',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
};

/** Calls whose value depends only on their arguments (allowed in constant expressions). */
const PURE_CALLS = new Set([...Object.keys(MATH1), 'min', 'max', 'mod', 'modulo', 'pi', 'safediv', 'xidz', 'zidz']);

const ALIASES: Record<string, string> = { smooth: 'smth1', smooth3: 'smth3', smoothn: 'smthn', modulo: 'mod' };

/** Zero-argument builtins usable as plain names (TIME) or calls (TIME()). */
const ZERO_ARG: Record<string, IR> = {
  time: { k: 'time' },
  dt: { k: 'dt' },
  starttime: { k: 'start' },
  stoptime: { k: 'stop' },
  pi: { k: 'num', v: Math.PI },
};

const ARITY: Record<string, [number, number]> = {
  min: [1, Infinity],
  max: [1, Infinity],
  mod: [2, 2],
  safediv: [2, 3],
  xidz: [3, 3],
  zidz: [2, 2],
  step: [2, 2],
  pulse: [1, 3],
  ramp: [2, 3],
  init: [1, 1],
  delay: [2, 3],
  delay1: [2, 3],
  delay3: [2, 3],
  delayn: [3, 4],
  smth1: [2, 3],
  smth3: [2, 3],
  smthn: [3, 4],
  trend: [2, 3],
  lookup: [2, 2],
  'if then else': [3, 3],
};

const num = (v: number): IR => ({ k: 'num', v });
const slotRef = (s: Slot): IR => ({ k: 'slot', s });
/** Arithmetic the compiler builds for builtins (stage times like τ/3), folded when both sides are numbers. */
const bin = (op: '+' | '-' | '*' | '/', a: IR, b: IR): IR => {
  if (a.k === 'num' && b.k === 'num') {
    return num(op === '+' ? a.v + b.v : op === '-' ? a.v - b.v : op === '*' ? a.v * b.v : a.v / b.v);
  }
  return { k: 'bin', op, a, b };
};

function isConstantExpr(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
      return true;
    case 'ref':
      return e.name === 'pi';
    case 'unary':
    case 'not':
      return isConstantExpr(e.arg);
    case 'binary':
    case 'compare':
    case 'logical':
      return isConstantExpr(e.left) && isConstantExpr(e.right);
    case 'if':
      return isConstantExpr(e.cond) && isConstantExpr(e.then) && isConstantExpr(e.else);
    case 'call':
      return PURE_CALLS.has(ALIASES[e.name] ?? e.name) && e.args.every(isConstantExpr);
  }
}

/** Evaluates literal arithmetic (for the order of DELAYN/SMTHN), or undefined if it is not literal. */
function literalValue(e: IR): number | undefined {
  if (e.k === 'num') return e.v;
  if (e.k === 'neg') {
    const a = literalValue(e.a);
    return a === undefined ? undefined : -a;
  }
  if (e.k === 'bin') {
    const a = literalValue(e.a);
    const b = literalValue(e.b);
    if (a === undefined || b === undefined) return undefined;
    switch (e.op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return a / b;
      case '^':
        return Math.pow(a, b);
      case 'mod':
        return a % b;
    }
  }
  return undefined;
}

function packTable(gf: GraphicalFunctionSpec, owner: string): PackedTable {
  const bad = (what: string): ModelError =>
    new ModelError('bad-arguments', `${owner}: graphical function ${what}`, { variable: owner });
  if (!gf || !Array.isArray(gf.xs) || !Array.isArray(gf.ys)) throw bad('has no points');
  if (gf.xs.length === 0) throw bad('has no points');
  if (gf.xs.length !== gf.ys.length) throw bad(`has ${gf.xs.length} x values but ${gf.ys.length} y values`);
  for (let i = 0; i < gf.xs.length; i++) {
    if (!Number.isFinite(gf.xs[i]) || !Number.isFinite(gf.ys[i])) throw bad(`has a non-numeric point (point ${i + 1})`);
    if (i > 0 && gf.xs[i] < gf.xs[i - 1]) throw bad(`x values must increase (point ${i + 1})`);
  }
  const mode = gf.kind === 'extrapolate' ? 1 : gf.kind === 'discrete' ? 2 : 0;
  return { xs: Float64Array.from(gf.xs), ys: Float64Array.from(gf.ys), mode };
}

export function lowerModel(spec: ModelSpec): LoweredModel {
  const slots: Slot[] = [];
  const tables: PackedTable[] = [];
  const delays: PipelineDelay[] = [];
  const byName = new Map<string, VariableSpec>();
  const varSlot = new Map<string, Slot>();
  const tableOf = new Map<string, number>();

  if (!spec || !Array.isArray(spec.variables)) throw new ModelError('bad-file', 'model has no variable list');
  for (const v of spec.variables) {
    if (!v || typeof v.name !== 'string' || normalizeName(v.name) === '') {
      throw new ModelError('bad-file', 'a variable has no name');
    }
    const key = normalizeName(v.name);
    if (byName.has(key)) {
      throw new ModelError('bad-file', `${v.name}: the name is defined twice (names ignore case, and spaces equal underscores)`, {
        variable: v.name,
      });
    }
    byName.set(key, v);
  }
  const knownNames = createNameIndex(byName.keys());

  const newSlot = (slot: Omit<Slot, 'id'>): Slot => {
    const s: Slot = { id: -1, ...slot };
    slots.push(s);
    return s;
  };

  // Model variables first, so references can resolve in any order.
  const parsed = new Map<VariableSpec, Expr | undefined>();
  const constants: { name: string; slot: Slot }[] = [];
  for (const v of spec.variables) {
    const key = normalizeName(v.name);
    if (v.kind !== 'stock' && v.kind !== 'flow' && v.kind !== 'aux' && v.kind !== 'gf') {
      throw new ModelError('bad-file', `${v.name}: unknown variable kind "${String(v.kind)}"`, { variable: v.name });
    }
    if (v.gf) tableOf.set(key, tables.push(packTable(v.gf, v.name)) - 1);
    if (v.kind === 'gf') {
      if (!v.gf) throw new ModelError('bad-arguments', `${v.name}: graphical function has no points`, { variable: v.name });
      continue;
    }
    const equation = typeof v.equation === 'string' ? v.equation : '';
    const ast = parseEquation({ variable: v.name, equation, knownNames });
    parsed.set(v, ast);
    if (v.kind === 'stock') {
      const stockSlot = newSlot({ role: 'stock', owner: v.name, nonNegative: v.nonNegative === true });
      varSlot.set(key, stockSlot);
      if (isConstantExpr(ast)) {
        // A constant initial value can be overridden with `set`, like any other constant.
        const initial = newSlot({ role: 'const', owner: v.name, hiddenWhat: 'initial value', constIndex: constants.length });
        constants.push({ name: v.name, slot: initial });
        stockSlot.init = slotRef(initial);
      }
    } else if (!v.gf && isConstantExpr(ast)) {
      const s = newSlot({ role: 'const', owner: v.name, constIndex: constants.length, nonNegative: v.kind === 'flow' && v.nonNegative === true });
      constants.push({ name: v.name, slot: s });
      varSlot.set(key, s);
    } else {
      varSlot.set(key, newSlot({ role: 'aux', owner: v.name }));
    }
  }

  const lowerVar = (v: VariableSpec, ast: Expr): IR => {
    const ctx = { variable: v.name, equation: v.equation };
    const fail = (code: 'unknown-variable' | 'unknown-function' | 'bad-arguments', what: string): ModelError =>
      equationError(code, ctx, what);

    const hiddenAux = (ir: IR, what: string): IR => {
      if (ir.k === 'num' || ir.k === 'slot') return ir;
      return slotRef(newSlot({ role: 'aux', owner: v.name, hiddenWhat: what, expr: ir }));
    };
    const hiddenStock = (what: string, init: IR): Slot => newSlot({ role: 'stock', owner: v.name, hiddenWhat: what, init });
    const order = (ir: IR, fn: string): number => {
      const n = literalValue(ir);
      if (n === undefined || !Number.isFinite(n) || Math.round(n) < 1) {
        throw fail('bad-arguments', `${fn.toUpperCase()} needs a positive whole number as its order`);
      }
      return Math.round(n);
    };

    const lower = (e: Expr): IR => {
      switch (e.kind) {
        case 'number':
          return num(e.value);
        case 'ref': {
          const s = varSlot.get(e.name);
          if (s) return slotRef(s);
          if (tableOf.has(e.name)) {
            throw fail('bad-arguments', `graphical function "${byName.get(e.name)?.name}" is used as a value (call it: name(x))`);
          }
          const z = ZERO_ARG[e.name];
          if (z) return z;
          throw fail('unknown-variable', `unknown variable "${e.name}"`);
        }
        case 'unary':
          return e.op === '-' ? { k: 'neg', a: lower(e.arg) } : lower(e.arg);
        case 'binary':
          return { k: 'bin', op: e.op, a: lower(e.left), b: lower(e.right) };
        case 'compare':
          return { k: 'cmp', op: e.op, a: lower(e.left), b: lower(e.right) };
        case 'logical':
          return { k: e.op, a: lower(e.left), b: lower(e.right) };
        case 'not':
          return { k: 'not', a: lower(e.arg) };
        case 'if':
          return { k: 'if', c: lower(e.cond), a: lower(e.then), b: lower(e.else) };
        case 'call':
          return lowerCall(e.name, e.args);
      }
    };

    const lowerCall = (rawName: string, argExprs: Expr[]): IR => {
      const name = ALIASES[rawName] ?? rawName;
      const display = rawName.toUpperCase();
      const tableIndex = tableOf.get(rawName);
      if (tableIndex !== undefined && !(name in ARITY) && !(name in MATH1) && !(name in ZERO_ARG)) {
        if (argExprs.length !== 1) throw fail('bad-arguments', `graphical function "${byName.get(rawName)?.name}" takes 1 argument`);
        return { k: 'lookup', table: tableIndex, x: lower(argExprs[0]) };
      }
      if (name in ZERO_ARG) {
        if (argExprs.length !== 0) throw fail('bad-arguments', `${display} takes no arguments`);
        return ZERO_ARG[name];
      }
      if (name in MATH1) {
        if (argExprs.length !== 1) throw fail('bad-arguments', `${display} takes 1 argument but has ${argExprs.length}`);
        return { k: 'math', fn: MATH1[name], args: [lower(argExprs[0])] };
      }
      const arity = ARITY[name];
      if (!arity) {
        if (byName.has(rawName)) throw fail('unknown-function', `"${byName.get(rawName)?.name}" is called like a function but is not a graphical function`);
        throw fail('unknown-function', `unknown function "${display}"`);
      }
      if (argExprs.length < arity[0] || argExprs.length > arity[1]) {
        const want = arity[0] === arity[1] ? `${arity[0]}` : arity[1] === Infinity ? `at least ${arity[0]}` : `${arity[0]} to ${arity[1]}`;
        throw fail('bad-arguments', `${display} takes ${want} arguments but has ${argExprs.length}`);
      }
      if (name === 'lookup') {
        const t = argExprs[0];
        const idx = t.kind === 'ref' ? tableOf.get(t.name) : undefined;
        if (idx === undefined) throw fail('bad-arguments', 'LOOKUP needs a graphical function as its first argument');
        return { k: 'lookup', table: idx, x: lower(argExprs[1]) };
      }
      const args = argExprs.map(lower);
      switch (name) {
        case 'min':
        case 'max':
          return args.length === 1 ? args[0] : { k: 'math', fn: name, args };
        case 'mod':
          return { k: 'bin', op: 'mod', a: args[0], b: args[1] };
        case 'safediv':
          return { k: 'safediv', a: args[0], b: args[1], alt: args[2] ?? num(0) };
        case 'xidz':
          return { k: 'safediv', a: args[0], b: args[1], alt: args[2] };
        case 'zidz':
          return { k: 'safediv', a: args[0], b: args[1], alt: num(0) };
        case 'if then else':
          return { k: 'if', c: args[0], a: args[1], b: args[2] };
        case 'step':
          return { k: 'step', height: args[0], at: args[1] };
        case 'pulse':
          return { k: 'pulse', magnitude: args[0], first: args[1] ?? { k: 'start' }, interval: args[2] ?? num(0) };
        case 'ramp':
          return { k: 'ramp', slope: args[0], from: args[1], to: args[2] ?? num(Infinity) };
        case 'init':
          return slotRef(newSlot({ role: 'init', owner: v.name, hiddenWhat: 'INIT value', expr: args[0] }));
        case 'delay': {
          const input = hiddenAux(args[0], 'DELAY input');
          const inputSlot =
            input.k === 'slot' ? input.s : newSlot({ role: 'aux', owner: v.name, hiddenWhat: 'DELAY input', expr: input });
          const initial = newSlot({ role: 'init', owner: v.name, hiddenWhat: 'DELAY initial value', expr: args[2] ?? slotRef(inputSlot) });
          const tau = hiddenAux(args[1], 'DELAY delay time');
          const d: PipelineDelay = { index: delays.length, input: inputSlot, initial, tau };
          delays.push(d);
          return { k: 'delay', d, tau };
        }
        case 'delay1':
        case 'delay3':
        case 'delayn': {
          const n = name === 'delay1' ? 1 : name === 'delay3' ? 3 : order(args[2], name);
          const input = hiddenAux(args[0], `${display} input`);
          const tau = hiddenAux(args[1], `${display} delay time`);
          const initArg = name === 'delayn' ? args[3] : args[2];
          const stageTime = n === 1 ? tau : bin('/', tau, num(n));
          const stageInit = bin('*', initArg ?? input, stageTime);
          const stages: Slot[] = [];
          for (let i = 0; i < n; i++) stages.push(hiddenStock(`${display} stage ${i + 1}`, stageInit));
          stages.forEach((st, i) => {
            const inflow = i === 0 ? input : bin('/', slotRef(stages[i - 1]), stageTime);
            st.rate = bin('-', inflow, bin('/', slotRef(st), stageTime));
          });
          return bin('/', slotRef(stages[n - 1]), stageTime);
        }
        case 'smth1':
        case 'smth3':
        case 'smthn': {
          const n = name === 'smth1' ? 1 : name === 'smth3' ? 3 : order(args[2], name);
          const input = hiddenAux(args[0], `${display} input`);
          const tau = hiddenAux(args[1], `${display} averaging time`);
          const initArg = name === 'smthn' ? args[3] : args[2];
          const stageTime = n === 1 ? tau : bin('/', tau, num(n));
          const stages: Slot[] = [];
          for (let i = 0; i < n; i++) stages.push(hiddenStock(`${display} stage ${i + 1}`, initArg ?? input));
          stages.forEach((st, i) => {
            const target = i === 0 ? input : slotRef(stages[i - 1]);
            st.rate = bin('/', bin('-', target, slotRef(st)), stageTime);
          });
          return slotRef(stages[n - 1]);
        }
        case 'trend': {
          // TREND = (input − average) / (average · averaging time), the average being a first-order smooth
          // that starts at input / (1 + initial trend · averaging time) (XMILE 1.0 and Vensim agree).
          const input = hiddenAux(args[0], 'TREND input');
          const tau = hiddenAux(args[1], 'TREND averaging time');
          const initTrend = args[2] ?? num(0);
          const avg = hiddenStock('TREND average', bin('/', input, bin('+', num(1), bin('*', initTrend, tau))));
          avg.rate = bin('/', bin('-', input, slotRef(avg)), tau);
          return bin('/', bin('-', input, slotRef(avg)), bin('*', slotRef(avg), tau));
        }
      }
      throw fail('unknown-function', `unknown function "${display}"`);
    };

    return lower(ast);
  };

  const outputs: { name: string; slot: Slot }[] = [];
  for (const v of spec.variables) {
    if (v.kind === 'gf') continue;
    const key = normalizeName(v.name);
    const slot = varSlot.get(key) as Slot;
    const ast = parsed.get(v) as Expr;
    outputs.push({ name: v.name, slot });
    if (v.kind === 'stock') {
      const initial = slot.init?.k === 'slot' ? slot.init.s : undefined;
      if (initial) initial.expr = lowerVar(v, ast);
      else slot.init = lowerVar(v, ast);
      const flowIR = (names: unknown, label: string): IR[] => {
        if (names === undefined) return [];
        if (!Array.isArray(names)) throw new ModelError('bad-file', `${v.name}: ${label} must be a list of names`, { variable: v.name });
        return names.map((f: unknown) => {
          const s = typeof f === 'string' ? varSlot.get(normalizeName(f)) : undefined;
          if (!s || s.role === 'stock') {
            throw new ModelError('unknown-variable', `${v.name}: ${label} "${String(f)}" is not a flow or auxiliary of the model`, {
              variable: v.name,
            });
          }
          return slotRef(s);
        });
      };
      const ins = flowIR(v.inflows, 'inflow');
      const outs = flowIR(v.outflows, 'outflow');
      let rate: IR | undefined;
      for (const f of ins) rate = rate ? bin('+', rate, f) : f;
      for (const f of outs) rate = rate ? bin('-', rate, f) : { k: 'neg', a: f };
      slot.rate = rate ?? num(0);
    } else {
      let ir = lowerVar(v, ast);
      const table = tableOf.get(key);
      if (table !== undefined) ir = { k: 'lookup', table, x: ir };
      if (v.kind === 'flow' && v.nonNegative === true) ir = { k: 'math', fn: 'max', args: [num(0), ir] };
      slot.expr = ir;
    }
  }
  return { slots, tables, delays, outputs, constants };
}
