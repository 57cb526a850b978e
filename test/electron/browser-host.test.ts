import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host.js';
import { createHandlers } from '../../electron/handlers.js';
import { openStore } from '../../scenarios/store.js';
import { scenario, useTempDir } from '../scenarios/helpers.js';
import { FAKE_PARAMETERS, fakeModel } from './fake-model.js';

const tempDir = useTempDir();
const open: { host: BrowserHost; close: () => void }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.host.close();
    o.close();
  }
});

async function start(rendererDir?: string, maxBodyBytes?: number) {
  const dir = tempDir();
  const path = join(dir, 'joinedup.db');
  const store = openStore(path, { register: FAKE_PARAMETERS });
  const handlers = createHandlers({ app: { name: 'JoinedUp', version: '0' }, databasePath: path, store: () => store, model: fakeModel() });
  const host = await startBrowserHost({ handlers, rendererDir: rendererDir ?? join(dir, 'no-renderer'), maxBodyBytes });
  open.push({ host, close: () => store.close() });
  return { host, store };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(host: BrowserHost, channel: string, body: unknown, headers: Record<string, string> = {}) {
  return send(host.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', 'x-joinedup-token': host.token, ...headers },
    body: JSON.stringify(body),
  });
}

describe('browser host', () => {
  it('binds 127.0.0.1 on a random port and prints a URL with a fresh token', async () => {
    const a = await start();
    const b = await start();
    expect(a.host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${a.host.port}/\\?token=[A-Za-z0-9_-]{40,}$`));
    expect(a.host.port).not.toBe(b.host.port);
    expect(a.host.token).not.toBe(b.host.token);
  });

  it('answers API calls with the handlers Result, as the renderer sends them', async () => {
    const { host } = await start();
    const saved = JSON.parse((await call(host, 'scenarios:save', { scenario: scenario('Over HTTP') })).body);
    expect(saved).toMatchObject({ ok: true, value: { name: 'Over HTTP' } });
    const listed = await call(host, 'scenarios:list', {});
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: [{ name: 'Over HTTP' }] });
    expect(listed.headers['access-control-allow-origin']).toBeUndefined();
    const bad = JSON.parse((await call(host, 'scenarios:get', { id: 3 })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request', where: 'id' } });
    const same = await call(host, 'scenarios:list', {}, { origin: `http://localhost:${host.port}`, host: `localhost:${host.port}` });
    expect(same.status).toBe(200);
  });

  it('refuses API calls without the token or with a wrong one, and changes nothing', async () => {
    const { host, store } = await start();
    const none = await send(host.port, { method: 'POST', path: '/api/scenarios:save', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: scenario('x') }) });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const guessed = await call(host, 'scenarios:save', { scenario: scenario('x') }, { 'x-joinedup-token': host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A') });
    expect(guessed.status).toBe(401);
    const inQuery = await send(host.port, { method: 'POST', path: `/api/scenarios:list?token=${host.token}`, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(inQuery.status).toBe(401);
    expect(store.list()).toEqual([]);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, with or without the token', async () => {
    const { host, store } = await start();
    for (const h of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
      const r = await call(host, 'scenarios:save', { scenario: scenario('x') }, { host: h });
      expect(r.status, h).toBe(403);
      expect(JSON.parse(r.body).error.code).toBe('forbidden-host');
      expect((await send(host.port, { path: '/', headers: { host: h } })).status).toBe(403);
    }
    for (const o of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const r = await call(host, 'scenarios:save', { scenario: scenario('x') }, { origin: o });
      expect(r.status, o).toBe(403);
      expect(JSON.parse(r.body).error.code).toBe('forbidden-origin');
    }
    expect(store.list()).toEqual([]);
  });

  it('refuses unknown channels, other methods, non-JSON bodies and oversize bodies', async () => {
    const { host } = await start(undefined, 1000);
    expect((await call(host, 'scenarios:drop', {})).status).toBe(404);
    expect((await send(host.port, { path: '/api/scenarios:list', headers: { 'x-joinedup-token': host.token } })).status).toBe(405);
    const form = await send(host.port, { method: 'POST', path: '/api/scenarios:list', headers: { 'x-joinedup-token': host.token, 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const garbled = await send(host.port, { method: 'POST', path: '/api/scenarios:list', headers: { 'x-joinedup-token': host.token, 'content-type': 'application/json' }, body: '{nope' });
    expect(garbled.status).toBe(400);
    const big = await call(host, 'scenarios:import', { text: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('invalid-request');
  });

  it('serves the built renderer with its CSP, never outside its folder, and a placeholder when not built', async () => {
    const placeholder = await start();
    const page = await send(placeholder.host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('npm run build:renderer');

    const dir = join(tempDir(), 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>built</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', 'secret.txt'), 'secret');
    const { host } = await start(dir);
    const index = await send(host.port, { path: `/?token=${host.token}` });
    expect(index.body).toContain('built');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    const js = await send(host.port, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/.hidden']) {
      const r = await send(host.port, { path: p });
      expect(r.body, p).not.toContain('secret');
      expect(r.status, p).toBe(404);
    }
    expect((await send(host.port, { path: '/compare/view' })).body).toContain('built');
  });

  it('lets only worker scripts compile generated model code: the page never gets unsafe-eval', async () => {
    const dir = join(tempDir(), 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>built</title>');
    writeFileSync(join(dir, 'assets', 'model-worker-abc123.js'), 'self.onmessage = () => {}');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const { host } = await start(dir);
    const page = await send(host.port, { path: '/' });
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    const app = await send(host.port, { path: '/assets/app.js' });
    expect(app.headers['content-security-policy']).not.toContain('unsafe-eval');
    const byName = await send(host.port, { path: '/assets/model-worker-abc123.js' });
    expect(byName.headers['content-security-policy']).toContain("'unsafe-eval'");
    const byDest = await send(host.port, { path: '/assets/app.js', headers: { 'sec-fetch-dest': 'worker' } });
    expect(byDest.headers['content-security-policy']).toContain("'unsafe-eval'");
  });
});
