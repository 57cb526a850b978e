import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkerScript, resolveAppRequest } from '../../electron/app-protocol.js';
import { CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from '../../electron/security.js';

let root: string;
beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'index.js'), '');
  fs.writeFileSync(path.join(root, 'assets', 'model-worker-AbC123xy.js'), '');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
});
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

describe('app:// requests', () => {
  it('serves the entry page and assets with the CSP', () => {
    const page = resolveAppRequest('app://joinedup/', root);
    expect(page).toMatchObject({ ok: true, filePath: path.join(root, 'index.html') });
    if (page.ok) {
      expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(resolveAppRequest('app://joinedup/assets/index.js?v=1#x', root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', 'index.js'),
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
    });
  });

  it("gives a worker's script the workers' policy and the page never", () => {
    const worker = resolveAppRequest('app://joinedup/assets/model-worker-AbC123xy.js', root);
    expect(worker.ok && worker.headers['content-security-policy']).toBe(WORKER_CONTENT_SECURITY_POLICY);
    const named = resolveAppRequest('app://joinedup/assets/index.js', root, 'worker');
    expect(named.ok && named.headers['content-security-policy']).toBe(WORKER_CONTENT_SECURITY_POLICY);
    for (const destination of [undefined, null, 'document', 'script', 'iframe']) {
      const page = resolveAppRequest('app://joinedup/index.html', root, destination);
      expect(page.ok && page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      const script = resolveAppRequest('app://joinedup/assets/index.js', root, destination);
      expect(script.ok && script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(isWorkerScript('/x/worker.html', 'worker')).toBe(false);
  });

  it.each([
    'app://joinedup/../secret.txt',
    'app://joinedup/%2e%2e/secret.txt',
    'app://joinedup/assets/%2e%2e/%2e%2e/secret.txt',
    'app://joinedup/assets/../../../secret.txt',
  ])('keeps %j inside the renderer folder (dot segments collapse at the root)', (url) => {
    const resolved = resolveAppRequest(url, root);
    if (resolved.ok) expect(resolved.filePath).toBe(path.join(root, 'secret.txt'));
    expect(fs.existsSync(path.join(root, 'secret.txt'))).toBe(false);
  });

  it.each([
    'app://joinedup/..%2fsecret.txt',
    'app://joinedup/..%5csecret.txt',
    'app://joinedup/%00index.html',
    'app://joinedup/%E0%A4%A',
    'app://other/index.html',
    'app://joinedup.evil/index.html',
    'app://user@joinedup/index.html',
    'app://joinedup:1234/index.html',
    'file:///etc/passwd',
    'https://joinedup/index.html',
    'app://joinedup/secret',
    'not a url',
  ])('refuses %j', (url) => {
    const resolved = resolveAppRequest(url, root);
    expect(resolved.ok).toBe(false);
    if (resolved.ok) throw new Error(`served ${resolved.filePath}`);
  });

  it('never resolves outside the root, whatever the path', () => {
    for (const segment of ['..', '%2e%2e', '.%2e', '%2e.', '....', '.']) {
      const resolved = resolveAppRequest(`app://joinedup/${segment}/${segment}/secret.txt`, root);
      if (resolved.ok) expect(resolved.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });
});
