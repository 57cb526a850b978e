/**
 * Serving the built window from `app://joinedup/…` instead of `file://` (Electron security checklist item 18):
 * the page gets a real origin for `'self'` and the IPC sender check, module workers load, and nothing outside the
 * renderer's build folder can be read. main.ts registers the scheme and answers each request with what
 * `resolveAppRequest` decides.
 *
 * No electron import here.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from './security.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export type AppRequestResolution =
  | { ok: true; filePath: string; headers: Record<string, string> }
  | { ok: false; status: 400 | 404; reason: string };

/** The headers every response from the app scheme carries; a worker's script gets the workers' policy. */
export function appResponseHeaders(contentType: string, forWorker = false): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': forWorker ? WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * Whether a script is a Web Worker's: the request says so (`Sec-Fetch-Dest: worker`), or it is one of the worker
 * bundles Vite names after their source (`model-worker-<hash>.js`, `analysis-worker-<hash>.js`). A policy on an
 * ordinary script's response has no effect, so a false match costs nothing; a missed worker shows the model's
 * error in the window.
 */
export function isWorkerScript(filePath: string, fetchDestination?: string | null): boolean {
  if (!/\.m?js$/i.test(filePath)) return false;
  if (fetchDestination === 'worker' || fetchDestination === 'sharedworker') return true;
  return /worker/i.test(path.basename(filePath));
}

/**
 * Map a request URL on the app scheme to a file inside `rootDir` (the renderer's build folder), or refuse it.
 * `/` serves `index.html`. Refused: another scheme or host, a user name, password or port, encoded separators,
 * NUL, and any path that would resolve outside `rootDir` after decoding. `fetchDestination` is the request's
 * `Sec-Fetch-Dest` header, when it has one.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string, fetchDestination?: string | null): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port) {
    return { ok: false, status: 400, reason: `not an ${APP_SCHEME}://${APP_HOST} URL` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'badly encoded path' };
  }
  if (pathname.includes('\0') || pathname.includes('\\') || /%2f|%5c/i.test(url.pathname)) {
    return { ok: false, status: 400, reason: 'forbidden characters in path' };
  }
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    return { ok: false, status: 404, reason: 'outside the app folder' };
  }
  const contentType = CONTENT_TYPES[path.extname(filePath).toLowerCase()];
  if (!contentType) return { ok: false, status: 404, reason: `no content type for ${path.extname(filePath) || 'a file without extension'}` };
  return { ok: true, filePath, headers: appResponseHeaders(contentType, isWorkerScript(filePath, fetchDestination)) };
}
