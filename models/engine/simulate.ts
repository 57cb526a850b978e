/**
 * The time loop. Kept apart from compilation and free of closures so V8 optimises it as one small function;
 * everything it touches is a typed array allocated for this run.
 */
import { ModelError, type RunResult } from './api.js';
import type { PassFn } from './codegen.js';
import type { Slot } from './ir.js';
import { SIM_DT, SIM_HEADER, SIM_HISTORY_COUNT, SIM_START, SIM_STOP, simSize } from './runtime.js';
import type { IntegrationMethod } from './spec.js';

/** What compileModel produced: generated passes plus the index arrays the loop needs. */
export interface Program {
  slotCount: number;
  stockCount: number;
  /** Slot for each value-array index (for error messages). */
  slotById: readonly Slot[];
  /** Slots checked for non-finite values after the initial pass, in evaluation order. */
  initOrder: readonly Slot[];
  /** Auxiliaries recomputed every pass and checked when a run goes non-finite, in evaluation order. */
  varying: readonly Slot[];
  initPass: readonly PassFn[];
  /** Every varying auxiliary into `v`, then every stock's net rate into its `r` argument. */
  stepPass: readonly PassFn[];
  nonNegativeStocks: Int32Array;
  delayInputs: Int32Array;
  /** Per delay: the slot holding a fixed delay time, or -1 (a number, or a time that varies). */
  delayTimeSlots: Int32Array;
  /** Per delay: the delay time when it is a number, else NaN. */
  delayTimeNumbers: Float64Array;
  /** Every output variable, in model order. */
  outputs: OutputPlan;
}

/** The variables a run saves. */
export interface OutputPlan {
  names: readonly string[];
  slots: Int32Array;
  /** Indices (into names) of outputs that change during a run (copied at each save) and of those that do not (filled once). */
  varying: Int32Array;
  fixed: Int32Array;
}

export interface SimPlan {
  start: number;
  dt: number;
  stop: number;
  steps: number;
  saveEvery: number;
  saveCount: number;
  method: IntegrationMethod;
}

const EMPTY = new Float64Array(0);
/** Memory guard for pipeline-delay histories (values, 8 bytes each). */
const MAX_HISTORY_VALUES = 2e7;

function slotLabel(s: Slot): string {
  return s.hiddenWhat ? `${s.owner} (${s.hiddenWhat})` : s.owner;
}

function nonFinite(slot: Slot, value: number, t: number): ModelError {
  return new ModelError('non-finite', `run stopped at time ${t}: ${slotLabel(slot)} became ${value} (not a finite number)`, {
    variable: slot.owner,
    time: t,
  });
}

/** The first auxiliary (in evaluation order) holding a non-finite value. */
function locate(p: Program, v: Float64Array, t: number): ModelError | undefined {
  for (const slot of p.varying) {
    const x = v[slot.id];
    if (x - x !== 0) return nonFinite(slot, x, t);
  }
  return undefined;
}

function callPass(fns: readonly PassFn[], v: Float64Array, c: Float64Array, r: Float64Array, t: number, s: Float64Array, h: Float64Array): void {
  for (let q = 0; q < fns.length; q++) fns[q](v, c, r, t, s, h);
}

export function simulate(p: Program, c: Float64Array, plan: SimPlan, outputs: OutputPlan = p.outputs): RunResult {
  const { start, dt, steps, saveEvery, saveCount } = plan;
  const stockCount = p.stockCount;
  const iCount = SIM_HISTORY_COUNT;
  const delayInputs = p.delayInputs;
  const delayCount = delayInputs.length;
  const s = new Float64Array(simSize(delayCount));
  s[SIM_DT] = dt;
  s[SIM_START] = start;
  s[SIM_STOP] = plan.stop;
  s[iCount] = 0;
  const v = new Float64Array(p.slotCount);
  const r = new Float64Array(stockCount);
  const times = new Float64Array(saveCount);
  const outputSlots = outputs.slots;
  const series = outputs.names.map(() => new Float64Array(saveCount));
  const varyingOutputs = outputs.varying;
  const nonNegative = p.nonNegativeStocks;
  const stepPass = p.stepPass;
  const rk4 = plan.method === 'rk4';
  const y0 = rk4 ? new Float64Array(stockCount) : r;
  const k1 = rk4 ? new Float64Array(stockCount) : r;
  const k2 = rk4 ? new Float64Array(stockCount) : r;
  const k3 = rk4 ? new Float64Array(stockCount) : r;

  callPass(p.initPass, v, c, r, start, s, EMPTY);
  for (const slot of p.initOrder) {
    const x = v[slot.id];
    if (x - x !== 0) throw nonFinite(slot, x, start);
  }

  // Delay histories: ring buffers, sized now that fixed delay times are known.
  const delayBase = new Int32Array(delayCount);
  const delayCapacity = new Int32Array(delayCount);
  const delayLatest = new Int32Array(delayCount).fill(-1);
  let historySize = 0;
  for (let d = 0; d < delayCount; d++) {
    const slot = p.delayTimeSlots[d];
    const tau = slot >= 0 ? v[slot] : p.delayTimeNumbers[d];
    // Enough room for the delay time plus interpolation and RK4 half steps; everything if the time varies.
    const capacity = tau >= 0 && tau < Infinity ? Math.min(steps + 1, Math.ceil(tau / dt) + 3) : steps + 1;
    delayBase[d] = historySize;
    delayCapacity[d] = capacity;
    s[SIM_HEADER + 3 * d] = historySize;
    s[SIM_HEADER + 3 * d + 1] = capacity;
    historySize += capacity;
  }
  if (historySize > MAX_HISTORY_VALUES) {
    throw new ModelError(
      'bad-sim-specs',
      `sim specs: the model's DELAYs would keep ${historySize} past values (a delay time that changes during the run keeps every step); use a larger dt or a shorter run`,
    );
  }
  const h = new Float64Array(historySize);

  // Constants and values fixed at the initial time are known now; filling them here also keeps the code after
  // the time loop trivial (code first reached after a long loop deoptimises V8's on-stack-replaced version).
  const fixed = outputs.fixed;
  for (let q = 0; q < fixed.length; q++) series[fixed[q]].fill(v[outputSlots[fixed[q]]]);
  const result: RunResult = { names: outputs.names.slice(), times, series };

  let saved = 0;
  let untilSave = 1;
  for (let k = 0; ; k++) {
    const t = start + k * dt;
    // Auxiliaries at t and the rates from them (RK4's first stage, k1). Rates read no delay history and change
    // nothing in v, so recording delay inputs and saving after them sees the same values as before them.
    callPass(stepPass, v, c, rk4 ? k1 : r, t, s, h);
    for (let d = 0; d < delayCount; d++) {
      const latest = delayLatest[d] + 1 === delayCapacity[d] ? 0 : delayLatest[d] + 1;
      delayLatest[d] = latest;
      h[delayBase[d] + latest] = v[delayInputs[d]];
      s[SIM_HEADER + 3 * d + 2] = latest;
    }
    s[iCount] = k + 1;
    if (--untilSave === 0 || k === steps) {
      untilSave = saveEvery;
      times[saved] = t;
      let sum = 0;
      for (let q = 0; q < varyingOutputs.length; q++) {
        const i = varyingOutputs[q];
        const x = v[outputSlots[i]];
        series[i][saved] = x;
        sum += x;
      }
      if (sum - sum !== 0) {
        const err = locate(p, v, t);
        if (err) throw err;
      }
      saved++;
    }
    if (k === steps) break;
    let sum = 0;
    if (!rk4) {
      for (let i = 0; i < stockCount; i++) sum += v[i] += dt * r[i];
    } else {
      const half = start + (k + 0.5) * dt;
      const next = start + (k + 1) * dt;
      const halfDt = dt / 2;
      for (let i = 0; i < stockCount; i++) {
        y0[i] = v[i];
        v[i] = y0[i] + halfDt * k1[i];
      }
      callPass(stepPass, v, c, k2, half, s, h);
      for (let i = 0; i < stockCount; i++) v[i] = y0[i] + halfDt * k2[i];
      callPass(stepPass, v, c, k3, half, s, h);
      for (let i = 0; i < stockCount; i++) v[i] = y0[i] + dt * k3[i];
      callPass(stepPass, v, c, r, next, s, h);
      const sixth = dt / 6;
      for (let i = 0; i < stockCount; i++) sum += v[i] = y0[i] + sixth * (k1[i] + 2 * k2[i] + 2 * k3[i] + r[i]);
    }
    // XMILE non-negative stocks are held at zero; their flows keep the values they reported.
    for (let q = 0; q < nonNegative.length; q++) if (v[nonNegative[q]] < 0) v[nonNegative[q]] = 0;
    if (sum - sum !== 0) {
      // Euler: the auxiliaries still hold their values at t, so the culprit may be one of them.
      const err = rk4 ? undefined : locate(p, v, t);
      if (err) throw err;
      for (let i = 0; i < stockCount; i++) {
        const x = v[i];
        if (x - x !== 0) throw nonFinite(p.slotById[i], x, start + (k + 1) * dt);
      }
    }
  }
  return result;
}
