/**
 * The Uncertainty view end to end: built by Vite with its Web Worker pool, run in Debian's Chromium
 * (playwright-core) on the real care model: progress, cancel, then bands, paired probabilities, tornado and the
 * attribution waterfall. Renders the view through a small harness page, served with the app's own content
 * security policies: the page may not compile code (no 'unsafe-eval'), so every model run must happen in a worker.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from '../../electron/security.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HARNESS = resolve(ROOT, 'renderer', 'analysis', 'harness');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let server: http.Server;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'ju-uview-'));
  await build({
    root: HARNESS,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
    worker: { format: 'es' },
  });
  server = http.createServer((req, res) => {
    const path = normalize(join(out, req.url === '/' ? 'index.html' : decodeURIComponent((req.url ?? '').split('?')[0])));
    let body: Buffer;
    try {
      if (!path.startsWith(out)) throw new Error('outside');
      body = readFileSync(path);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const worker = /worker/i.test(path) || req.headers['sec-fetch-dest'] === 'worker';
    res
      .writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': worker ? WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
      })
      .end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|unsafe-eval/i.test(m.text())) pageErrors.push(m.text());
  });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('Uncertainty view in Chromium', () => {
  it('shows progress and cancels without starting again', async () => {
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByText(/Running plausible futures: [1-9]/).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Cancelled. Nothing was changed.').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: 'Run' }).count()).toBe(1);
    expect(await page.textContent('body')).not.toMatch(/Running plausible futures/);
  }, 180_000);

  it('draws bands with the central run, paired probabilities, the tornado and the waterfall', async () => {
    await page.selectOption('select >> nth=1', '200');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.waitForSelector('[data-chart=waterfall]', { timeout: 280_000 });
    const sure = (await page.textContent('section[aria-label="How sure"]')) ?? '';
    expect(sure).toMatch(/better in \d+ of 10 plausible futures \(\d+ of 200\)/);
    expect(await page.locator('[data-chart^=band] .recharts-area').count()).toBe(6);
    expect(await page.locator('[data-chart^=band] .recharts-line').count()).toBe(6);
    expect(await page.locator('[data-chart=tornado] .recharts-rectangle').count()).toBeGreaterThan(4);
    expect(await page.locator('[data-chart=waterfall] .recharts-rectangle').count()).toBeGreaterThan(2);
    expect(await page.textContent('body')).toMatch(/200 futures, seed 1/);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'test-output', 'uncertainty-view.png'), fullPage: true });
  }, 300_000);
});
