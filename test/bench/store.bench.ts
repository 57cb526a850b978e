/**
 * Scenario store benchmark (`npx tsx test/bench/store.bench.ts [count]`; `npm run bench` runs it with the others).
 * Standalone script, not a vitest test. Fills a temporary database with 10,000 saved scenarios through the store's
 * own import, then times:
 *   - listing them all, the first time after opening (built from the database) and again (the store keeps the
 *     summaries until the data changes), and with a text search and by tag (never cached here): target under 50 ms;
 *   - opening one by id: target under 5 ms;
 * each against a baseline measured in the same run on the same file: loading and JSON-parsing every saved scenario
 * (what a list without summary columns would cost), and finding one by a full-table scan (no index).
 * Also prints how long a scenario's results take from the run cache against running the care model again.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PARAMETERS, MODEL_VERSION, runScenario } from '../../models/health-care/index.js';
import { loadLibrary } from '../../scenarios/library.js';
import { defaultScenario } from '../../scenarios/parse.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { openStore, runCacheKey } from '../../scenarios/store.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const LIST_TARGET_MS = 50;
const OPEN_TARGET_MS = 5;

/** Median time in ms of `runs` calls after `warmup` unmeasured ones (`selfTimed`: `fn` returns its own time). */
function median(runs: number, fn: () => unknown, warmup = 3, selfTimed = false): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const own = fn();
    times.push(selfTimed ? (own as number) : performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'joinedup-bench-'));
const path = join(dir, 'bench.db');
try {
  const store = openStore(path, { dailyBackup: false });
  const forms = ['separate', 'combined'] as const;
  const tags = ['workshop', 'draft', 'board', 'client', 'baseline'];
  const t0 = performance.now();
  for (let start = 0; start < COUNT; start += 1000) {
    const batch: Scenario[] = [];
    for (let i = start; i < Math.min(COUNT, start + 1000); i++) {
      batch.push({
        ...defaultScenario(`Scenario ${String(i).padStart(5, '0')}`, forms[i % 2]),
        description: `Option ${i}: a variation on the baseline with different capacity and delays.`,
        notes: `Notes for scenario ${i}. `.repeat(20),
        tags: [tags[i % tags.length], `batch-${Math.floor(i / 1000)}`],
        parameters: { Acute_Beds: 1000 + (i % 200), Assessment_Delay: 2 + (i % 9) },
      });
    }
    store.import(batch, 'copy');
  }
  const fillMs = performance.now() - t0;
  const ids = store.list().map((s) => s.id);
  if (ids.length !== COUNT) throw new Error(`expected ${COUNT} scenarios, listed ${ids.length}`);

  store.close();
  // The first list after opening builds the summaries from the database; later ones are served from the store's
  // cache until the data changes. Both are measured: the first on a fresh connection each time.
  const firstListMs = median(9, () => {
    const fresh = openStore(path, { dailyBackup: false });
    const t = performance.now();
    fresh.list();
    const ms = performance.now() - t;
    fresh.close();
    return ms;
  }, 1, true);
  const reopened = openStore(path, { dailyBackup: false });
  const listMs = median(21, () => reopened.list());
  let n = 0;
  // A different search each time, so none is served from the cache.
  const searchMs = median(21, () => reopened.list({ search: `scenario 0${String(n++ % 1000).padStart(3, '0')}` }));
  const tagMs = median(21, () => reopened.list({ tag: `batch-${n++ % 10}` }), 0);
  let k = 0;
  const openMs = median(501, () => reopened.get(ids[(k = (k * 7919 + 13) % ids.length)]));

  // Reopening a scenario's results: the cached run against running the care model again (no target; the reason
  // for the cache).
  const builtIn = loadLibrary(undefined, PARAMETERS).scenarios[0].scenario;
  let run = runScenario(builtIn);
  const runMs = median(3, () => (run = runScenario(builtIn)), 0);
  const key = runCacheKey(MODEL_VERSION, builtIn);
  reopened.putCachedRun(key, MODEL_VERSION, run);
  const cachedRunMs = median(21, () => reopened.getCachedRun(key, MODEL_VERSION));

  // Baselines on the same file, same process.
  const raw = new Database(path, { readonly: true });
  const all = raw.prepare('SELECT body_json FROM scenarios');
  const loadAllMs = median(11, () => all.all().map((r) => JSON.parse((r as { body_json: string }).body_json) as Scenario));
  const scan = raw.prepare("SELECT * FROM scenarios WHERE id || '' = ?");
  let j = 0;
  const scanMs = median(51, () => scan.get(ids[(j = (j * 7919 + 13) % ids.length)]));
  raw.close();
  reopened.close();

  const verdict = (ms: number, target: number) => (ms < target ? 'met' : 'NOT MET');
  const f = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;
  console.log(`store: ${COUNT} saved scenarios (filled in ${(fillMs / 1000).toFixed(1)} s through the store's import)`);
  console.log(`  list all, first after opening: ${f(firstListMs)}  target < ${LIST_TARGET_MS} ms → ${verdict(firstListMs, LIST_TARGET_MS)};  ${(firstListMs / loadAllMs).toPrecision(2)}× the baseline (load + JSON.parse of every scenario: ${f(loadAllMs)})`);
  console.log(`  list all, again (cached until the data changes): ${f(listMs)}  target < ${LIST_TARGET_MS} ms → ${verdict(listMs, LIST_TARGET_MS)};  ${(listMs / loadAllMs).toPrecision(2)}× the baseline`);
  console.log(`  list, search    : ${f(searchMs)}  target < ${LIST_TARGET_MS} ms → ${verdict(searchMs, LIST_TARGET_MS)};  ${(searchMs / loadAllMs).toPrecision(2)}× the baseline`);
  console.log(`  list, by tag    : ${f(tagMs)}  target < ${LIST_TARGET_MS} ms → ${verdict(tagMs, LIST_TARGET_MS)};  ${(tagMs / loadAllMs).toPrecision(2)}× the baseline`);
  console.log(`  open one by id  : ${f(openMs)}  target < ${OPEN_TARGET_MS} ms → ${verdict(openMs, OPEN_TARGET_MS)};  ${(openMs / scanMs).toPrecision(2)}× the baseline (full-table scan for the id: ${f(scanMs)})`);
  console.log(`  results of a ${builtIn.horizonYears}-year scenario from the run cache: ${f(cachedRunMs)};  ${(cachedRunMs / runMs).toPrecision(2)}× running the care model again (${f(runMs)})`);
  // Timings are reported, not enforced: this machine is shared, and the ratios are the figures to compare.
} finally {
  rmSync(dir, { recursive: true, force: true });
}
