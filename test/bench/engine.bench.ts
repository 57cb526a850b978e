/**
 * Engine benchmark (run with `npx tsx test/bench/engine.bench.ts`; `npm run bench` runs it with the others).
 * Standalone script, not a vitest test. Prints time per run for the compiled engine and two baselines measured
 * in the same run, and the ratios against the targets:
 *   (a) a generated model of 1,000 stocks with DELAY1/DELAY3, SMTH1 and a graphical function, 10,000 steps:
 *       engine vs a mathjs `evaluate` interpreter (≥100× faster) and vs the same equations hand-written as one
 *       tight loop over Float64Arrays (within 3×);
 *   (b) the largest conformance model (most equation evaluations per run): engine vs the interpreter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModel, type ModelSpec, type VariableSpec } from '../../models/engine/index.js';
import { createInterpreter } from './lib/mathjs-interpreter.js';

const UNITS = 1000;
const DT = 0.25;
const STEPS = 10_000;
const SAVE_EVERY = 100;
const TABLE = { xs: [0, 0.5, 1, 1.5, 2, 3], ys: [1.6, 1.3, 1, 0.8, 0.7, 0.65] };

const tau = (i: number): number => 4 + (i % 7);
const initialStock = (i: number): number => 100 + (i % 10);
const sim = { start: 0, stop: STEPS * DT, dt: DT, saveStep: SAVE_EVERY * DT, method: 'euler' as const };

/** Unit i: a stock drained by out_i = S_i/tau_i·effect(SMTH1(S_i)/100), filled by a delay of the previous unit's outflow. */
function generatedModel(): ModelSpec {
  const vars: VariableSpec[] = [{ name: 'effect table', kind: 'gf', equation: '', gf: { kind: 'continuous', ...TABLE } }];
  for (let i = 0; i < UNITS; i++) {
    const input =
      i === 0 ? `10 + STEP(5, 100) + 0.1 * out_${UNITS - 1}` : i % 2 === 1 ? `DELAY1(out_${i - 1}, 3)` : `DELAY3(out_${i - 1}, 6)`;
    vars.push(
      { name: `S ${i}`, kind: 'stock', equation: String(initialStock(i)), inflows: [`in ${i}`], outflows: [`out ${i}`] },
      { name: `in ${i}`, kind: 'flow', equation: input },
      { name: `out ${i}`, kind: 'flow', equation: `S_${i} / tau_${i} * effect_${i}` },
      { name: `effect ${i}`, kind: 'aux', equation: `effect_table(SMTH1(S_${i}, 5) / 100)` },
      { name: `tau ${i}`, kind: 'aux', equation: String(tau(i)) },
    );
  }
  return { name: 'bench-a', sim, variables: vars };
}

/** The same model with DELAY1/DELAY3/SMTH1 written out as stocks and flows (for the interpreter). */
function explicitModel(): ModelSpec {
  const vars: VariableSpec[] = [{ name: 'effect table', kind: 'gf', equation: '', gf: { kind: 'continuous', ...TABLE } }];
  for (let i = 0; i < UNITS; i++) {
    vars.push(
      { name: `S ${i}`, kind: 'stock', equation: String(initialStock(i)), inflows: [`in ${i}`], outflows: [`out ${i}`] },
      { name: `out ${i}`, kind: 'flow', equation: `S_${i} / tau_${i} * effect_${i}` },
      { name: `effect ${i}`, kind: 'aux', equation: `effect_table(SM_${i} / 100)` },
      { name: `tau ${i}`, kind: 'aux', equation: String(tau(i)) },
      { name: `SM ${i}`, kind: 'stock', equation: `S_${i}`, inflows: [`smf ${i}`] },
      { name: `smf ${i}`, kind: 'flow', equation: `(S_${i} - SM_${i}) / 5` },
    );
    if (i === 0) {
      vars.push({ name: `in ${i}`, kind: 'flow', equation: `10 + STEP(5, 100) + 0.1 * out_${UNITS - 1}` });
    } else if (i % 2 === 1) {
      vars.push(
        { name: `D ${i}`, kind: 'stock', equation: `out_${i - 1} * 3`, inflows: [`din ${i}`], outflows: [`in ${i}`] },
        { name: `din ${i}`, kind: 'flow', equation: `out_${i - 1}` },
        { name: `in ${i}`, kind: 'flow', equation: `D_${i} / 3` },
      );
    } else {
      vars.push(
        { name: `Da ${i}`, kind: 'stock', equation: `out_${i - 1} * 2`, inflows: [`din ${i}`], outflows: [`m1 ${i}`] },
        { name: `Db ${i}`, kind: 'stock', equation: `out_${i - 1} * 2`, inflows: [`m1 ${i}`], outflows: [`m2 ${i}`] },
        { name: `Dc ${i}`, kind: 'stock', equation: `out_${i - 1} * 2`, inflows: [`m2 ${i}`], outflows: [`in ${i}`] },
        { name: `din ${i}`, kind: 'flow', equation: `out_${i - 1}` },
        { name: `m1 ${i}`, kind: 'flow', equation: `Da_${i} / 2` },
        { name: `m2 ${i}`, kind: 'flow', equation: `Db_${i} / 2` },
        { name: `in ${i}`, kind: 'flow', equation: `Dc_${i} / 2` },
      );
    }
  }
  return { name: 'bench-a-explicit', sim, variables: vars };
}

/** The same equations hand-written as one tight loop over Float64Arrays; saves S, in, out, effect like the engine. */
function handWritten(): { finalS: Float64Array; saved: Float64Array[] } {
  const n = UNITS;
  const S = new Float64Array(n);
  const SM = new Float64Array(n);
  const D = new Float64Array(n);
  const Da = new Float64Array(n);
  const Db = new Float64Array(n);
  const Dc = new Float64Array(n);
  const T = new Float64Array(n);
  const out = new Float64Array(n);
  const inflow = new Float64Array(n);
  const eff = new Float64Array(n);
  const xs = Float64Array.from(TABLE.xs);
  const ys = Float64Array.from(TABLE.ys);
  const saves = Math.floor(STEPS / SAVE_EVERY) + 1;
  const saved = [0, 1, 2, 3].map(() => new Float64Array(saves * n));
  const table = (x: number): number => {
    if (x <= xs[0]) return ys[0];
    const last = xs.length - 1;
    if (x >= xs[last]) return ys[last];
    let j = 0;
    while (xs[j + 1] <= x) j++;
    return ys[j] + ((x - xs[j]) * (ys[j + 1] - ys[j])) / (xs[j + 1] - xs[j]);
  };
  for (let i = 0; i < n; i++) {
    T[i] = tau(i);
    S[i] = initialStock(i);
    SM[i] = S[i];
    eff[i] = table(SM[i] / 100);
    out[i] = (S[i] / T[i]) * eff[i];
  }
  for (let i = 1; i < n; i++) {
    D[i] = out[i - 1] * 3;
    Da[i] = Db[i] = Dc[i] = out[i - 1] * 2;
  }
  for (let k = 0; ; k++) {
    const t = k * DT;
    for (let i = 0; i < n; i++) {
      eff[i] = table(SM[i] / 100);
      out[i] = (S[i] / T[i]) * eff[i];
    }
    inflow[0] = 10 + (t >= 100 ? 5 : 0) + 0.1 * out[n - 1];
    for (let i = 1; i < n; i++) inflow[i] = i % 2 === 1 ? D[i] / 3 : Dc[i] / 2;
    if (k % SAVE_EVERY === 0) {
      const base = (k / SAVE_EVERY) * n;
      saved[0].set(S, base);
      saved[1].set(inflow, base);
      saved[2].set(out, base);
      saved[3].set(eff, base);
    }
    if (k === STEPS) break;
    for (let i = 0; i < n; i++) {
      SM[i] += (DT * (S[i] - SM[i])) / 5;
      S[i] += DT * (inflow[i] - out[i]);
      if (i === 0) continue;
      if (i % 2 === 1) {
        D[i] += DT * (out[i - 1] - D[i] / 3);
      } else {
        const m1 = Da[i] / 2;
        const m2 = Db[i] / 2;
        Da[i] += DT * (out[i - 1] - m1);
        Db[i] += DT * (m1 - m2);
        Dc[i] += DT * (m2 - Dc[i] / 2);
      }
    }
  }
  return { finalS: S, saved };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** CPU milliseconds (user + system) the process spends in `fn`: steadier than wall time on a shared machine. */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Median CPU ms per call for each function, measured in alternating rounds (so load from other processes hits
 * them alike). Each round repeats a call until it has used at least `minMs`.
 */
function timeAlternating(fns: (() => void)[], rounds: number, minMs: number): number[] {
  for (const fn of fns) (fn(), fn());
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      let reps = 0;
      let used = 0;
      do {
        used += cpuMs(fn);
        reps++;
      } while (used < minMs);
      samples[i].push(used / reps);
    });
  }
  return samples.map(median);
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

function benchGenerated(): void {
  const spec = generatedModel();
  const t0 = performance.now();
  const model = compileModel(spec);
  const compileMs = performance.now() - t0;
  const [engineMs, handMs] = timeAlternating([() => model.run(), () => handWritten()], 7, 0);

  // Correctness check: engine and hand-written loop must agree.
  const r = model.run();
  const hand = handWritten();
  let maxRel = 0;
  for (let i = 0; i < UNITS; i++) {
    const e = r.series[r.names.indexOf(`S ${i}`)][r.times.length - 1];
    maxRel = Math.max(maxRel, Math.abs(e - hand.finalS[i]) / Math.max(1e-12, Math.abs(hand.finalS[i])));
  }

  // The explicit form, compiled by the engine too, must give the same answer as the builtins.
  const explicit = explicitModel();
  const rx = compileModel(explicit).run();
  let builtinVsExplicit = 0;
  for (let i = 0; i < UNITS; i++) {
    const a = r.series[r.names.indexOf(`S ${i}`)][r.times.length - 1];
    const b = rx.series[rx.names.indexOf(`S ${i}`)][rx.times.length - 1];
    builtinVsExplicit = Math.max(builtinVsExplicit, Math.abs(a - b) / Math.max(1e-12, Math.abs(b)));
  }

  const interp = createInterpreter(explicit);
  const interpSteps = 3;
  interp.run(1);
  const interpMs = (cpuMs(() => interp.run(interpSteps)) / (interpSteps + 1)) * (STEPS + 1);
  const equations = spec.variables.length - 1;
  console.log(`(a) generated model: ${UNITS} stocks (plus hidden delay and smooth stocks), ${equations} variables, ${STEPS} Euler steps (dt ${DT}), saving every ${SAVE_EVERY} steps`);
  console.log(`    compiled engine      ${fmt(engineMs)} per run (median of 7; compile ${fmt(compileMs)} once)`);
  console.log(`    hand-written loop    ${fmt(handMs)} per run (median of 7)`);
  console.log(`    mathjs interpreter   ${fmt(interpMs)} per run (estimated: ${interpSteps} steps + final pass measured, scaled linearly to ${STEPS + 1} passes)`);
  console.log(`    engine vs interpreter: ${(interpMs / engineMs).toFixed(0)}× faster (target ≥100×) ${verdict(interpMs / engineMs >= 100)}`);
  console.log(`    engine vs hand loop:   ${(engineMs / handMs).toFixed(2)}× the hand-written time (target ≤3×) ${verdict(engineMs / handMs <= 3)}`);
  console.log(`    check: final stocks of engine and hand loop agree to ${maxRel.toExponential(1)} (relative); builtins vs written-out stocks ${builtinVsExplicit.toExponential(1)}`);
}

async function benchConformance(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const modelsDir = join(here, '..', 'conformance', 'models');
  const manifestPath = join(modelsDir, 'MANIFEST.tsv');
  const xmilePath = join(here, '..', '..', 'models', 'xmile', 'index.ts');
  if (!existsSync(manifestPath) || !existsSync(xmilePath)) {
    console.log('(b) largest conformance model: SKIPPED (test/conformance/models or models/xmile not present)');
    return;
  }
  const { parseXmile } = (await import('../../models/xmile/index.js')) as { parseXmile: (text: string, file?: string) => ModelSpec };
  let best: { file: string; spec: ModelSpec; work: number } | undefined;
  const rows = readFileSync(manifestPath, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim() !== '');
  for (const row of rows) {
    const [path, file] = row.split('\t');
    try {
      const spec = parseXmile(readFileSync(join(modelsDir, path, file), 'utf8'), file);
      compileModel(spec);
      createInterpreter(spec);
      const work = spec.variables.length * ((spec.sim.stop - spec.sim.start) / spec.sim.dt + 1);
      if (!best || work > best.work) best = { file: `${path}/${file}`, spec, work };
    } catch {
      // Models the engine or the interpreter cannot run (modules, known-bad files, stateful builtins) are skipped.
    }
  }
  if (!best) {
    console.log('(b) largest conformance model: SKIPPED (no model could be run by both engine and interpreter)');
    return;
  }
  const model = compileModel(best.spec);
  const method = best.spec.sim.method;
  const interp = createInterpreter(best.spec);
  const [engineMs, interpMs] = timeAlternating([() => model.run({ method: 'euler' }), () => interp.run()], 5, 100);
  const steps = interp.fullSteps;
  console.log(`(b) largest conformance model runnable by both: ${best.file} (${best.spec.variables.length} variables, ${steps} steps; Euler${method === 'rk4' ? ', file says RK4' : ''})`);
  console.log(`    compiled engine      ${fmt(engineMs)} per run (median of 5 rounds)`);
  console.log(`    mathjs interpreter   ${fmt(interpMs)} per run (median of 5 rounds, full runs)`);
  console.log(`    engine vs interpreter: ${(interpMs / engineMs).toFixed(0)}× faster (target ≥100×) ${verdict(interpMs / engineMs >= 100)}`);
  console.log('    (no hand-written baseline for (b), as specified)');
}

console.log('engine benchmark: compiled engine vs mathjs-evaluate interpreter vs hand-written loop, measured in the same run');
console.log('(times are CPU time per run: user + system, steadier than wall time on a shared machine)');
benchGenerated();
await benchConformance();
