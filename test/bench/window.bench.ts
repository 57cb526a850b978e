/**
 * The window's speed in Chromium, against the browser host with a temporary database and the real care model:
 * - from a slider change to every chart updated, with four scenarios compared, p50 and p95 over 50 changes
 *   (target p95 < 50 ms), against the model's own run time in the worker in the same changes;
 * - from navigation to the first chart drawn (target < 1.5 s), against navigation to DOMContentLoaded.
 * Standalone: `npx tsx test/bench/window.bench.ts` (run by `npm run bench`).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { createAppDeps } from '../../electron/app-deps.js';
import { startBrowserHost } from '../../electron/browser-host.js';
import { createHandlers } from '../../electron/handlers.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = '/usr/bin/chromium';
const CHANGES = 50;
const LOADS = 5;
const TARGET_P95_MS = 50;
const TARGET_FIRST_CHART_MS = 1500;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  const work = mkdtempSync(join(tmpdir(), 'joinedup-bench-'));
  const rendererDir = join(work, 'renderer');
  await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'error', build: { outDir: rendererDir, emptyOutDir: true } });
  const deps = createAppDeps({ dbPath: join(work, 'bench.db') });
  const handlers = createHandlers(deps);
  const host = await startBrowserHost({ handlers, rendererDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const listed = await handlers['scenarios:list']({});
    if (!listed.ok) throw new Error(listed.error.message);
    const ids = listed.value.filter((s) => s.builtIn).map((s) => s.id).slice(0, 4);
    if (ids.length < 4) throw new Error(`The bench needs four built-in scenarios; the library has ${ids.length}.`);
    const described = await handlers['model:describe']({});
    if (!described.ok) throw new Error(described.error.message);

    // The engine compiles with `new Function`, so the model worker needs its own policy with 'unsafe-eval'.
    const workerFile = readdirSync(join(rendererDir, 'assets')).find((f) => /worker.*\.js$/.test(f));
    const base = host.url.replace(/\?.*$/, '');
    const policy = workerFile ? (await fetch(`${base}assets/${workerFile}`)).headers.get('content-security-policy') ?? '' : '';
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    if (!policy.includes("'unsafe-eval'")) {
      console.log("note: the browser host sends the model worker the page's policy (no 'unsafe-eval'); the bench adds the worker policy itself");
      await context.route(/worker[^/]*\.js(\?.*)?$/, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'none'; script-src 'self' 'unsafe-eval'" } });
      });
    }
    // Every load opens straight onto the Edit view comparing four scenarios, and notes when the first line is drawn.
    await context.addInitScript(`(() => {
      localStorage.setItem('joinedup.workspace', JSON.stringify({ compareIds: ${JSON.stringify(ids)}, editingId: ${JSON.stringify(ids[0])}, view: 'edit' }));
      const watch = () => {
        const obs = new MutationObserver(() => {
          if (document.querySelector('path.recharts-curve')) { window.__firstChart = performance.now(); obs.disconnect(); }
        });
        obs.observe(document.documentElement, { subtree: true, childList: true });
      };
      if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
    })()`);
    const page = await context.newPage();

    const firstChart: number[] = [];
    const domReady: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto(host.url);
      await page.waitForFunction(() => (globalThis as unknown as { __firstChart?: number }).__firstChart !== undefined, undefined, { timeout: 30_000 });
      const [chart, dcl] = (await page.evaluate(
        '[window.__firstChart, performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd]',
      )) as [number, number];
      firstChart.push(chart);
      domReady.push(dcl);
    }
    // Every chart on screen has its four lines.
    await page.waitForFunction(
      (n) => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ querySelectorAll(s: string): { length: number } }> } }).document;
        const figures = Array.from(doc.querySelectorAll('figure[data-chart]'));
        return figures.length > 0 && figures.every((f) => f.querySelectorAll('path.recharts-curve').length >= n);
      },
      4,
      { timeout: 30_000 },
    );
    const chartsShown = (await page.locator('figure[data-chart]').count()) as number;

    const parameter = pickParameter(described.value.parameters.map((p) => p.name));
    const samples = await measureSliderChanges(page, parameter);
    const total = samples.map((s) => s.totalMs);
    const model = samples.map((s) => s.modelMs);

    const p50 = quantile(total, 0.5);
    const p95 = quantile(total, 0.95);
    const m50 = quantile(model, 0.5);
    const m95 = quantile(model, 0.95);
    console.log(`window: slider change → all charts updated (${chartsShown} charts on the Edit view), 4 scenarios, ${samples.length} changes of ${parameter}`);
    console.log(`  p50 ${ms(p50)}, p95 ${ms(p95)}  (target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'})`);
    console.log(`  baseline, the model run alone in the worker: p50 ${ms(m50)}, p95 ${ms(m95)}`);
    const q = (xs: number[]) => `p50 ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))}`;
    console.log(`  breakdown: change → answer from the worker ${q(samples.map((s) => s.resultMs))}; answer → charts drawn ${q(samples.map((s) => s.drawMs))}`);
    console.log(`  ratio to baseline: p50 ${ratio(p50, m50)}, p95 ${ratio(p95, m95)}; window overhead beyond the run: p50 ${ms(quantile(samples.map((s) => s.totalMs - s.modelMs), 0.5))}`);
    const cold = firstChart[0];
    const warm = quantile(firstChart.slice(1), 0.5);
    console.log(`window: navigation → first chart, 4 scenarios, ${LOADS} loads`);
    console.log(`  first load ${ms(cold)}, median of the next ${LOADS - 1} ${ms(warm)}  (target < ${TARGET_FIRST_CHART_MS} ms: ${Math.max(cold, warm) < TARGET_FIRST_CHART_MS ? 'met' : 'NOT met'})`);
    console.log(`  baseline, navigation → DOMContentLoaded: first ${ms(domReady[0])}, median ${ms(quantile(domReady.slice(1), 0.5))}; ratio ${ratio(cold, domReady[0])} / ${ratio(warm, quantile(domReady.slice(1), 0.5))}`);
  } finally {
    await browser.close();
    await host.close();
    deps.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** A parameter on the discharge path, which every scenario uses. */
function pickParameter(names: string[]): string {
  return names.find((n) => /^assess_delay$/i.test(n)) ?? names.find((n) => /assess|delay/i.test(n)) ?? names[0];
}

interface Sample {
  totalMs: number;
  modelMs: number;
  /** From the change to the worker's answer arriving in the window. */
  resultMs: number;
  /** From the answer to React having drawn every chart (before paint). */
  drawMs: number;
}

/** Move the slider to 50 distinct positions (so no run comes from the worker's cache), one at a time. */
async function measureSliderChanges(page: Page, parameter: string): Promise<Sample[]> {
  return (await page.evaluate(`(async () => {
    const slider = document.querySelector('li[data-parameter="${parameter}"] input[type="range"]');
    if (!slider) throw new Error('no slider for ${parameter}');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const root = document.documentElement;
    const min = Number(slider.min), max = Number(slider.max), step = Number(slider.step) || (max - min) / 200;
    const start = Number(slider.value);
    const positions = Math.floor((max - min) / step);
    const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const updated = (seq) => new Promise((resolve) => {
      if (Number(root.dataset.chartsSeq) > seq) return resolve();
      const obs = new MutationObserver(() => { if (Number(root.dataset.chartsSeq) > seq) { obs.disconnect(); resolve(); } });
      obs.observe(root, { attributes: true, attributeFilter: ['data-charts-seq'] });
    });
    const out = [];
    for (let i = 0; i < ${CHANGES}; i++) {
      let k = (i * 7 + 3) % positions;
      let v = min + step * k;
      if (Math.abs(v - start) < step / 2) v = min + step * ((k + 1) % positions);
      await painted();
      const seq = Number(root.dataset.chartsSeq);
      performance.clearMarks();
      const t0 = performance.now();
      setValue.call(slider, String(v));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await updated(seq);
      await painted();
      const total = performance.now() - t0;
      const result = performance.getEntriesByName('joinedup:result').at(-1);
      const drawn = performance.getEntriesByName('joinedup:drawn').at(-1);
      out.push({
        totalMs: total,
        modelMs: Number(root.dataset.modelMs),
        resultMs: result ? result.startTime - t0 : NaN,
        drawMs: result && drawn ? drawn.startTime - result.startTime : NaN,
      });
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  })()`)) as Sample[];
}

main().catch((error: unknown) => {
  console.error(`window.bench: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
