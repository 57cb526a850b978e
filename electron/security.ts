/**
 * The shell's trust decisions, as pure functions over plain data, so they are tested under Node against tables
 * of hostile input. main.ts and register-ipc.ts only wire them to Electron's events. See electron/SECURITY.md.
 *
 * No electron import here.
 */

/** The privileged scheme the window is served from (never `file:`; Electron security checklist item 18). */
export const APP_SCHEME = 'app';
/** The one host under the app scheme. */
export const APP_HOST = 'joinedup';
/** The window's origin: `app://joinedup`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page every window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content-Security-Policy sent with every page and script the app serves. `default-src 'self'` plus what
 * the window strictly needs:
 * - `style-src 'unsafe-inline'`: React and recharts set `style` attributes (no inline `<script>` is allowed);
 * - `img-src data: blob:`: a chart exported as PNG is drawn through an image made from a data or blob URL;
 * - `worker-src blob:`: the model's Web Worker (Vite may inline it as a blob);
 * Everything else is closed: no plugins, no frames, no `<base>`, no form posts.
 * The renderer's index.html carries the same policy as a meta tag; both apply, so the stricter wins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy of the model's Web Workers (sent with their script, which gives a dedicated worker its own policy;
 * the page's policy does not apply to it). The simulation engine compiles each model to JavaScript with
 * `new Function` (models/engine/codegen.ts: only tokens the compiler emitted, never text from a model file), so the
 * worker needs `'unsafe-eval'`. The page itself never gets it. The worker has no DOM and may load nothing but the
 * app's own scripts: no network, no images, no nested frames.
 */
export const WORKER_CONTENT_SECURITY_POLICY = ["default-src 'none'", "script-src 'self' 'unsafe-eval'"].join('; ');

/** The webPreferences every BrowserWindow gets. Frozen, so no caller can loosen one by accident. */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
  readonly safeDialogs: true;
}

/** Build the secure webPreferences for a window whose preload script is at `preloadPath` (absolute). */
export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return Object.freeze({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  });
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is a page of the app itself: exactly `app://joinedup/…`, with no user name or password and no
 * port. Used for the sender check on IPC and for the window's initial load.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/**
 * Whether a window may navigate to `url`. The app is a single page that never navigates: every navigation is
 * refused, including to its own pages (a reload goes through `webContents.reload`, not a navigation event).
 * Links meant for the outside world are offered to `externalLinkDecision` instead.
 */
export function mayNavigate(_url: string): false {
  return false;
}

/** The hosts the app may send the user to, in their browser. Exact host names; https only. */
export const EXTERNAL_HOSTS: readonly string[] = Object.freeze([
  'www.gov.uk',
  'www.england.nhs.uk',
  'digital.nhs.uk',
  'www.ons.gov.uk',
  'www.kingsfund.org.uk',
  'www.nuffieldtrust.org.uk',
  'www.health.org.uk',
  'www.local.gov.uk',
  'www.pssru.ac.uk',
  'fingertips.phe.org.uk',
  'github.com',
]);

export type ExternalLinkDecision = { open: true; url: string } | { open: false; reason: string };

/**
 * Decide whether `url` (from a link the window asked to open) may be handed to the operating system's browser.
 * Only `https:` to a host in `allowedHosts`, compared exactly after URL parsing (so `www.gov.uk.evil.test`,
 * `evil.test/www.gov.uk`, `www.gov.uk@evil.test` and punycode look-alikes do not match), on the default port, with
 * no user name or password. The URL opened is the parser's normalised form, never the raw string.
 */
export function externalLinkDecision(url: string, allowedHosts: readonly string[] = EXTERNAL_HOSTS): ExternalLinkDecision {
  if (typeof url !== 'string' || url.length > 2048) return { open: false, reason: 'not a URL of reasonable length' };
  // Control characters and whitespace never appear in a link we publish; the URL parser would silently strip some.
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return { open: false, reason: 'contains whitespace, control characters or a backslash' };
  const parsed = parseUrl(url);
  if (!parsed) return { open: false, reason: 'not a valid URL' };
  if (parsed.protocol !== 'https:') return { open: false, reason: `scheme ${parsed.protocol} is not allowed (https only)` };
  if (parsed.username !== '' || parsed.password !== '') return { open: false, reason: 'contains a user name or password' };
  if (parsed.port !== '') return { open: false, reason: 'names a port' };
  if (!allowedHosts.includes(parsed.hostname)) return { open: false, reason: `host ${parsed.hostname} is not on the allow-list` };
  return { open: true, url: parsed.href };
}

/** What the IPC sender check needs to know about one incoming message. */
export interface IpcSenderFacts {
  /** The sending webContents' id. */
  webContentsId: number;
  /** Ids of the webContents of the windows the app created and still has open. */
  appWebContentsIds: ReadonlySet<number>;
  /** The sending frame's URL, or null when the frame has gone. */
  frameUrl: string | null;
  /** Whether the sending frame is its page's main frame (not an iframe). */
  isMainFrame: boolean;
}

/**
 * Whether to answer an IPC message: only from the main frame of one of the app's own windows, showing the app's
 * own origin. Anything else (a sub-frame, a window the app did not create, a page that navigated elsewhere, a
 * frame that has gone) is dropped.
 */
export function isTrustedIpcSender(facts: IpcSenderFacts): boolean {
  if (!facts.appWebContentsIds.has(facts.webContentsId)) return false;
  if (!facts.isMainFrame) return false;
  if (facts.frameUrl === null) return false;
  return isAppUrl(facts.frameUrl);
}

/**
 * The only permission the window may use: `fullscreen`, for presenting mode's Fullscreen API, and only for the
 * app's own page. Everything else (camera, microphone, location, notifications, clipboard reads, USB, HID,
 * serial, …) has no use in this app and is refused, whoever asks.
 */
export function mayGrantPermission(permission: string, requestingUrl: string): boolean {
  return permission === 'fullscreen' && isAppUrl(requestingUrl);
}
