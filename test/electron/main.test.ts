/**
 * The main process under plain Node with electron mocked: start-up, the window's preferences, the guards on
 * navigation, windows, webviews, permissions and downloads, IPC registration, the menu, files from a second
 * launch, and errors. The Electron binary cannot run here; what only a real Electron can show is listed in
 * electron/SECURITY.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MENU_EVENT_CHANNEL } from '../../electron/ipc-contract.js';
import { flattenMenu, type MenuItemTemplate } from '../../electron/menu.js';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, secureWebPreferences, WORKER_CONTENT_SECURITY_POLICY } from '../../electron/security.js';
import { FakeBrowserWindow, FakeWebContents, mockState, resetElectronMock } from './electron-mock.js';

let state = mockState();

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);

const fakes = vi.hoisted(() => ({
  createAppDeps: null as unknown as (options: { dbPath: string }) => unknown,
  handlerCalls: [] as [string, unknown][],
}));
vi.mock('../../electron/app-deps.js', () => ({ createAppDeps: (options: { dbPath: string }) => fakes.createAppDeps(options) }));
vi.mock('../../electron/handlers.js', async () => {
  const { CHANNELS: channels } = await import('../../electron/ipc-contract.js');
  return {
    createHandlers: (deps: { databasePath: string }) =>
      Object.fromEntries(
        channels.map((channel) => [
          channel,
          async (request: unknown) => {
            fakes.handlerCalls.push([channel, request]);
            if (channel === 'app:info') return { ok: true, value: { name: 'JoinedUp', version: '0.1.0', modelVersion: 'm-7', databasePath: deps.databasePath } };
            if (channel === 'scenarios:import') return { ok: true, value: { imported: [{ id: `imported-${fakes.handlerCalls.length}` }], conflicts: [] } };
            return { ok: true, value: channel };
          },
        ]),
      ),
  };
});

let temp: string;
let appDir: string;
let savedEnv: NodeJS.ProcessEnv;
type ProcessListener = (...args: any[]) => void;
let listenersBefore: Map<string, ProcessListener[]>;
const PROCESS_EVENTS: string[] = ['uncaughtException', 'unhandledRejection'];

beforeEach(() => {
  resetElectronMock();
  state = mockState();
  fakes.handlerCalls.length = 0;
  fakes.createAppDeps = (options) => ({ databasePath: options.dbPath, close: vi.fn() });
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-main-'));
  appDir = path.join(temp, 'app');
  fs.mkdirSync(path.join(appDir, 'dist', 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>JoinedUp</title>');
  fs.writeFileSync(path.join(appDir, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(temp, 'secret.txt'), 'secret');
  state.app.appPath = appDir;
  state.app.paths.documents = path.join(temp, 'Documents');
  savedEnv = { ...process.env };
  process.env.XDG_DATA_HOME = path.join(temp, 'data');
  process.env.APPDATA = path.join(temp, 'data');
  delete process.env.JOINEDUP_DB;
  listenersBefore = new Map<string, ProcessListener[]>(PROCESS_EVENTS.map((e) => [e, process.listeners(e as 'uncaughtException') as ProcessListener[]]));
});

afterEach(() => {
  for (const event of PROCESS_EVENTS) {
    for (const listener of process.listeners(event as 'uncaughtException') as ProcessListener[]) {
      if (!listenersBefore.get(event)!.includes(listener)) process.removeListener(event as 'uncaughtException', listener);
    }
  }
  process.env = savedEnv;
  fs.rmSync(temp, { recursive: true, force: true });
});

/** Import main.ts afresh, make the app ready and wait for its window. */
async function startApp(): Promise<FakeBrowserWindow> {
  vi.resetModules();
  await import('../../electron/main.js');
  state.app.makeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
  return FakeBrowserWindow.created[0];
}

const userData = () => path.join(temp, 'data', 'JoinedUp');
const navigationEvent = (url: string) => ({ url, preventDefault: vi.fn() });
const trustedEvent = (win: FakeBrowserWindow) => ({ sender: win.webContents, senderFrame: { url: APP_ENTRY_URL, parent: null } });
const menuItem = (id: string): MenuItemTemplate => {
  const item = flattenMenu(state.menuTemplate as MenuItemTemplate[]).find((i) => i.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
};

describe('start-up', () => {
  it('prepares a sandboxed, single-instance app with its data in the user data folder', async () => {
    await startApp();
    expect(state.app.enableSandbox).toHaveBeenCalled();
    expect(state.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(state.app.getPath('userData')).toBe(userData());
    expect(state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('creates every window with the secure preferences and loads the app page', async () => {
    const win = await startApp();
    for (const created of FakeBrowserWindow.created) {
      expect(created.options.webPreferences).toEqual(secureWebPreferences(path.join(appDir, 'dist-electron', 'preload.cjs')));
    }
    expect(win.loadedUrl).toBe(APP_ENTRY_URL);
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('opens the database in the user data folder', async () => {
    const calls: string[] = [];
    fakes.createAppDeps = (options) => {
      calls.push(options.dbPath);
      return { databasePath: options.dbPath, close: vi.fn() };
    };
    await startApp();
    expect(calls).toEqual([path.join(userData(), 'joinedup.db')]);
  });

  it('lets a second launch hand over to the first and quit', async () => {
    vi.resetModules();
    state.app.singleInstance = false;
    await import('../../electron/main.js');
    expect(state.app.quit).toHaveBeenCalled();
    state.app.makeReady();
    await new Promise((r) => setTimeout(r, 20));
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('says what is missing instead of showing a white window when the renderer is not built', async () => {
    fs.rmSync(path.join(appDir, 'dist'), { recursive: true });
    vi.resetModules();
    await import('../../electron/main.js');
    state.app.makeReady();
    await vi.waitFor(() => expect(state.app.exit).toHaveBeenCalledWith(1));
    expect(state.dialogs[0]).toMatchObject({ kind: 'errorBox', options: { content: expect.stringMatching(/npm run build/) } });
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('offers the backup or a fresh database when the database is damaged', async () => {
    let attempts = 0;
    fakes.createAppDeps = (options) => {
      attempts++;
      if (attempts === 1) throw Object.assign(new Error('the file is not a database'), { code: 'damaged' });
      return { databasePath: options.dbPath, close: vi.fn() };
    };
    fs.mkdirSync(userData(), { recursive: true });
    fs.writeFileSync(path.join(userData(), 'joinedup.db'), 'garbage');
    state.dialogResponses.push(1); // Start a Fresh Database
    await startApp();
    const asked = state.dialogs.find((d) => d.kind === 'messageBoxSync')!;
    expect(asked.options.buttons).toEqual(['Restore Last Backup', 'Start a Fresh Database', 'Quit']);
    expect(asked.options.detail).toMatch(/not a database[\s\S]*joinedup\.db[\s\S]*nothing is deleted/);
    const kept = fs.readdirSync(userData()).filter((f) => f.startsWith('joinedup.db.damaged-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(userData(), kept[0]), 'utf8')).toBe('garbage');
    expect(attempts).toBe(2);
  });

  it('quits with a clear message when the database is from a newer JoinedUp', async () => {
    fakes.createAppDeps = () => {
      throw Object.assign(new Error('made by a newer version of JoinedUp'), { code: 'newer-database' });
    };
    vi.resetModules();
    await import('../../electron/main.js');
    state.app.makeReady();
    await vi.waitFor(() => expect(state.app.exit).toHaveBeenCalledWith(1));
    expect(state.dialogs[0].options).toMatchObject({ message: expect.stringMatching(/cannot open its database/), buttons: ['Quit'] });
  });
});

describe('IPC', () => {
  it('registers every contract channel exactly once', async () => {
    await startApp();
    expect([...state.ipcHandleCalls].sort()).toEqual([...CHANNELS].sort());
  });

  it("answers the app's window and drops a message from any other sender", async () => {
    const win = await startApp();
    const list = state.ipcHandlers.get('scenarios:list')!;
    await expect(list(trustedEvent(win), { search: 'x' })).resolves.toEqual({ ok: true, value: 'scenarios:list' });
    const stranger = new FakeWebContents();
    await expect(list({ sender: stranger, senderFrame: { url: APP_ENTRY_URL, parent: null } }, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(list({ sender: win.webContents, senderFrame: { url: APP_ENTRY_URL, parent: {} } }, {})).resolves.toMatchObject({ ok: false });
    expect(fakes.handlerCalls).toEqual([['scenarios:list', { search: 'x' }]]);
  });

  it('stops answering a window once it is closed', async () => {
    const win = await startApp();
    win.emit('close');
    win.emit('closed');
    await expect(state.ipcHandlers.get('app:info')!(trustedEvent(win), {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the briefing', () => {
  /** Main's own PDF printer, as it hands it to createAppDeps, with the app's temp folder set to an empty one. */
  function capturePrinter(): { printer: () => ((html: string) => Promise<Uint8Array>) | undefined; tmp: string } {
    let renderPdf: ((html: string) => Promise<Uint8Array>) | undefined;
    fakes.createAppDeps = (options) => {
      renderPdf = (options as { renderPdf?: (html: string) => Promise<Uint8Array> }).renderPdf;
      return { databasePath: options.dbPath, close: vi.fn() };
    };
    const tmp = path.join(temp, 'tmp');
    fs.mkdirSync(tmp);
    state.app.paths.temp = tmp;
    return { printer: () => renderPdf, tmp };
  }

  it('prints with printToPDF in a hidden window with the secure preferences, no preload and no script, then cleans up', async () => {
    const { printer: renderPdfOf, tmp } = capturePrinter();
    const win = await startApp();
    const renderPdf = renderPdfOf();
    expect(renderPdf, 'main passes its own printer to createAppDeps').toBeTypeOf('function');

    const pdf = await renderPdf!('<!doctype html><title>Briefing</title><p>Northamptonshire</p>');
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.4 stand-in');
    expect(FakeBrowserWindow.created).toHaveLength(2);
    const printer = FakeBrowserWindow.created[1];
    const { preload: _preload, ...secure } = secureWebPreferences(path.join(appDir, 'dist-electron', 'preload.cjs'));
    expect(printer.options.show).toBe(false);
    expect(printer.options.webPreferences).toEqual({ ...secure, javascript: false });
    expect(printer.loadedFileText).toContain('<p>Northamptonshire</p>');
    expect(printer.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', printBackground: true }));
    expect(printer.destroyed).toBe(true);
    expect(fs.readdirSync(tmp), 'the temporary briefing file is removed').toEqual([]);
    expect(printer.shown).toBe(false);

    // The printing window is no IPC sender of the app's.
    const info = state.ipcHandlers.get('app:info')!;
    await expect(info({ sender: printer.webContents, senderFrame: { url: APP_ENTRY_URL, parent: null } }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(win.destroyed).toBe(false);
  });

  it('removes the temporary file and the window when printing fails', async () => {
    const { printer: renderPdfOf, tmp } = capturePrinter();
    await startApp();
    FakeWebContents.printError = new Error('printing failed');
    await expect(renderPdfOf()!('<p>x</p>')).rejects.toThrow('printing failed');
    const printer = FakeBrowserWindow.created[1];
    expect(printer.webContents.printToPDF).toHaveBeenCalledTimes(1);
    expect(printer.destroyed).toBe(true);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

describe('guards on web contents', () => {
  const hostile = ['https://evil.test/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', APP_ENTRY_URL];

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('prevents every %s', async (eventName) => {
    const win = await startApp();
    for (const url of hostile) {
      const event = navigationEvent(url);
      win.webContents.emit(eventName, event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('prevents webviews', async () => {
    const win = await startApp();
    const event = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', event, {}, { src: 'https://evil.test/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and opens only allow-listed https links outside', async () => {
    const win = await startApp();
    const open = win.webContents.windowOpenHandler!;
    for (const url of [...hostile, 'http://www.gov.uk/', 'https://www.gov.uk.evil.test/', 'https://www.gov.uk@evil.test/']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(state.openedExternal).toEqual([]);
    expect(open({ url: 'https://www.gov.uk/government/publications/the-green-book' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(state.openedExternal).toEqual(['https://www.gov.uk/government/publications/the-green-book']));
  });

  it('guards web contents created later too', async () => {
    await startApp();
    const later = new FakeWebContents();
    state.app.emit('web-contents-created', {}, later);
    const event = navigationEvent('https://evil.test/');
    later.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(later.windowOpenHandler!({ url: 'https://evil.test/' })).toEqual({ action: 'deny' });
  });

  it('refuses permissions except full screen for the app page, and all device access', async () => {
    const win = await startApp();
    const decide = (contents: FakeWebContents, permission: string) =>
      new Promise<boolean>((resolve) => state.session.permissionRequestHandler!(contents, permission, resolve, {}));
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      await expect(decide(win.webContents, permission)).resolves.toBe(false);
    }
    await expect(decide(win.webContents, 'fullscreen')).resolves.toBe(true);
    await expect(decide(new FakeWebContents(), 'fullscreen')).resolves.toBe(false);
    expect(state.session.permissionCheckHandler!(win.webContents, 'media', 'app://joinedup', {})).toBe(false);
    expect(state.session.permissionCheckHandler!(null, 'fullscreen', 'app://joinedup', {})).toBe(false);
    expect(state.session.devicePermissionHandler!({})).toBe(false);
  });

  it('cancels every request to the network', async () => {
    await startApp();
    const { filter, listener } = state.session.beforeRequest!;
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    listener({ url: 'https://tracker.test/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('the app:// scheme', () => {
  it('serves the built window with the CSP and nothing outside it', async () => {
    await startApp();
    const handler = state.protocolHandlers.get('app')!;
    const serve = ({ url, dest }: { url: string; dest?: string }) =>
      handler({ url, headers: new Headers(dest ? { 'sec-fetch-dest': dest } : {}) } as unknown as Request);
    const page = await serve({ url: 'app://joinedup/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>JoinedUp</title>');
    expect((await serve({ url: 'app://joinedup/assets/app.js' })).status).toBe(200);
    const worker = await serve({ url: 'app://joinedup/assets/app.js', dest: 'worker' });
    expect(worker.headers.get('content-security-policy')).toBe(WORKER_CONTENT_SECURITY_POLICY);
    for (const url of ['app://joinedup/../../secret.txt', 'app://joinedup/%2e%2e/%2e%2e/secret.txt', 'app://joinedup/..%2f..%2fsecret.txt', 'app://other/index.html', 'app://joinedup/missing.js']) {
      const response = await serve({ url });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('secret');
    }
  });
});

describe('menu and files', () => {
  it('installs the menu and sends its commands to the window', async () => {
    const win = await startApp();
    win.webContents.emit('did-finish-load');
    FakeBrowserWindow.focused = win;
    menuItem('file.save').click!();
    menuItem('view.present').click!();
    expect(win.webContents.sent).toEqual([
      [MENU_EVENT_CHANNEL, { command: 'save' }],
      [MENU_EVENT_CHANNEL, { command: 'present' }],
    ]);
  });

  it('imports a file chosen in the open dialog through scenarios:import', async () => {
    const win = await startApp();
    win.webContents.emit('did-finish-load');
    const file = path.join(temp, 'client.json');
    fs.writeFileSync(file, '{"format":"joinedup-scenario"}');
    state.dialogResponses.push({ canceled: false, filePaths: [file] });
    menuItem('file.open-scenario-file').click!();
    await vi.waitFor(() => expect(win.webContents.sent).toHaveLength(1));
    expect(state.dialogs[0]).toMatchObject({ kind: 'open', options: { properties: ['openFile', 'multiSelections'] } });
    expect(fakes.handlerCalls).toEqual([['scenarios:import', { text: '{"format":"joinedup-scenario"}', fileName: 'client.json', onConflict: 'fail' }]]);
    expect(win.webContents.sent[0]).toEqual([MENU_EVENT_CHANNEL, { command: 'scenarios-imported', ids: ['imported-1'] }]);
  });

  it('focuses the first window and opens the file a second launch was given', async () => {
    const win = await startApp();
    win.webContents.emit('did-finish-load');
    win.minimized = true;
    const file = path.join(temp, 'shared.joinedup.json');
    fs.writeFileSync(file, '{"name":"shared"}');
    state.app.emit('second-instance', {}, ['/usr/bin/joinedup', '--some-switch', 'shared.joinedup.json'], temp);
    expect(win.minimized).toBe(false);
    expect(win.focusCount).toBe(1);
    await vi.waitFor(() => expect(win.webContents.sent).toHaveLength(1));
    expect(fakes.handlerCalls[0]).toEqual(['scenarios:import', { text: '{"name":"shared"}', fileName: 'shared.joinedup.json', onConflict: 'fail' }]);
  });

  it('refuses a file that is not a scenario file, saying why', async () => {
    const win = await startApp();
    win.webContents.emit('did-finish-load');
    state.app.emit('open-file', { preventDefault: vi.fn() }, path.join(temp, 'secret.txt'));
    await vi.waitFor(() => expect(state.dialogs).toHaveLength(1));
    expect(state.dialogs[0].options.detail).toMatch(/secret\.txt.*\.joinedup\.json/);
    expect(fakes.handlerCalls).toEqual([]);
  });

  it('shows where the data lives and offers the folder', async () => {
    await startApp();
    state.dialogResponses.push(0);
    menuItem('help.data-location').click!();
    await vi.waitFor(() => expect(state.shownInFolder).toEqual([path.join(userData(), 'joinedup.db')]));
    expect(state.dialogs[0].options.detail).toMatch(/back it up/);
  });

  it('shows the version and model version in About', async () => {
    await startApp();
    menuItem('help.about').click!();
    await vi.waitFor(() => expect(state.dialogs).toHaveLength(1));
    expect(state.dialogs[0].options.detail).toMatch(/Version 0\.1\.0\nModel version m-7/);
  });
});

describe('saving downloads through the native dialog', () => {
  function download(contents: FakeWebContents, url: string, fileName: string) {
    const item = { getURL: () => url, getFilename: () => fileName, setSavePath: vi.fn(), getSavePath: () => '', once: vi.fn() };
    const event = { preventDefault: vi.fn() };
    state.session.emit('will-download', event, item, contents);
    return { item, event };
  }

  it('asks where to save an export and keeps its extension', async () => {
    const win = await startApp();
    state.dialogResponses.push(path.join(temp, 'mine'));
    const { item, event } = download(win.webContents, 'blob:app://joinedup/1234', 'comparison.csv');
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(state.dialogs[0]).toMatchObject({ kind: 'saveSync', options: { defaultPath: path.join(temp, 'Documents', 'comparison.csv') } });
    expect(item.setSavePath).toHaveBeenCalledWith(path.join(temp, 'mine.csv'));
  });

  it('cancels when the user cancels, and refuses downloads from elsewhere or of other kinds', async () => {
    const win = await startApp();
    expect(download(win.webContents, 'blob:app://joinedup/1', 'a.csv').event.preventDefault).toHaveBeenCalled();
    expect(download(new FakeWebContents(), 'blob:app://joinedup/1', 'a.csv').event.preventDefault).toHaveBeenCalled();
    expect(download(win.webContents, 'https://evil.test/a.csv', 'a.csv').event.preventDefault).toHaveBeenCalled();
    expect(download(win.webContents, 'blob:app://joinedup/1', 'run.exe').event.preventDefault).toHaveBeenCalled();
    expect(state.dialogs.filter((d) => d.kind === 'saveSync')).toHaveLength(1);
  });
});

describe('errors and window state', () => {
  it('logs an uncaught error in the user data folder and shows a dialog', async () => {
    await startApp();
    const listener = (process.listeners('uncaughtException') as ProcessListener[]).find((l) => !listenersBefore.get('uncaughtException')!.includes(l))!;
    (listener as (error: Error) => void)(new Error('boom in main'));
    const log = fs.readFileSync(path.join(userData(), 'joinedup-errors.log'), 'utf8');
    expect(JSON.parse(log.trim())).toMatchObject({ source: 'uncaughtException', message: 'boom in main' });
    expect(state.dialogs.at(-1)!.options).toMatchObject({ type: 'error', detail: expect.stringMatching(/boom in main[\s\S]*joinedup-errors\.log/) });
  });

  it('offers to reload a window whose process has gone', async () => {
    const win = await startApp();
    state.dialogResponses.push(0);
    state.app.emit('render-process-gone', {}, win.webContents, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(win.webContents.reload).toHaveBeenCalled());
  });

  it('remembers the window size and position', async () => {
    const win = await startApp();
    win.bounds = { x: 40, y: 30, width: 1111, height: 777 };
    win.emit('close');
    const saved = JSON.parse(fs.readFileSync(path.join(userData(), 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 40, y: 30, width: 1111, height: 777, maximized: false });
    resetElectronMock();
    state = mockState();
    state.app.appPath = appDir;
    const next = await startApp();
    expect(next.options).toMatchObject({ x: 40, y: 30, width: 1111, height: 777 });
  });
});
