/**
 * The slow baseline for benchmarks: a plain interpreter that calls mathjs `evaluate(text, scope)` on every
 * equation at every step (text is re-parsed each time, as a naive interpreter would). Euler only; supports the
 * pure builtins, TIME/DT, STEP/PULSE/RAMP and graphical functions, not stateful builtins (expand those into
 * stocks and flows first). Equations are read with the engine's parser so both sides see the same model.
 */
import { evaluate } from 'mathjs';
import type { Expr } from '../../../models/engine/ast.js';
import { createNameIndex, normalizeName, parseEquation, type ModelSpec } from '../../../models/engine/index.js';

type Scope = Record<string, unknown>;

export interface Interpreter {
  /** Runs `steps` Euler steps from the start (or to the stop time when omitted); returns final values by name. */
  run(steps?: number): Record<string, number>;
  /** Steps a full run takes. */
  readonly fullSteps: number;
}

const PURE: Record<string, string> = {
  abs: 'f_abs', min: 'f_min', max: 'f_max', int: 'f_int', mod: 'f_mod', exp: 'f_exp', ln: 'f_ln', log10: 'f_log10',
  sqrt: 'f_sqrt', sin: 'f_sin', cos: 'f_cos', tan: 'f_tan', arcsin: 'f_asin', arccos: 'f_acos', arctan: 'f_atan',
  safediv: 'f_safediv', xidz: 'f_safediv', zidz: 'f_safediv', step: 'f_step', pulse: 'f_pulse', ramp: 'f_ramp',
};

function tableFn(xs: number[], ys: number[], kind: string): (x: number) => number {
  return (x: number) => {
    const n = xs.length;
    if (x <= xs[0]) return kind === 'extrapolate' && n > 1 ? ys[0] + ((x - xs[0]) * (ys[1] - ys[0])) / (xs[1] - xs[0]) : ys[0];
    if (x >= xs[n - 1]) {
      return kind === 'extrapolate' && n > 1 ? ys[n - 1] + ((x - xs[n - 1]) * (ys[n - 1] - ys[n - 2])) / (xs[n - 1] - xs[n - 2]) : ys[n - 1];
    }
    let i = 0;
    while (xs[i + 1] <= x) i++;
    if (kind === 'discrete') return ys[i];
    return ys[i] + ((x - xs[i]) * (ys[i + 1] - ys[i])) / (xs[i + 1] - xs[i]);
  };
}

export function createInterpreter(spec: ModelSpec): Interpreter {
  const ids = new Map<string, string>();
  spec.variables.forEach((v, i) => ids.set(normalizeName(v.name), `v${i}`));
  const known = createNameIndex(ids.keys());
  const tables = new Map<string, string>();
  const scope: Scope = {};
  spec.variables.forEach((v, i) => {
    if (v.gf) {
      const fn = `g${i}`;
      tables.set(normalizeName(v.name), fn);
      scope[fn] = tableFn(v.gf.xs, v.gf.ys, v.gf.kind);
    }
  });
  const text = (e: Expr): string => {
    switch (e.kind) {
      case 'number':
        return `(${e.value})`;
      case 'ref': {
        const id = ids.get(e.name);
        if (id) return id;
        if (e.name === 'time') return 't';
        if (e.name === 'dt') return 'dt';
        if (e.name === 'pi') return 'pi';
        throw new Error(`interpreter: unknown name ${e.name}`);
      }
      case 'unary':
        return `(${e.op}${text(e.arg)})`;
      case 'binary':
        return e.op === 'mod' ? `f_mod(${text(e.left)}, ${text(e.right)})` : `(${text(e.left)} ${e.op} ${text(e.right)})`;
      case 'compare': {
        const op = e.op === '=' ? '==' : e.op === '<>' ? '!=' : e.op;
        return `(${text(e.left)} ${op} ${text(e.right)} ? 1 : 0)`;
      }
      case 'logical':
        return `((${text(e.left)} != 0) ${e.op} (${text(e.right)} != 0) ? 1 : 0)`;
      case 'not':
        return `(${text(e.arg)} == 0 ? 1 : 0)`;
      case 'if':
        return `(${text(e.cond)} != 0 ? ${text(e.then)} : ${text(e.else)})`;
      case 'call': {
        const table = tables.get(e.name);
        if (table) return `${table}(${e.args.map(text).join(', ')})`;
        if (e.name === 'lookup' && e.args[0].kind === 'ref' && tables.has(e.args[0].name)) {
          return `${tables.get(e.args[0].name)}(${text(e.args[1])})`;
        }
        const fn = PURE[e.name];
        if (!fn) throw new Error(`interpreter: ${e.name.toUpperCase()} is not supported (expand it into stocks and flows)`);
        const args = e.args.map(text);
        // Optional arguments get their defaults, then the time builtins get t and dt.
        if (e.name === 'ramp' && args.length === 2) args.push('(1e308)');
        if (e.name === 'pulse' && args.length === 1) args.push(`(${spec.sim.start})`);
        if (e.name === 'pulse' && args.length === 2) args.push('(0)');
        if (e.name === 'step' || e.name === 'ramp' || e.name === 'pulse') args.push('t', 'dt');
        return `${fn}(${args.join(', ')})`;
      }
    }
  };
  Object.assign(scope, {
    f_abs: Math.abs, f_min: Math.min, f_max: Math.max, f_int: Math.trunc, f_mod: (a: number, b: number) => a % b,
    f_exp: Math.exp, f_ln: Math.log, f_log10: Math.log10, f_sqrt: Math.sqrt, f_sin: Math.sin, f_cos: Math.cos,
    f_tan: Math.tan, f_asin: Math.asin, f_acos: Math.acos, f_atan: Math.atan,
    f_safediv: (a: number, b: number, c = 0) => (b === 0 ? c : a / b),
    f_step: (h: number, at: number, t: number) => (t >= at ? h : 0),
    f_ramp: (s: number, a: number, b: number, t: number) => (t <= a ? 0 : s * (Math.min(t, b) - a)),
    f_pulse: (m: number, first: number, interval: number, t: number, dt: number) => {
      if (t < first) return 0;
      let since = t - first;
      if (interval > 0) since -= Math.floor(since / interval) * interval;
      return since < dt ? m / dt : 0;
    },
  });

  interface Eq { id: string; text: string; deps: string[]; nonNegative: boolean }
  const auxes: Eq[] = [];
  const stocks: { id: string; init: Eq; ins: string[]; outs: string[]; nonNegative: boolean }[] = [];
  const refsOf = (e: Expr, out: string[] = []): string[] => {
    if (e.kind === 'ref' && ids.has(e.name)) out.push(ids.get(e.name)!);
    if (e.kind === 'unary' || e.kind === 'not') refsOf(e.arg, out);
    if (e.kind === 'binary' || e.kind === 'compare' || e.kind === 'logical') (refsOf(e.left, out), refsOf(e.right, out));
    if (e.kind === 'if') (refsOf(e.cond, out), refsOf(e.then, out), refsOf(e.else, out));
    if (e.kind === 'call') e.args.forEach((a) => refsOf(a, out));
    return out;
  };
  for (const v of spec.variables) {
    if (v.kind === 'gf') continue;
    const id = ids.get(normalizeName(v.name))!;
    const ast = parseEquation({ variable: v.name, equation: v.equation, knownNames: known });
    let t = text(ast);
    if (v.gf) t = `${tables.get(normalizeName(v.name))}(${t})`;
    const eq = { id, text: t, deps: refsOf(ast), nonNegative: v.kind === 'flow' && v.nonNegative === true };
    if (v.kind === 'stock') {
      const ref = (n: string) => ids.get(normalizeName(n))!;
      stocks.push({ id, init: eq, ins: (v.inflows ?? []).map(ref), outs: (v.outflows ?? []).map(ref), nonNegative: v.nonNegative === true });
    } else {
      auxes.push(eq);
    }
  }
  const order = (eqs: Eq[], isNode: Set<string>): Eq[] => {
    const byId = new Map(eqs.map((e) => [e.id, e]));
    const done = new Set<string>();
    const out: Eq[] = [];
    const visit = (e: Eq, depth: number): void => {
      if (done.has(e.id)) return;
      if (depth > eqs.length) throw new Error('interpreter: algebraic loop');
      for (const d of e.deps) if (isNode.has(d) && !done.has(d)) visit(byId.get(d)!, depth + 1);
      done.add(e.id);
      out.push(e);
    };
    for (const e of eqs) visit(e, 0);
    return out;
  };
  const auxOrder = order(auxes, new Set(auxes.map((a) => a.id)));
  const all = [...stocks.map((s) => s.init), ...auxes];
  const initOrder = order(all, new Set(all.map((a) => a.id)));
  const { start, stop, dt } = spec.sim;
  const fullSteps = Math.round((stop - start) / dt);

  const evalEq = (e: Eq): void => {
    const x = evaluate(e.text, scope) as number;
    scope[e.id] = e.nonNegative ? Math.max(0, x) : x;
  };
  return {
    fullSteps,
    run(steps = fullSteps) {
      scope.t = start;
      scope.dt = dt;
      for (const e of initOrder) evalEq(e);
      for (let k = 0; k < steps; k++) {
        scope.t = start + k * dt;
        for (const e of auxOrder) evalEq(e);
        const next = stocks.map((s) => {
          let rate = 0;
          for (const f of s.ins) rate += scope[f] as number;
          for (const f of s.outs) rate -= scope[f] as number;
          const x = (scope[s.id] as number) + dt * rate;
          return s.nonNegative && x < 0 ? 0 : x;
        });
        stocks.forEach((s, i) => (scope[s.id] = next[i]));
      }
      scope.t = start + steps * dt;
      for (const e of auxOrder) evalEq(e);
      const out: Record<string, number> = {};
      for (const v of spec.variables) if (v.kind !== 'gf') out[v.name] = scope[ids.get(normalizeName(v.name))!] as number;
      return out;
    },
  };
}
