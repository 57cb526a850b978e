/**
 * The built window as the desktop shell serves it, in Debian's Chromium: every file through `resolveAppRequest`
 * with the shell's headers (the page's CSP, the workers' CSP), and `window.joinedUp` made by the preload's own
 * `createDesktopBridge` over the IPC listeners `registerIpc` installs (sender check included) and the real
 * handlers on a temporary database. Electron cannot run here; this is the closest stand-in: it catches a CSP that
 * breaks the model's worker, the charts or the PNG export, and menu commands the window does not handle.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveAppRequest } from '../../electron/app-protocol.js';
import { createAppDeps, type AppDeps } from '../../electron/app-deps.js';
import { createHandlers } from '../../electron/handlers.js';
import { CHANNELS, type DesktopBridge, type MenuEvent } from '../../electron/ipc-contract.js';
import { createDesktopBridge } from '../../electron/preload-api.js';
import { planSave } from '../../electron/file-paths.js';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from '../../electron/security.js';

const ipc = vi.hoisted(() => ({ listeners: new Map<string, (event: unknown, request: unknown) => Promise<unknown>>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, request: unknown) => Promise<unknown>) => ipc.listeners.set(channel, listener),
    removeHandler: (channel: string) => ipc.listeners.delete(channel),
  },
}));
const { registerIpc } = await import('../../electron/register-ipc.js');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const WINDOW_ID = 1;

let work: string;
let deps: AppDeps;
let server: http.Server;
let browser: Browser;
let page: Page;
let bridge: DesktopBridge;
const served: { path: string; csp: string | undefined }[] = [];
const cspViolations: string[] = [];
const pageErrors: string[] = [];
let menuListeners: ((payload: unknown) => void)[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium; .ci/run does this).`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-desktop-window-'));
  const rendererDir = path.join(work, 'renderer');
  await build({ configFile: path.join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'error', build: { outDir: rendererDir, emptyOutDir: true } });
  deps = createAppDeps({ dbPath: path.join(work, 'joinedup.db') });
  registerIpc(createHandlers(deps), { appWebContentsIds: () => new Set([WINDOW_ID]) });
  // What the preload does, with ipcRenderer.invoke going to the listener main registered, from the app's window.
  const trusted = { sender: { id: WINDOW_ID }, senderFrame: { url: APP_ENTRY_URL, parent: null } };
  bridge = createDesktopBridge(
    (channel, request) => ipc.listeners.get(channel)!(trusted, request),
    (_channel, listener) => {
      menuListeners.push(listener);
      return () => (menuListeners = menuListeners.filter((l) => l !== listener));
    },
  );

  // main.ts's protocol handler over HTTP (Chromium here cannot register app:); 'self' means the same thing.
  server = http.createServer((req, res) => {
    const resolved = resolveAppRequest(`app://joinedup${req.url}`, rendererDir, req.headers['sec-fetch-dest'] as string | undefined);
    if (!resolved.ok || !fs.existsSync(resolved.filePath)) {
      res.writeHead(404).end();
      return;
    }
    served.push({ path: req.url ?? '', csp: resolved.headers['content-security-policy'] });
    res.writeHead(200, resolved.headers).end(fs.readFileSync(resolved.filePath));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.exposeFunction('__joinedUpCall', (channel: string, request: unknown) =>
    (bridge as unknown as Record<string, (r: unknown) => Promise<unknown>>)[channel](request),
  );
  await page.exposeFunction('__joinedUpSubscribe', () => {
    bridge.onMenuCommand((event) => void page.evaluate((e) => (globalThis as any).__joinedUpMenu(e), event));
  });
  // The shape contextBridge gives the page: one function per channel, plus onMenuCommand.
  await page.addInitScript((channels: readonly string[]) => {
    const listeners = new Set<(event: unknown) => void>();
    let subscribed = false;
    (globalThis as any).__joinedUpMenu = (event: unknown) => listeners.forEach((l) => l(event));
    const api: Record<string, unknown> = {};
    for (const channel of channels) api[channel] = (request: unknown) => (globalThis as any).__joinedUpCall(channel, request ?? {});
    api.onMenuCommand = (listener: (event: unknown) => void) => {
      if (!subscribed) void (globalThis as any).__joinedUpSubscribe();
      subscribed = true;
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    (globalThis as any).joinedUp = Object.freeze(api);
  }, [...CHANNELS]);
  await page.goto(`http://127.0.0.1:${port}/index.html`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  deps?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const sendMenu = (event: MenuEvent) => menuListeners.forEach((l) => l(event));

describe('the window under the desktop shell', () => {
  it('loads under the strict page policy and lists the built-in scenarios over the bridge', async () => {
    await page.getByRole('button', { name: 'Open' }).first().waitFor({ timeout: 20_000 });
    expect(served.find((s) => s.path === '/index.html')?.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("runs the model in its worker (the only place 'unsafe-eval' is allowed) and draws the charts", async () => {
    await page.getByRole('button', { name: 'Open' }).first().click();
    await page.locator('.recharts-surface').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThan(0);
    const workers = served.filter((s) => /worker/i.test(s.path));
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(worker.csp).toBe(WORKER_CONTENT_SECURITY_POLICY);
    expect(served.filter((s) => !/worker/i.test(s.path)).every((s) => s.csp === CONTENT_SECURITY_POLICY)).toBe(true);
    expect(cspViolations).toEqual([]);
  });

  it('subscribes to menu commands and exports a chart as PNG, which main would save', async () => {
    expect(menuListeners.length).toBe(1);
    await page.waitForFunction(() => true);
    const download = page.waitForEvent('download', { timeout: 20_000 });
    sendMenu({ command: 'export-chart' });
    const file = await download;
    expect(file.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    expect(planSave(file.suggestedFilename(), '/home/u/Documents').ok).toBe(true);
    const png = fs.readFileSync(await file.path());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(cspViolations).toEqual([]);
  });

  it('enters presenting mode from the menu', async () => {
    sendMenu({ command: 'present' });
    await page.getByText(/Slide 1 of/).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });
});
