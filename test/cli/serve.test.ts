import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/serve.js';
import type { CliIo } from '../../cli/io.js';
import { useTempDir } from '../scenarios/helpers.js';

const tempDir = useTempDir();

function post(url: URL, path: string, token: string | undefined, body: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers['x-joinedup-token'] = token;
    const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('joinedup serve', () => {
  it('prints a 127.0.0.1 URL with a token and serves the built-in scenarios from --db', async () => {
    const db = join(tempDir(), 'serve.db');
    let stdout = '';
    let exit: Promise<number> = Promise.resolve(-1);
    let stop: () => void = () => {};
    const until = new Promise<void>((r) => (stop = r));
    const printed = new Promise<string>((resolve) => {
      const io: CliIo = {
        stdout: (t) => {
          stdout += t;
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
          if (m) resolve(m[1]);
        },
        stderr: () => {},
        env: {},
        cwd: tempDir(),
      };
      exit = run(['--db', db], io, { until });
    });
    const url = new URL(await printed);
    const token = url.searchParams.get('token')!;
    expect(stdout).toContain(db);
    const refused = await post(url, '/api/scenarios:list', undefined, {});
    expect(refused.status).toBe(401);
    const listed = (await post(url, '/api/scenarios:list', token, {})) as { status: number; json: { ok: boolean; value: { builtIn: boolean }[] } };
    expect(listed.json.ok).toBe(true);
    expect(listed.json.value.length).toBeGreaterThan(0);
    expect(listed.json.value.every((s) => s.builtIn)).toBe(true);
    stop();
    expect(await exit).toBe(0);
  });

  it('refuses a bad port as a usage error', async () => {
    let stderr = '';
    const io: CliIo = { stdout: () => {}, stderr: (t) => void (stderr += t), env: {}, cwd: tempDir() };
    expect(await run(['--port', 'eighty'], io)).toBe(2);
    expect(stderr).toMatch(/--port must be a whole number/);
  });
});
