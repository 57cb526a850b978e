import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_HOSTS,
  externalLinkDecision,
  isAppUrl,
  isTrustedIpcSender,
  mayGrantPermission,
  mayNavigate,
  secureWebPreferences,
  WORKER_CONTENT_SECURITY_POLICY,
} from '../../electron/security.js';

/** Hostile or wrong URLs: none may be opened outside, navigated to, or treated as the app. */
const HOSTILE_URLS = [
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'javascript:alert(1)',
  'JavaScript:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'blob:https://www.gov.uk/0c5f2c0e',
  'http://www.gov.uk/guidance', // downgrade to http
  'https://www.gov.uk.evil.test/', // look-alike: allowed host as a prefix
  'https://evil.test/www.gov.uk', // allowed host in the path
  'https://evil.test/?u=https://www.gov.uk', // in the query
  'https://www.gov.uk@evil.test/', // userinfo trick
  'https://user:pass@www.gov.uk/', // credentials to an allowed host
  'https://www.gov.uk:8443/', // unusual port
  'https://gov.uk/', // parent domain, not the exact host
  'https://evilwww.gov.uk/',
  'https://www.g0v.uk/',
  'https://www.xn--gv-sqa.uk/', // punycode look-alike
  'https://www.gоv.uk/', // Cyrillic о
  'https://www.gov.uk\\@evil.test/', // backslash confusion
  ' https://www.gov.uk/', // leading space
  'https://www.gov.uk/\n', // control character
  'https://www.gov.uk%2eevil.test/',
  'ms-msdt:/id PCWDiagnostic',
  'smb://attacker/share',
  'app://joinedup/index.html', // the app's own pages never open outside
  '//www.gov.uk/',
  '',
  'not a url',
];

describe('external links', () => {
  it.each(HOSTILE_URLS)('refuses %j', (url) => {
    const decision = externalLinkDecision(url);
    expect(decision.open).toBe(false);
  });

  it('opens https links to exactly an allowed host, normalised by the URL parser', () => {
    expect(externalLinkDecision('https://www.gov.uk/government/publications/the-green-book')).toEqual({
      open: true,
      url: 'https://www.gov.uk/government/publications/the-green-book',
    });
    expect(externalLinkDecision('https://WWW.GOV.UK/a/../b')).toEqual({ open: true, url: 'https://www.gov.uk/b' });
  });

  it('uses exact host names only', () => {
    for (const host of EXTERNAL_HOSTS) {
      expect(host).toMatch(/^[a-z0-9.-]+$/);
      expect(externalLinkDecision(`https://${host}/`).open).toBe(true);
      expect(externalLinkDecision(`https://x.${host}/`).open).toBe(false);
    }
  });

  it('says why a link is refused', () => {
    const decision = externalLinkDecision('http://www.gov.uk/');
    expect(decision).toEqual({ open: false, reason: expect.stringMatching(/https only/) });
  });
});

describe('navigation', () => {
  it.each([...HOSTILE_URLS, APP_ENTRY_URL, 'https://www.gov.uk/'])('never navigates the window to %j', (url) => {
    expect(mayNavigate(url)).toBe(false);
  });
});

describe('the app origin', () => {
  it('recognises the app page', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://joinedup/assets/index-abc.js')).toBe(true);
  });
  it.each([
    ...HOSTILE_URLS.filter((u) => !u.startsWith('app://joinedup/')),
    'app://joinedup.evil/index.html',
    'app://evil/index.html',
    'app://user@joinedup/index.html',
    'app://joinedup:81/index.html',
    'https://joinedup/index.html',
  ])('does not take %j for the app', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('IPC sender check', () => {
  const ours = new Set([7]);
  const trusted = { webContentsId: 7, appWebContentsIds: ours, frameUrl: APP_ENTRY_URL, isMainFrame: true };

  it('answers the main frame of an app window showing the app', () => {
    expect(isTrustedIpcSender(trusted)).toBe(true);
  });
  it.each([
    ['a webContents the app did not create', { ...trusted, webContentsId: 8 }],
    ['a sub-frame', { ...trusted, isMainFrame: false }],
    ['a frame that has gone', { ...trusted, frameUrl: null }],
    ['an app window that navigated elsewhere', { ...trusted, frameUrl: 'https://evil.test/' }],
    ['a file: page', { ...trusted, frameUrl: 'file:///tmp/x.html' }],
    ['a data: page', { ...trusted, frameUrl: 'data:text/html,hi' }],
    ['a look-alike app host', { ...trusted, frameUrl: 'app://joinedup.evil/index.html' }],
  ])('drops a message from %s', (_label, facts) => {
    expect(isTrustedIpcSender(facts)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'unknown'])(
    'refuses %s even to the app',
    (permission) => {
      expect(mayGrantPermission(permission, APP_ENTRY_URL)).toBe(false);
    },
  );
  it('allows full screen for presenting, to the app only', () => {
    expect(mayGrantPermission('fullscreen', APP_ENTRY_URL)).toBe(true);
    expect(mayGrantPermission('fullscreen', 'https://evil.test/')).toBe(false);
  });
});

describe('window preferences and CSP', () => {
  it('are secure and frozen', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(Object.isFrozen(prefs)).toBe(true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('allows only self plus what the charts need', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("lets only the model's workers evaluate the code the engine generates, with nothing else allowed", () => {
    expect(WORKER_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; script-src 'self' 'unsafe-eval'");
  });
});
