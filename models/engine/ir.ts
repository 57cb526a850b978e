/**
 * The lowered form of an equation: names resolved to slots of the value array, stateful builtins replaced by
 * hidden state slots. Code generation (codegen.ts) turns it into JavaScript built only from compiler tokens.
 */

/** Where a slot's value comes from. */
export type SlotRole =
  /** A stock or a builtin's hidden stock: set by the initial pass, then integrated. */
  | 'stock'
  /** A constant equation: set from the run's constants array (overridable with `set`). */
  | 'const'
  /** An auxiliary or flow (or a hidden helper value): computed by the initial pass and every auxiliary pass. */
  | 'aux'
  /** Fixed at the initial time: INIT(x), and a pipeline DELAY's initial value. */
  | 'init';

export interface Slot {
  /** Index in the value array; assigned once all slots exist (stocks first). */
  id: number;
  role: SlotRole;
  /** Display name of the model variable the slot belongs to (for errors). */
  owner: string;
  /** For hidden slots, what they are (e.g. "SMTH1 state"); undefined for model variables. */
  hiddenWhat?: string;
  /** Value expression: aux and init roles; the default value for const. */
  expr?: IR;
  /** Stocks: initial value. */
  init?: IR;
  /** Stocks: net rate of change. */
  rate?: IR;
  /** Const: index into the constants array. */
  constIndex?: number;
  /** Stocks: clamp at zero after each step. Const flows: report max(0, value). */
  nonNegative?: boolean;
  /** Aux slots whose value cannot change during a run (computed only in the initial pass). */
  invariant?: boolean;
  /**
   * Compiler-made slots (shared or hoisted parts of equations) are computed even where the equation would not use
   * them, such as an IF branch not taken, so their value may be NaN harmlessly: they are not checked for
   * non-finite values. The equations using them are.
   */
  speculative?: boolean;
}

export interface PipelineDelay {
  index: number;
  input: Slot;
  initial: Slot;
  /** The delay time: a number or a slot (so the run can size the delay's ring buffer when it is fixed). */
  tau: IR;
}

export type MathFn =
  | 'abs'
  | 'min'
  | 'max'
  | 'trunc'
  | 'exp'
  | 'log'
  | 'log10'
  | 'sqrt'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'asin'
  | 'acos'
  | 'atan';

export type IR =
  | { k: 'num'; v: number }
  | { k: 'slot'; s: Slot }
  | { k: 'time' }
  | { k: 'dt' }
  | { k: 'start' }
  | { k: 'stop' }
  | { k: 'neg'; a: IR }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^' | 'mod'; a: IR; b: IR }
  | { k: 'cmp'; op: '<' | '<=' | '>' | '>=' | '=' | '<>'; a: IR; b: IR }
  | { k: 'and' | 'or'; a: IR; b: IR }
  | { k: 'not'; a: IR }
  | { k: 'if'; c: IR; a: IR; b: IR }
  | { k: 'math'; fn: MathFn; args: IR[] }
  | { k: 'safediv'; a: IR; b: IR; alt: IR }
  | { k: 'step'; height: IR; at: IR }
  | { k: 'pulse'; magnitude: IR; first: IR; interval: IR }
  | { k: 'ramp'; slope: IR; from: IR; to: IR }
  | { k: 'lookup'; table: number; x: IR }
  | { k: 'delay'; d: PipelineDelay; tau: IR };

/** Evaluation mode: the initial pass (pipeline delays give their initial value) or a running pass. */
export type Mode = 'init' | 'run';

/** Slots an expression reads in the given mode. */
export function slotsRead(e: IR, mode: Mode, out: Slot[] = []): Slot[] {
  switch (e.k) {
    case 'slot':
      out.push(e.s);
      break;
    case 'num':
    case 'time':
    case 'dt':
    case 'start':
    case 'stop':
      break;
    case 'neg':
    case 'not':
      slotsRead(e.a, mode, out);
      break;
    case 'bin':
    case 'cmp':
    case 'and':
    case 'or':
      slotsRead(e.a, mode, out);
      slotsRead(e.b, mode, out);
      break;
    case 'if':
      slotsRead(e.c, mode, out);
      slotsRead(e.a, mode, out);
      slotsRead(e.b, mode, out);
      break;
    case 'math':
      for (const a of e.args) slotsRead(a, mode, out);
      break;
    case 'safediv':
      slotsRead(e.a, mode, out);
      slotsRead(e.b, mode, out);
      slotsRead(e.alt, mode, out);
      break;
    case 'step':
      slotsRead(e.height, mode, out);
      slotsRead(e.at, mode, out);
      break;
    case 'pulse':
      slotsRead(e.magnitude, mode, out);
      slotsRead(e.first, mode, out);
      slotsRead(e.interval, mode, out);
      break;
    case 'ramp':
      slotsRead(e.slope, mode, out);
      slotsRead(e.from, mode, out);
      slotsRead(e.to, mode, out);
      break;
    case 'lookup':
      slotsRead(e.x, mode, out);
      break;
    case 'delay':
      out.push(e.d.initial);
      if (mode === 'run') slotsRead(e.tau, mode, out);
      break;
  }
  return out;
}

/** True when the expression's value can change over a run by itself (it reads TIME or a pipeline delay). */
export function readsTime(e: IR): boolean {
  switch (e.k) {
    case 'time':
    case 'step':
    case 'pulse':
    case 'ramp':
    case 'delay':
      return true;
    case 'num':
    case 'slot':
    case 'dt':
    case 'start':
    case 'stop':
      return false;
    case 'neg':
    case 'not':
      return readsTime(e.a);
    case 'bin':
    case 'cmp':
    case 'and':
    case 'or':
      return readsTime(e.a) || readsTime(e.b);
    case 'if':
      return readsTime(e.c) || readsTime(e.a) || readsTime(e.b);
    case 'math':
      return e.args.some(readsTime);
    case 'safediv':
      return readsTime(e.a) || readsTime(e.b) || readsTime(e.alt);
    case 'lookup':
      return readsTime(e.x);
  }
}

/** A copy of `e` with each direct sub-expression replaced by `f(sub)`. */
export function mapChildren(e: IR, f: (x: IR) => IR): IR {
  switch (e.k) {
    case 'num':
    case 'slot':
    case 'time':
    case 'dt':
    case 'start':
    case 'stop':
      return e;
    case 'neg':
    case 'not':
      return { ...e, a: f(e.a) };
    case 'bin':
    case 'cmp':
    case 'and':
    case 'or':
      return { ...e, a: f(e.a), b: f(e.b) };
    case 'if':
      return { ...e, c: f(e.c), a: f(e.a), b: f(e.b) };
    case 'math':
      return { ...e, args: e.args.map(f) };
    case 'safediv':
      return { ...e, a: f(e.a), b: f(e.b), alt: f(e.alt) };
    case 'step':
      return { ...e, height: f(e.height), at: f(e.at) };
    case 'pulse':
      return { ...e, magnitude: f(e.magnitude), first: f(e.first), interval: f(e.interval) };
    case 'ramp':
      return { ...e, slope: f(e.slope), from: f(e.from), to: f(e.to) };
    case 'lookup':
      return { ...e, x: f(e.x) };
    case 'delay':
      return { ...e, tau: f(e.tau) };
  }
}
