/**
 * compileModel: lowered slots → dependency orders → generated passes → a CompiledModel whose `run` simulates
 * over Float64Arrays. Everything a run mutates is allocated by that run; the compiled model itself is
 * immutable, so several compiled models (and several runs of one) never share state.
 */
import { ModelError, type CompiledModel, type RunOptions, type RunResult } from './api.js';
import { buildPass, buildStepPass, buildTables, genExpr } from './codegen.js';
import { topoOrder } from './graph.js';
import { mapChildren, readsTime, slotsRead, type IR, type Slot } from './ir.js';
import { lowerModel } from './lower.js';
import { normalizeName } from './names.js';
import { SIM_DT, SIM_START, SIM_STOP, simSize } from './runtime.js';
import { simulate, type OutputPlan, type Program, type SimPlan } from './simulate.js';
import type { ModelSpec, SimSpec } from './spec.js';

/** Largest number of integration steps and saved values a run may ask for (memory and time guard). */
const MAX_STEPS = 1e8;
const MAX_SAVED_VALUES = 2e7;

function cycleError(cycle: Slot[], pass: string): ModelError {
  const names: string[] = [];
  for (const s of cycle) if (!names.includes(s.owner)) names.push(s.owner);
  return new ModelError(
    'cycle',
    `algebraic loop${pass}: ${[...names, names[0]].join(' → ')} (each needs the other's value at the same time; break the loop with a stock or a delay)`,
    { variables: names, variable: names[0] },
  );
}

function planSim(base: SimSpec, options: RunOptions): SimPlan {
  const sim = { ...base, ...(options.sim ?? {}) };
  const method = options.method ?? options.sim?.method ?? base.method ?? 'euler';
  const bad = (what: string): ModelError => new ModelError('bad-sim-specs', `sim specs: ${what}`);
  const { start, stop, dt } = sim;
  if (typeof start !== 'number' || !Number.isFinite(start)) throw bad(`start must be a number (got ${String(start)})`);
  if (typeof stop !== 'number' || !Number.isFinite(stop)) throw bad(`stop must be a number (got ${String(stop)})`);
  if (typeof dt !== 'number' || !Number.isFinite(dt) || dt <= 0) throw bad(`dt must be a positive number (got ${String(dt)})`);
  if (stop < start) throw bad(`stop (${stop}) is before start (${start})`);
  if (method !== 'euler' && method !== 'rk4') throw bad(`unknown integration method "${String(method)}" (euler or rk4)`);
  const span = (stop - start) / dt;
  let steps = Math.round(span);
  if (Math.abs(span - steps) > 1e-6 * Math.max(1, span)) steps = Math.floor(span);
  if (steps > MAX_STEPS) throw bad(`${steps} steps is too many (dt ${dt} from ${start} to ${stop})`);
  const saveStep = sim.saveStep ?? dt;
  if (typeof saveStep !== 'number' || !Number.isFinite(saveStep) || saveStep <= 0) throw bad(`save step must be a positive number (got ${String(saveStep)})`);
  // A save step shorter than dt saves every step (as Stella does); otherwise it must be a whole number of steps.
  const ratio = Math.max(1, saveStep / dt);
  const saveEvery = Math.round(ratio);
  if (Math.abs(ratio - saveEvery) > 1e-6 * ratio) throw bad(`save step ${saveStep} must be a whole multiple of dt ${dt}`);
  const saveCount = Math.floor(steps / saveEvery) + 1 + (steps % saveEvery === 0 ? 0 : 1);
  return { start, stop, dt, steps, saveEvery, saveCount, method };
}

export function compileModel(spec: ModelSpec): CompiledModel {
  if (!spec || typeof spec !== 'object') throw new ModelError('bad-file', 'no model given');
  const lowered = lowerModel(spec);
  const { slots, tables, delays, outputs, constants } = lowered;

  // Layout: stocks first (model stocks, then hidden ones), so integration is a loop over v[0..stockCount).
  const stocks = slots.filter((s) => s.role === 'stock');
  const others = slots.filter((s) => s.role !== 'stock');
  [...stocks, ...others].forEach((s, i) => (s.id = i));
  const bySlotId = [...stocks, ...others];
  const stockCount = stocks.length;

  // Common subexpressions: an expensive part (a power, exp, log, trig function or table lookup) written in
  // several equations is computed once per pass, in a hidden auxiliary that the equations then read.
  const expensive = (e: IR): boolean =>
    (e.k === 'bin' && e.op === '^') ||
    (e.k === 'math' && e.fn !== 'abs' && e.fn !== 'min' && e.fn !== 'max' && e.fn !== 'trunc') ||
    e.k === 'lookup';
  const isLeaf = (e: IR): boolean => e.k === 'num' || e.k === 'slot' || e.k === 'time' || e.k === 'dt' || e.k === 'start' || e.k === 'stop';
  const useCount = new Map<string, number>();
  const count = (e: IR): void => {
    if (isLeaf(e)) return;
    if (expensive(e)) {
      const code = genExpr(e, 'run');
      useCount.set(code, (useCount.get(code) ?? 0) + 1);
    }
    mapChildren(e, (x) => (count(x), x));
  };
  for (const s of bySlotId) {
    if (s.role === 'aux') count(s.expr!);
    if (s.role === 'stock') count(s.rate!);
  }
  const shared = new Map<string, Slot>();
  const share = (e: IR, owner: Slot): IR => {
    if (isLeaf(e)) return e;
    if (expensive(e)) {
      const code = genExpr(e, 'run');
      if ((useCount.get(code) ?? 0) > 1) {
        let slot = shared.get(code);
        if (!slot) {
          slot = { id: bySlotId.length, role: 'aux', owner: owner.owner, hiddenWhat: 'part shared by several equations', speculative: true };
          bySlotId.push(slot);
          shared.set(code, slot);
          slot.expr = mapChildren(e, (x) => share(x, owner));
        }
        return { k: 'slot', s: slot };
      }
    }
    return mapChildren(e, (x) => share(x, owner));
  };
  for (const s of bySlotId.slice()) {
    if (s.role === 'aux' && !s.speculative) s.expr = share(s.expr!, s);
    if (s.role === 'stock') s.rate = share(s.rate!, s);
  }

  // Initial pass: every slot, in dependency order (a reference to a stock needs its initial value).
  const initDeps = (s: Slot): Slot[] => {
    if (s.role === 'const') return [];
    if (s.role === 'stock') return slotsRead(s.init!, 'init');
    return slotsRead(s.expr!, 'init');
  };
  const initTopo = topoOrder(
    bySlotId.map((s) => s.id),
    (id) => initDeps(bySlotId[id]).map((d) => d.id),
  );
  if (!initTopo.ok) throw cycleError(initTopo.cycle.map((i) => bySlotId[i]), ' in the initial values');
  const initOrder = initTopo.order.map((i) => bySlotId[i]);

  // Auxiliary pass: auxiliaries and flows; stocks, constants and INIT values are known already.
  const auxSlots = bySlotId.filter((s) => s.role === 'aux');
  const auxDeps = (s: Slot): Slot[] => slotsRead(s.expr!, 'run').filter((d) => d.role === 'aux');
  const auxTopo = topoOrder(
    auxSlots.map((s) => s.id),
    (id) => auxDeps(bySlotId[id]).map((d) => d.id),
  );
  if (!auxTopo.ok) throw cycleError(auxTopo.cycle.map((i) => bySlotId[i]), '');
  const auxOrder = auxTopo.order.map((i) => bySlotId[i]);
  // Values that cannot change during a run are computed once, in the initial pass.
  for (const s of auxOrder) {
    s.invariant =
      !readsTime(s.expr!) &&
      slotsRead(s.expr!, 'run').every((d) => d.role === 'const' || d.role === 'init' || (d.role === 'aux' && d.invariant === true));
  }
  const varying = auxOrder.filter((s) => !s.invariant);

  // Loop-invariant code motion: a part of a varying equation that cannot change during a run (say
  // `1 - Math.pow(a, b)` of constants) moves to a hidden slot computed once, before its first user in the
  // initial pass. Identical parts share one slot. Hoisted slots skip the initial non-finite check, because an
  // unused IF branch may legitimately be NaN; their users are checked.
  const fixedSlot = (d: Slot): boolean => d.role === 'const' || d.role === 'init' || (d.role === 'aux' && d.invariant === true);
  const hoistedByCode = new Map<string, Slot>();
  const hoistedBefore = new Map<Slot, Slot[]>();
  const hoistedAfterAll: Slot[] = [];
  const isFixed = (e: IR): boolean => !readsTime(e) && slotsRead(e, 'run').every(fixedSlot);
  const hoist = (e: IR, owner: Slot, sink: Slot[]): IR => {
    if (e.k === 'num' || e.k === 'slot' || e.k === 'time' || e.k === 'dt' || e.k === 'start' || e.k === 'stop') return e;
    // A fixed positive base to a varying power, a^y (growth such as (1+g)^(TIME/365)), is exp(y·ln a): the
    // logarithm moves out of the loop, leaving one exponential a step instead of a general power. A literal base
    // (10^TIME) keeps the general power, whose integer exponents are exact; a named base gives up that exactness
    // to within rounding (about 1e-16 relative).
    if (e.k === 'bin' && e.op === '^' && e.a.k !== 'num' && isFixed(e.a) && !isFixed(e.b)) {
      const logBase: IR = { k: 'math', fn: 'log', args: [e.a] };
      const viaExp: IR = { k: 'math', fn: 'exp', args: [{ k: 'bin', op: '*', a: e.b, b: logBase }] };
      const positive: IR = { k: 'cmp', op: '>', a: e.a, b: { k: 'num', v: 0 } };
      const general: IR = { k: 'bin', op: '^', a: hoist(e.a, owner, sink), b: hoist(e.b, owner, sink) };
      return { k: 'if', c: hoist(positive, owner, sink), a: hoist(viaExp, owner, sink), b: general };
    }
    if (isFixed(e)) {
      const code = genExpr(e, 'run');
      let slot = hoistedByCode.get(code);
      if (!slot) {
        slot = {
          id: bySlotId.length,
          role: 'aux',
          owner: owner.owner,
          hiddenWhat: 'fixed part of the equation',
          expr: e,
          invariant: true,
          speculative: true,
        };
        bySlotId.push(slot);
        hoistedByCode.set(code, slot);
        sink.push(slot);
      }
      return { k: 'slot', s: slot };
    }
    return mapChildren(e, (x) => hoist(x, owner, sink));
  };
  for (const s of initOrder) {
    if (s.role !== 'aux' || s.invariant) continue;
    const sink: Slot[] = [];
    s.expr = hoist(s.expr!, s, sink);
    if (sink.length > 0) hoistedBefore.set(s, sink);
  }
  for (const s of stocks) s.rate = hoist(s.rate!, s, hoistedAfterAll);

  // Generated code.
  const constStatements = constants.map(({ slot }) => `c[${slot.constIndex}] = ${genExpr(slot.expr!, 'init')};`);
  const initStatement = (s: Slot): string => {
    if (s.role === 'const') return s.nonNegative ? `v[${s.id}] = Math.max(0, c[${s.constIndex}]);` : `v[${s.id}] = c[${s.constIndex}];`;
    return `v[${s.id}] = ${genExpr(s.role === 'stock' ? s.init! : s.expr!, 'init')};`;
  };
  const initStatements: string[] = [];
  for (const s of initOrder) {
    for (const h of hoistedBefore.get(s) ?? []) initStatements.push(initStatement(h));
    initStatements.push(initStatement(s));
  }
  for (const h of hoistedAfterAll) initStatements.push(initStatement(h));
  const tableFns = buildTables(tables);
  const constPass = buildPass(constStatements, tableFns);
  const initPass = buildPass(initStatements, tableFns);
  const stepPass = buildStepPass(
    varying.map((s) => ({ id: s.id, expr: s.expr! })),
    stocks.map((s) => ({ id: s.id, expr: s.rate! })),
    tableFns,
  );

  const defaultConstants = new Float64Array(constants.length);
  {
    const s = new Float64Array(simSize(0));
    s[SIM_DT] = spec.sim?.dt ?? 1;
    s[SIM_START] = spec.sim?.start ?? 0;
    s[SIM_STOP] = spec.sim?.stop ?? 0;
    const empty = new Float64Array(0);
    for (const f of constPass) f(empty, defaultConstants, empty, 0, s, empty);
  }
  const constantIndex = new Map(constants.map((c) => [normalizeName(c.name), c.slot.constIndex!]));
  const outputNames = outputs.map((o) => o.name);
  const nonNegativeStocks = Int32Array.from(stocks.filter((s) => s.nonNegative).map((s) => s.id));
  const delayInputs = Int32Array.from(delays.map((d) => d.input.id));
  // A delay whose delay time cannot change during a run gets a ring buffer sized from its value (read after
  // the initial pass); -1 marks a delay time that varies, which keeps the whole history.
  const delayTimeSlots = Int32Array.from(
    delays.map((d) => (d.tau.k === 'slot' && (d.tau.s.role === 'const' || d.tau.s.role === 'init' || d.tau.s.invariant) ? d.tau.s.id : -1)),
  );
  const delayTimeNumbers = Float64Array.from(delays.map((d) => (d.tau.k === 'num' ? d.tau.v : Number.NaN)));
  const outputPlan = (chosen: { name: string; slot: Slot }[]): OutputPlan => {
    const varies = chosen.map((o) => o.slot.role === 'stock' || (o.slot.role === 'aux' && !o.slot.invariant));
    return {
      names: chosen.map((o) => o.name),
      slots: Int32Array.from(chosen.map((o) => o.slot.id)),
      varying: Int32Array.from(chosen.map((_, i) => i).filter((i) => varies[i])),
      fixed: Int32Array.from(chosen.map((_, i) => i).filter((i) => !varies[i])),
    };
  };
  const allOutputs = outputPlan(outputs);
  const outputIndex = new Map(outputs.map((o, i) => [normalizeName(o.name), i]));
  const selectOutputs = (names: readonly string[]): OutputPlan => {
    const picked = new Set<number>();
    for (const name of names) {
      const i = typeof name === 'string' ? outputIndex.get(normalizeName(name)) : undefined;
      if (i === undefined) {
        throw new ModelError('unknown-variable', `cannot output "${String(name)}": the model has no such variable`, { variable: String(name) });
      }
      picked.add(i);
    }
    return outputPlan([...picked].sort((a, b) => a - b).map((i) => outputs[i]));
  };

  const program: Program = {
    slotCount: bySlotId.length,
    stockCount,
    slotById: bySlotId,
    initOrder: initOrder.filter((s) => !s.speculative),
    varying: varying.filter((s) => !s.speculative),
    initPass,
    stepPass,
    nonNegativeStocks,
    delayInputs,
    delayTimeSlots,
    delayTimeNumbers,
    outputs: allOutputs,
  };

  const run = (options: RunOptions = {}): RunResult => {
    const plan = planSim(spec.sim, options);
    const c = defaultConstants.slice();
    if (options.set) {
      for (const [name, value] of Object.entries(options.set)) {
        const idx = constantIndex.get(normalizeName(name));
        if (idx === undefined) {
          const known = outputs.some((o) => normalizeName(o.name) === normalizeName(name));
          throw new ModelError(
            'bad-override',
            known ? `cannot set "${name}": its equation is not a constant` : `cannot set "${name}": the model has no such variable`,
            { variable: name },
          );
        }
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new ModelError('bad-override', `cannot set "${name}" to ${String(value)}: not a finite number`, { variable: name });
        }
        c[idx] = value;
      }
    }
    const chosen = options.outputs ? selectOutputs(options.outputs) : allOutputs;
    if (plan.saveCount * chosen.names.length > MAX_SAVED_VALUES) {
      throw new ModelError(
        'bad-sim-specs',
        `sim specs: ${plan.saveCount} saved times × ${chosen.names.length} variables is too many; use a larger save step or fewer outputs`,
      );
    }
    return simulate(program, c, plan, chosen);
  };

  return {
    spec,
    outputNames,
    constantNames: constants.map((c) => c.name),
    run,
  };
}
