/**
 * The window end to end: the built renderer in Debian's Chromium (playwright-core) against the browser host with a
 * real SQLite database in a temporary folder, the real handlers and the real care model (in the page's worker too).
 * Screenshots of each screen go to test-output/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppDeps, type AppDeps } from '../../electron/app-deps.js';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host.js';
import { createHandlers } from '../../electron/handlers.js';
import type { ComparedScenario, Handlers, ModelDescription, ScenarioSummary } from '../../electron/ipc-contract.js';
import { formatMoneyM } from '../../renderer/format.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SHOTS = join(ROOT, 'test-output', 'screenshots');

let work: string;
let deps: AppDeps;
let handlers: Handlers;
let host: BrowserHost;
let browser: Browser;
let page: Page;
let model: ModelDescription;
let builtIns: ScenarioSummary[];
let workerPolicy = '';
const pageErrors: string[] = [];

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Run axe-core in the page and return the serious and critical violations, described. */
async function seriousViolations(): Promise<string[]> {
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as {
    id: string;
    impact: string | null;
    help: string;
    targets: string[];
  }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
}

async function injectAxe(): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') stays as shipped.
  const source = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(`${source}\n;void 0`);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The `d` attribute of each line in a chart, to see it change. */
async function chartPaths(chartId: string): Promise<string[]> {
  return page.locator(`[data-chart="${chartId}"] path.recharts-curve`).evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
}

function builtIn(form: 'separate' | 'combined'): ScenarioSummary {
  const s = builtIns.find((b) => b.form === form);
  if (!s) throw new Error(`The library has no built-in scenario with form "${form}"`);
  return s;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}, so the window cannot be tested end to end. Install it with ` +
        '`apt-get install -y chromium` (.ci/run does this).',
    );
  }
  mkdirSync(SHOTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'joinedup-e2e-'));
  const rendererDir = join(work, 'renderer');
  await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'error', build: { outDir: rendererDir, emptyOutDir: true } });
  deps = createAppDeps({ dbPath: join(work, 'joinedup.db') });
  handlers = createHandlers(deps);
  host = await startBrowserHost({ handlers, rendererDir });
  model = await value(handlers['model:describe']({}));
  builtIns = (await value(handlers['scenarios:list']({}))).filter((s) => s.builtIn);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, acceptDownloads: true });
  page = await context.newPage();
  // The engine compiles the model with `new Function`, so the model worker needs its own policy with
  // 'unsafe-eval' (electron/security.ts WORKER_CONTENT_SECURITY_POLICY). The first test checks that the host sends
  // it; if it does not, that test fails and the rest run with the policy put on here, to test the window itself.
  const workerFile = readdirSync(join(rendererDir, 'assets')).find((f) => /worker.*\.js$/.test(f));
  workerPolicy = workerFile ? ((await fetch(`${host.url.replace(/\?.*$/, '')}assets/${workerFile}`)).headers.get('content-security-policy') ?? '') : '';
  if (!workerPolicy.includes("'unsafe-eval'")) {
    await context.route(/worker[^/]*\.js(\?.*)?$/, async (route) => {
      const r = await route.fetch();
      await route.fulfill({ response: r, headers: { ...r.headers(), 'content-security-policy': "default-src 'none'; script-src 'self' 'unsafe-eval'" } });
    });
  }
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  deps?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the JoinedUp window in Chromium', () => {
  let savedName = '';

  it('is served with a policy that lets the model worker compile the model', () => {
    expect(
      workerPolicy,
      "the browser host must send the model worker's script with WORKER_CONTENT_SECURITY_POLICY (script-src 'self' 'unsafe-eval'), " +
        'as electron/app-protocol.ts does; under the page policy the worker cannot compile the model and no chart is drawn',
    ).toContain("'unsafe-eval'");
    expect(workerPolicy).not.toContain("'unsafe-inline'");
  });

  let movedParameter = '';
  let movedValue = '';

  it('opens on the library with the built-in scenarios', async () => {
    expect(builtIns.length).toBeGreaterThanOrEqual(2);
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    for (const s of builtIns) await expect(page.getByRole('heading', { name: s.name, exact: true }).count()).resolves.toBe(1);
    await shot('library');
    await injectAxe();
    expect(await seriousViolations()).toEqual([]);
  });

  it('opens a built-in scenario and draws its charts', async () => {
    const separate = builtIn('separate');
    await page.getByRole('button', { name: `Open ${separate.name}`, exact: true }).click();
    await page.locator('[data-chart="stranded-beds"] path.recharts-curve').first().waitFor();
    // The headline charts, and the split by budget holder one click away.
    expect(await page.locator('.chart-grid figure').count()).toBe(3);
    await page.getByRole('button', { name: /Show the cost by budget holder/ }).click();
    await expect.poll(() => page.locator('.chart-grid figure').count()).toBe(6);
    await page.locator('[data-chart="cost-social-care"] path.recharts-curve').first().waitFor();
    expect(await page.locator('.parameter input[type="range"]').count()).toBe(model.parameters.length);
    await shot('edit');
    await injectAxe();
    expect(await seriousViolations()).toEqual([]);
  });

  it('moves a slider and the stranded-beds chart follows', async () => {
    const before = await chartPaths('stranded-beds');
    // A parameter of the discharge pathway: its delays feed the stranded-bed stocks directly.
    const candidates = model.parameters.filter((p) => p.group === 'integration' || /delay|assess/i.test(p.name));
    let changed = false;
    for (const p of candidates) {
      const row = page.locator(`li[data-parameter="${p.name}"]`);
      await row.locator('input[type="range"]').focus();
      await page.keyboard.press('End');
      try {
        await page.waitForFunction(
          ([sel, old]) => {
            const d = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document
              .querySelector(sel)
              ?.getAttribute('d');
            return d !== undefined && d !== null && d !== old;
          },
          ['[data-chart="stranded-beds"] path.recharts-curve', before[0]] as const,
          { timeout: 3000 },
        );
        movedParameter = p.name;
        movedValue = await row.locator('input[inputmode="decimal"]').inputValue();
        changed = true;
        break;
      } catch {
        // This parameter does not move the stranded beds at its maximum: undo it and try the next.
        await page.getByRole('button', { name: 'Undo', exact: true }).click();
      }
    }
    expect(changed, `no parameter among ${candidates.map((p) => p.name).join(', ')} changed the stranded-beds chart`).toBe(true);
    expect(await chartPaths('stranded-beds')).not.toEqual(before);
    await expect(page.locator(`li[data-parameter="${movedParameter}"].parameter-changed`).count()).resolves.toBe(1);
    await expect(page.getByText('unsaved changes').count()).resolves.toBeGreaterThan(0);
  });

  it('saves the change, and after a reload finds it again', async () => {
    await page.getByRole('button', { name: 'Save as new scenario' }).click();
    await page.getByRole('status').filter({ hasText: 'saved as a new scenario' }).waitFor();
    const mine = (await value(handlers['scenarios:list']({}))).filter((s) => !s.builtIn);
    expect(mine).toHaveLength(1);
    savedName = mine[0].name;
    const stored = await value(handlers['scenarios:get']({ id: mine[0].id }));
    expect(Object.keys(stored.scenario.parameters)).toEqual([movedParameter]);

    await page.reload();
    // The window reopens where it was (the Edit view); the library has the saved scenario.
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('heading', { name: 'My scenarios' }).waitFor();
    await page.getByRole('button', { name: `Open ${savedName}`, exact: true }).click();
    const row = page.locator(`li[data-parameter="${movedParameter}"]`);
    await row.waitFor();
    expect(await row.locator('input[inputmode="decimal"]').inputValue()).toBe(movedValue);
    expect(await row.evaluate((el) => el.className)).toContain('parameter-changed');
  });

  it('compares three scenarios and reads the summary table', async () => {
    const separate = builtIn('separate');
    const combined = builtIn('combined');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByRole('heading', { name: 'Compare scenarios' }).waitFor();
    const picker = page.getByRole('group', { name: /Choose a baseline/ });
    const choose = async (place: string, name: string, id: string) => {
      const select = picker.getByLabel(place, { exact: true });
      await select.selectOption({ label: name });
      await expect.poll(() => select.inputValue()).toBe(id);
    };
    const mineId = (await value(handlers['scenarios:list']({}))).find((s) => s.name === savedName)!.id;
    await choose('Baseline', separate.name, separate.id);
    await choose('Option 1', combined.name, combined.id);
    await choose('Option 2', savedName, mineId);
    const headers = page.locator('.summary-table thead th');
    await expect.poll(() => headers.count()).toBe(4);
    expect(await headers.allInnerTexts()).toEqual([
      'Measure',
      expect.stringContaining(separate.name),
      expect.stringContaining(combined.name),
      expect.stringContaining(savedName),
    ]);

    // The table's numbers (from the model in the page's worker) match the handlers' comparison in Node.
    const comparison = await value(handlers['run:compare']({ baselineId: separate.id, optionIds: [combined.id, mineId] }));
    const byId = new Map(comparison.scenarios.map((c: ComparedScenario) => [c.id, c]));
    const costCells = await page.locator('tr[data-metric="cost.total"] td .cell-value').allInnerTexts();
    expect(costCells).toEqual([separate.id, combined.id, mineId].map((id) => formatMoneyM(byId.get(id)!.run.metrics['cost.total'])));
    const diffText = await page.locator('tr[data-metric="cost.total"] td').nth(1).locator('.diff').innerText();
    expect(diffText).toBe(formatMoneyM(byId.get(combined.id)!.differences['cost.total'], true).replace(/^(\+|−)?£0\.0m$/, 'no change'));
    await expect(page.locator('tr[data-metric="breakEvenYear"]').count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'What differs from the baseline' }).count()).resolves.toBe(1);
    await page.locator('[data-chart="hle"] path.recharts-curve').first().waitFor();
    await shot('compare');
    await injectAxe();
    expect(await seriousViolations()).toEqual([]);
  });

  it('exports the compared data as CSV and a chart as PNG', async () => {
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export compared data (CSV)' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('scenario,role,measure,unit,date,value,difference_from_baseline');
    const separate = builtIn('separate');
    const combined = builtIn('combined');
    const sepRun = await value(handlers['run:scenario']({ id: separate.id }));
    const costRow = lines.find((l) => l.startsWith(`${csvName(separate.name)},baseline,cost.total,GBP,,`));
    expect(costRow, 'the baseline cost.total row').toBeDefined();
    expect(Number(costRow!.split(',').at(-2))).toBeCloseTo(sepRun.metrics['cost.total'], 0);
    expect(lines.some((l) => l.startsWith(`${csvName(combined.name)},option,strandedBeds,beds,`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${csvName(savedName)},option,cost.cumulative.total,GBP,`))).toBe(true);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save as PNG: the chart “People waiting to leave hospital”' }).first().click(),
    ]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync(await pngDownload.path());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });

  it('exports the briefing as a PDF from the Compare view', async () => {
    const separate = builtIn('separate');
    const button = page.getByRole('button', { name: 'Export briefing (PDF)' });
    // Keyboard first: the button is reached and pressed like any other.
    await button.focus();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 240_000 }),
      (async () => {
        await page.keyboard.press('Enter');
        // While the host runs the analysis and prints, the window says so and offers a way out.
        await page.getByRole('button', { name: 'Cancel briefing' }).waitFor();
        expect(await button.getAttribute('aria-busy')).toBe('true');
        await shot('compare-briefing');
      })(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^JoinedUp briefing - .*\.pdf$/);
    const file = await download.path();
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(separate.name.replace(/\s+/g, ' '));
    expect(text).toContain(savedName.replace(/\s+/g, ' '));
    await page.getByText(/Briefing ready:/).waitFor();
    expect(await button.getAttribute('aria-busy')).toBeNull();
    await injectAxe();
    expect(await seriousViolations()).toEqual([]);
  }, 300_000);

  it('enters presenting mode, steps with the arrow keys, and leaves with Escape', async () => {
    await page.getByRole('button', { name: 'Present', exact: true }).first().click();
    const present = page.locator('.present');
    await present.waitFor();
    await expect(present.getByText(/Slide 1 of/).count()).resolves.toBe(1);
    await page.keyboard.press('ArrowRight');
    await present.getByText(/Slide 2 of/).waitFor();
    await present.locator('path.recharts-curve').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await present.getByText(/against the baseline/).waitFor();
    await shot('present');
    await injectAxe();
    expect(await seriousViolations()).toEqual([]);
    await page.keyboard.press('Escape');
    await present.waitFor({ state: 'detached' });
    await expect(page.getByRole('navigation', { name: 'Views' }).count()).resolves.toBe(1);
  });

  it('duplicates, renames, searches, and deletes with undo in the library', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('heading', { name: 'My scenarios' }).waitFor();
    const before = (await value(handlers['scenarios:list']({}))).filter((s) => !s.builtIn).length;
    await page.getByRole('button', { name: `Duplicate: ${savedName}`, exact: true }).click();
    await expect.poll(async () => (await value(handlers['scenarios:list']({}))).filter((s) => !s.builtIn).length).toBe(before + 1);
    const copy = (await value(handlers['scenarios:list']({}))).find((s) => !s.builtIn && s.name !== savedName)!;
    await page.getByRole('button', { name: `Rename ${copy.name}`, exact: true }).click();
    const box = page.getByLabel(`New name for ${copy.name}`);
    await box.fill('Zeta option, faster assessment');
    await box.press('Enter');
    await page.getByRole('heading', { name: 'Zeta option, faster assessment', exact: true }).waitFor();
    await page.getByLabel('Search scenarios').fill('zeta');
    await expect.poll(() => page.locator('.scenario-card').count()).toBe(1);
    await page.getByLabel('Search scenarios').fill('');
    await page.getByRole('button', { name: 'Delete Zeta option, faster assessment', exact: true }).click();
    await page.getByRole('heading', { name: 'Zeta option, faster assessment', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { name: 'Zeta option, faster assessment', exact: true }).waitFor();
    expect((await value(handlers['scenarios:get']({ id: copy.id }))).name).toBe('Zeta option, faster assessment');
  });

  it('exports a scenario as a file and imports it back', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export ${savedName} as a file`, exact: true }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'joinedup-scenario' });
    const before = (await value(handlers['scenarios:list']({}))).length;
    await page.getByLabel('Scenario files to import').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    expect((await value(handlers['scenarios:list']({}))).length).toBe(before + 1);
  });

  it('keeps unsaved edits through a reload and offers them back', async () => {
    await page.getByRole('button', { name: `Open ${savedName}`, exact: true }).click();
    const row = page.locator(`li[data-parameter="${movedParameter}"]`);
    await row.locator('input[type="range"]').focus();
    await page.keyboard.press('Home');
    const edited = await row.locator('input[inputmode="decimal"]').inputValue();
    expect(edited).not.toBe(movedValue);
    await page.getByText('unsaved changes').first().waitFor();
    // Leaving with unsaved changes asks first (beforeunload); the test says yes, the draft stays in local storage.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'Unsaved changes found' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Restore my changes' }).click();
    await expect.poll(() => page.locator(`li[data-parameter="${movedParameter}"] input[inputmode="decimal"]`).inputValue()).toBe(edited);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.locator(`li[data-parameter="${movedParameter}"] input[inputmode="decimal"]`).inputValue()).toBe(movedValue);
  });

  it('raised no script errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** A scenario name as it appears in the CSV's first field. */
function csvName(name: string): string {
  return /[",\r\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
}
