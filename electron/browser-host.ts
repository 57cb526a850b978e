/**
 * The browser host: the built renderer and the contract's handlers over HTTP on 127.0.0.1, for end-to-end tests in
 * Chromium and for machines where a desktop install is not allowed. No electron import.
 *
 * Protocol (the renderer's `api.ts` is the client): `POST /api/<channel>` with the JSON request as body and header
 * `x-joinedup-token: <token>`; the answer is always the JSON `Result`, also for refusals.
 *
 * Who may call: any web page or local process can reach a port on 127.0.0.1, so every API call must carry the
 * per-run token (random, shown only in the URL printed at start, compared in constant time), a Host of
 * `127.0.0.1:PORT` or `localhost:PORT` (refusing DNS-rebinding pages), and an Origin of the same if it has one.
 * No CORS headers are ever sent, so a foreign page's script cannot read an answer either.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS, type ApiError, type Channel, type Handlers, type Result } from './ipc-contract.js';
import { isWorkerScript } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from './security.js';

export const TOKEN_HEADER = 'x-joinedup-token';
/** Scenario files up to the parser's 20 million characters fit, with JSON escaping to spare. */
export const DEFAULT_MAX_BODY_BYTES = 48 * 1024 * 1024;

/** The built renderer (`npm run build:renderer`), relative to the repository (or app) root. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../dist/renderer/', import.meta.url));

export interface BrowserHostOptions {
  handlers: Handlers;
  /** 0 or absent: a random free port. */
  port?: number;
  rendererDir?: string;
  maxBodyBytes?: number;
}

export interface BrowserHost {
  /** `http://127.0.0.1:PORT/?token=…`: the address to open. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Start the host on 127.0.0.1. Resolves once it is listening. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('base64url');
  const tokenDigest = digest(token);
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const channels = new Set<string>(CHANNELS);
  let port = 0;

  const server: Server = createServer((req, res) => {
    void route(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendResult(res, 500, fail('internal', `the browser host failed: ${(err as Error)?.message ?? String(err)}`));
      else res.destroy();
    });
  });
  // Slow or idle clients cannot hold the host open.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const allowedOrigins = allowedHosts.map((h) => `http://${h}`);
    const path = (req.url ?? '/').split('?')[0];
    const isApi = path.startsWith('/api/');

    const host = req.headers.host;
    if (!host || !allowedHosts.includes(host.toLowerCase())) {
      return refuse(res, isApi, 403, 'forbidden-host', `requests must be addressed to ${allowedHosts.join(' or ')}`, 'host');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.includes(origin.toLowerCase())) {
      return refuse(res, isApi, 403, 'forbidden-origin', 'requests from other origins are refused', 'origin');
    }

    if (isApi) return api(req, res, path.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, false, 405, 'method', 'only GET and HEAD');
    return serveStatic(req, res, path);
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const supplied = req.headers[TOKEN_HEADER];
    if (typeof supplied !== 'string' || !timingSafeEqual(digest(supplied), tokenDigest)) {
      drain(req);
      return sendResult(res, 401, fail('unauthorized', `a valid ${TOKEN_HEADER} header is required (the token is in the address JoinedUp printed)`, TOKEN_HEADER));
    }
    if (req.method !== 'POST') {
      drain(req);
      return sendResult(res, 405, fail('invalid-request', 'API calls are POST requests', 'method'), { allow: 'POST' });
    }
    if (!channels.has(channel)) {
      drain(req);
      return sendResult(res, 404, fail('not-found', `no channel ${JSON.stringify(channel.slice(0, 100))}`, 'channel'));
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      drain(req);
      return sendResult(res, 415, fail('invalid-request', 'the body must be JSON (content-type: application/json)', 'content-type'));
    }
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      return sendResult(res, 413, fail('invalid-request', `the request is larger than ${maxBody} bytes`, 'body'), { connection: 'close' });
    }
    let request: unknown;
    try {
      request = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendResult(res, 400, fail('invalid-request', 'the body is not valid JSON', 'body'));
    }
    const handler = options.handlers[channel as Channel] as (request: unknown) => Promise<Result<unknown>>;
    let result: Result<unknown>;
    try {
      result = await handler(request);
    } catch (err) {
      result = fail('internal', `${channel} failed: ${(err as Error)?.message ?? String(err)}`);
    }
    sendResult(res, 200, result);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return refuse(res, false, 400, 'bad-path', 'malformed path');
    }
    if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.') && part.length > 0)) {
      return refuse(res, false, 404, 'not-found', 'not found');
    }
    const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
    let file = resolve(rendererDir, relative);
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return refuse(res, false, 404, 'not-found', 'not found');
    let info = await stat(file).catch(() => undefined);
    // A path without an extension is a route inside the single-page app.
    if ((!info || info.isDirectory()) && extname(relative) === '') {
      file = join(rendererDir, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info || !info.isFile()) {
      if (relative === 'index.html') return sendPlaceholder(res, req.method === 'HEAD');
      return refuse(res, false, 404, 'not-found', 'not found');
    }
    const content = await readFile(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': content.length,
      // The model worker compiles generated code with `new Function`: only worker scripts get 'unsafe-eval'.
      'content-security-policy': isWorkerScript(file, req.headers['sec-fetch-dest'] as string | undefined)
        ? WORKER_CONTENT_SECURITY_POLICY
        : CONTENT_SECURITY_POLICY,
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

function fail(code: string, message: string, where?: string): { ok: false; error: ApiError } {
  return { ok: false, error: where ? { code, message, where } : { code, message } };
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>, extra: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(result), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(body);
}

function refuse(res: ServerResponse, asResult: boolean, status: number, code: string, message: string, where?: string): void {
  if (asResult) return sendResult(res, status, fail(code, message, where));
  const body = Buffer.from(`${message}\n`, 'utf8');
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
  res.end(body);
}

function sendPlaceholder(res: ServerResponse, headOnly: boolean): void {
  const body = Buffer.from(
    [
      '<!doctype html>',
      '<html lang="en"><head><meta charset="utf-8"><title>JoinedUp</title></head>',
      '<body><main><h1>JoinedUp</h1>',
      '<p>The window has not been built yet. Run <code>npm run build:renderer</code>, then reload this page.</p>',
      '<p>The API is available at <code>POST /api/&lt;channel&gt;</code>.</p>',
      '</main></body></html>',
      '',
    ].join('\n'),
    'utf8',
  );
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'cache-control': 'no-store',
  });
  res.end(headOnly ? undefined : body);
}

/** The body, or 'too-large' as soon as it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolveBody('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolveBody(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function drain(req: IncomingMessage): void {
  req.resume();
}
