/**
 * The desktop app's main process: one secure window serving the built renderer from `app://joinedup`, the
 * contract's handlers over IPC, the native menu and dialogs, single-instance and file-association handling,
 * remembered window bounds, and an error log with a dialog instead of a white screen.
 *
 * The decisions live in pure modules (security, app-protocol, menu, window-state, file-paths, error-log); this
 * file wires them to Electron. electron/SECURITY.md walks through Electron's security checklist against it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { resolveAppRequest } from './app-protocol.js';
import { createAppDeps } from './app-deps.js';
import { appendErrorLog, describeError, errorDialogText, toErrorRecord } from './error-log.js';
import { OPEN_SCENARIO_FILTERS, planSave, readScenarioFile, scenarioFilesFromArgv, withExtension } from './file-paths.js';
import { createHandlers } from './handlers.js';
import { MENU_EVENT_CHANNEL, type Handlers, type ImportConflictPolicy, type MenuEvent } from './ipc-contract.js';
import { buildMenuTemplate, type MenuItemTemplate } from './menu.js';
import { registerIpc } from './register-ipc.js';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  externalLinkDecision,
  isAppUrl,
  mayGrantPermission,
  mayNavigate,
  secureWebPreferences,
} from './security.js';
import { fitToScreens, loadWindowState, MIN_HEIGHT, MIN_WIDTH, saveWindowState, stateFromBounds } from './window-state.js';
import { resolveDatabasePath, userDataFolder } from '../scenarios/paths.js';

const APP_NAME = 'JoinedUp';
const APP_ID = 'uk.org.joinedup.desktop';

/** The project folder in development (`electron .`), the app.asar archive when packaged. */
const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'dist-electron', 'preload.cjs');
const iconPath = path.join(appRoot, 'build', 'icon.png');

/** The webContents ids of the windows this app created and still has open: the only IPC senders answered. */
const appWebContentsIds = new Set<number>();
let mainWindow: BrowserWindow | null = null;
let handlers: Handlers | null = null;
let closeStore: (() => void) | null = null;
/** Scenario files given before the window was ready (command line, macOS open-file); imported once it is. */
const pendingFiles: string[] = [];
let windowReady = false;

// ---------------------------------------------------------------------------------------------------------------
// Errors: logged to the user data folder and shown as a dialog, one at a time.

let dialogOpen = false;

function reportError(source: string, error: unknown): void {
  const record = toErrorRecord(source, error, app.getVersion());
  const logPath = appendErrorLog(app.getPath('userData'), record);
  console.error(`[${source}]`, error);
  if (dialogOpen) return;
  const text = errorDialogText(record, logPath);
  if (!app.isReady()) {
    dialog.showErrorBox(text.message, text.detail);
    return;
  }
  dialogOpen = true;
  const options = { type: 'error' as const, title: text.title, message: text.message, detail: text.detail, buttons: ['OK'] };
  const shown = mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  void shown.finally(() => {
    dialogOpen = false;
  });
}

process.on('uncaughtException', (error) => reportError('uncaughtException', error));
process.on('unhandledRejection', (reason) => reportError('unhandledRejection', reason));

// ---------------------------------------------------------------------------------------------------------------
// Before the app is ready: privileges of the app scheme, the sandbox everywhere, one data folder, one instance.

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();
app.setName(APP_NAME);
// The same folder as the command line's (`scenarios/paths.ts`), so `joinedup scenarios list` sees the desktop's
// scenarios; on Linux Electron's default would be ~/.config instead of ~/.local/share.
app.setPath('userData', userDataFolder());
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) {
  // The first instance receives our arguments in 'second-instance' and opens the files there.
  app.quit();
} else {
  pendingFiles.push(...scenarioFilesFromArgv(process.argv, process.cwd()));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    openScenarioFiles(scenarioFilesFromArgv(argv, workingDirectory), false);
  });
  // macOS delivers files opened from the Finder (and the Dock) as events, before and after launch.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openScenarioFiles([filePath], false);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('will-quit', () => {
    try {
      closeStore?.();
    } catch (error) {
      console.error('Closing the database failed:', error);
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && handlers) createMainWindow();
  });
  app.on('render-process-gone', (_event, contents, details) => {
    if (details.reason === 'clean-exit') return;
    reportError('render-process-gone', new Error(`The window's process stopped (${details.reason}, exit code ${details.exitCode}).`));
    offerReload(contents);
  });
  app.whenReady().then(startUp, (error) => reportError('startup', error));
}

// ---------------------------------------------------------------------------------------------------------------
// Guards on every webContents the app ever has (checklist items 11–15).

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link to the outside world opens in the user's browser, after the allow-list check; never in a new window.
    const decision = externalLinkDecision(url);
    if (decision.open) {
      void shell.openExternal(decision.url).catch((error) => reportError('openExternal', error));
    } else {
      console.warn(`Refused to open ${JSON.stringify(url.slice(0, 200))}: ${decision.reason}`);
    }
    return { action: 'deny' };
  });
}

function configureSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(appWebContentsIds.has(contents.id) && mayGrantPermission(permission, contents.getURL()));
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin) => {
    return contents !== null && appWebContentsIds.has(contents.id) && mayGrantPermission(permission, `${requestingOrigin}/`);
  });
  ses.setDevicePermissionHandler(() => false);
  // The app works offline and loads nothing from the network: refuse every web request a page might make.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  ses.on('will-download', (event, item, contents) => {
    // Exports (scenario file, CSV, PNG, briefing) arrive as downloads made by the window itself; main asks where
    // to save each with the native dialog and accepts only the kinds the app produces.
    const url = item.getURL();
    const fromApp = appWebContentsIds.has(contents.id) && (url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('data:'));
    const plan = planSave(item.getFilename(), app.getPath('documents'));
    if (!fromApp || !plan.ok) {
      event.preventDefault();
      if (!plan.ok) void showMessage('warning', 'This file cannot be saved.', plan.message);
      return;
    }
    const owner = BrowserWindow.fromWebContents(contents);
    const dialogOptions = { title: 'Save', defaultPath: plan.defaultPath, filters: plan.filters };
    const chosen = owner ? dialog.showSaveDialogSync(owner, dialogOptions) : dialog.showSaveDialogSync(dialogOptions);
    if (!chosen) {
      event.preventDefault();
      return;
    }
    item.setSavePath(withExtension(chosen, item.getFilename()));
    item.once('done', (_doneEvent, state) => {
      if (state !== 'completed') void showMessage('error', 'The file was not saved.', `Saving to ${item.getSavePath()} ${state === 'cancelled' ? 'was cancelled' : 'failed'}.`);
    });
  });
}

function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererDir, request.headers.get('sec-fetch-dest'));
    if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status, headers: { 'content-type': 'text/plain' } });
    try {
      const body = await fs.promises.readFile(resolved.filePath);
      return new Response(body, { status: 200, headers: resolved.headers });
    } catch {
      return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Start-up.

async function startUp(): Promise<void> {
  configureSession();
  serveAppScheme();
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    dialog.showErrorBox(
      'JoinedUp cannot start',
      `The window's files are missing (${path.join(rendererDir, 'index.html')}). Run "npm run build" and start again.`,
    );
    app.exit(1);
    return;
  }
  const opened = await openHandlers();
  if (!opened) return;
  handlers = opened;
  registerIpc(handlers, {
    appWebContentsIds: () => appWebContentsIds,
    onProblem: (problem) => {
      if (problem.kind === 'handler-threw') reportError(`ipc ${problem.channel}`, new Error(problem.detail));
      else console.warn(`Dropped IPC ${problem.channel} from ${problem.detail}`);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(buildMenuTemplate(menuActions, {
    platform: process.platform,
    appName: APP_NAME,
    isPackaged: app.isPackaged,
  }))));
  createMainWindow();
}

/** Open the database (seeding the built-in scenarios on first run) and build the handlers; on failure, offer ways out. */
async function openHandlers(): Promise<Handlers | null> {
  const dbPath = resolveDatabasePath({});
  for (;;) {
    try {
      const deps = createAppDeps({ dbPath, renderPdf: printBriefingPdf });
      closeStore = deps.close;
      return createHandlers(deps);
    } catch (error) {
      const record = toErrorRecord('open-database', error, app.getVersion());
      appendErrorLog(app.getPath('userData'), record);
      const damaged = (error as { code?: unknown }).code === 'damaged';
      const buttons = damaged ? ['Restore Last Backup', 'Start a Fresh Database', 'Quit'] : ['Quit'];
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        title: APP_NAME,
        message: 'JoinedUp cannot open its database.',
        detail:
          `${describeError(error)}\n\nDatabase: ${dbPath}` +
          (damaged ? '\n\nThe damaged file is kept (renamed) whichever you choose; nothing is deleted.' : ''),
        buttons,
        defaultId: 0,
        cancelId: buttons.length - 1,
        noLink: true,
      });
      if (!damaged || choice === buttons.length - 1) {
        app.exit(1);
        return null;
      }
      try {
        const store = await import('../scenarios/store.js');
        if (choice === 0) store.restoreLastBackup(dbPath);
        else store.startFresh(dbPath);
      } catch (recoveryError) {
        dialog.showErrorBox('JoinedUp cannot open its database', describeError(recoveryError));
        app.exit(1);
        return null;
      }
    }
  }
}

function createMainWindow(): BrowserWindow {
  const saved = fitToScreens(loadWindowState(app.getPath('userData')), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    title: APP_NAME,
    width: saved.width,
    height: saved.height,
    ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    ...(process.platform === 'linux' && fs.existsSync(iconPath) ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath),
  });
  const id = win.webContents.id;
  appWebContentsIds.add(id);
  mainWindow = win;
  windowReady = false;
  if (saved.maximized) win.maximize();

  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () => {
    windowReady = true;
    openScenarioFiles(pendingFiles.splice(0), false);
  });
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    reportError('did-fail-load', new Error(`The window could not load ${url}: ${description} (${code}).`));
    win.show();
  });
  win.webContents.on('unresponsive', () => offerReload(win.webContents, 'The window is not responding.'));
  win.on('close', () => {
    try {
      saveWindowState(app.getPath('userData'), stateFromBounds(win.getNormalBounds(), win.isMaximized()));
    } catch (error) {
      reportError('window-state', error);
    }
  });
  win.on('closed', () => {
    appWebContentsIds.delete(id);
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/**
 * The briefing as PDF, printed by Electron's own Chromium (`webContents.printToPDF`): the HTML is written to a
 * private temporary folder and loaded into a window that is never shown, has the secure preferences, no preload
 * (so no bridge to the handlers), no script, and is not one of the app's IPC senders. The folder is removed after.
 */
async function printBriefingPdf(html: string): Promise<Uint8Array> {
  const dir = await fs.promises.mkdtemp(path.join(app.getPath('temp'), 'joinedup-briefing-'));
  const file = path.join(dir, 'briefing.html');
  const { preload: _noPreload, ...preferences } = secureWebPreferences(preloadPath);
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { ...preferences, javascript: false },
  });
  try {
    await fs.promises.writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    await win.loadFile(file);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    if (!win.isDestroyed()) win.destroy();
    await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function offerReload(contents: WebContents, message = 'The window stopped working.'): void {
  const win = BrowserWindow.fromWebContents(contents);
  if (!win || win.isDestroyed()) return;
  void dialog
    .showMessageBox(win, { type: 'error', title: APP_NAME, message, detail: 'Your saved scenarios are safe. Reload the window?', buttons: ['Reload', 'Quit'], defaultId: 0, cancelId: 1 })
    .then(({ response }) => {
      if (response === 0 && !contents.isDestroyed()) contents.reload();
      else app.quit();
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Menu actions.

function sendMenuEvent(event: MenuEvent): void {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (!win || win.isDestroyed() || !appWebContentsIds.has(win.webContents.id)) return;
  if (!isAppUrl(win.webContents.getURL())) return;
  win.webContents.send(MENU_EVENT_CHANNEL, event);
}

async function showMessage(type: 'info' | 'warning' | 'error', message: string, detail: string): Promise<void> {
  const options = { type, title: APP_NAME, message, detail, buttons: ['OK'] };
  if (mainWindow && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

const menuActions = {
  send: sendMenuEvent,
  openScenarioFile: () => {
    void (async () => {
      const options = { title: 'Open Scenario File', properties: ['openFile' as const, 'multiSelections' as const], filters: OPEN_SCENARIO_FILTERS };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      if (!result.canceled) openScenarioFiles(result.filePaths, true);
    })().catch((error) => reportError('open-scenario-file', error));
  },
  showAbout: () => {
    void (async () => {
      if (!handlers) return;
      const info = await handlers['app:info']({});
      const detail = info.ok
        ? `Version ${info.value.version}\nModel version ${info.value.modelVersion}\n\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`
        : info.error.message;
      await showMessage('info', `About ${APP_NAME}`, detail);
    })().catch((error) => reportError('about', error));
  },
  openModelDocumentation: () => {
    void (async () => {
      if (!handlers) return;
      const described = await handlers['model:describe']({});
      if (!described.ok) return showMessage('error', 'The model documentation is not available.', described.error.message);
      const file = path.join(app.getPath('userData'), `model-documentation-${described.value.modelVersion.replace(/[^A-Za-z0-9._-]/g, '_')}.md`);
      await fs.promises.writeFile(file, described.value.markdown, 'utf8');
      const failure = await shell.openPath(file);
      if (failure) await showMessage('info', 'Model documentation', `The documentation is saved as ${file}. (${failure})`);
    })().catch((error) => reportError('model-documentation', error));
  },
  showDataLocation: () => {
    void (async () => {
      if (!handlers) return;
      const info = await handlers['app:info']({});
      const dbPath = info.ok ? info.value.databasePath : resolveDatabasePath({});
      const options = {
        type: 'info' as const,
        title: APP_NAME,
        message: 'Where my data lives',
        detail:
          `Your scenarios are saved in one database file:\n${dbPath}\n\n` +
          'To back it up, quit JoinedUp and copy that file (with any file beside it of the same name ending in -wal). ' +
          'To restore, quit JoinedUp and put the copy back under the same name. ' +
          'File › Save as File… also saves scenarios as files you can keep or share.\n\n' +
          `Window settings and the error log are in ${app.getPath('userData')}.`,
        buttons: ['Show in Folder', 'OK'],
        defaultId: 1,
        cancelId: 1,
      };
      const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
      if (response === 0) shell.showItemInFolder(dbPath);
    })().catch((error) => reportError('data-location', error));
  },
};

/** Electron's menu item options, from ours (the same shape; this function is where the compiler checks that). */
function toElectronMenu(template: MenuItemTemplate[]): MenuItemConstructorOptions[] {
  return template.map((item): MenuItemConstructorOptions => {
    const { submenu, click, ...rest } = item;
    return {
      ...rest,
      ...(click ? { click: () => click() } : {}),
      ...(submenu ? { submenu: toElectronMenu(submenu) } : {}),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Opening scenario files: read and checked here, parsed and stored by `scenarios:import`.

function openScenarioFiles(files: string[], fromDialog: boolean): void {
  if (files.length === 0) return;
  if (!handlers || !windowReady) {
    pendingFiles.push(...files);
    return;
  }
  void (async () => {
    const ids: string[] = [];
    for (const file of files) ids.push(...(await importScenarioFile(file, fromDialog)));
    if (ids.length > 0) sendMenuEvent({ command: 'scenarios-imported', ids });
  })().catch((error) => reportError('import', error));
}

async function importScenarioFile(filePath: string, fromDialog: boolean): Promise<string[]> {
  if (!handlers) return [];
  const read = readScenarioFile(filePath, { allowPlainJson: fromDialog });
  if (!read.ok) {
    await showMessage('error', 'This scenario file cannot be opened.', read.message);
    return [];
  }
  const first = await handlers['scenarios:import']({ text: read.text, fileName: read.fileName, onConflict: 'fail' });
  if (!first.ok) {
    await showMessage('error', `"${read.fileName}" cannot be imported.`, `${first.error.message}${first.error.where ? `\n(${first.error.where})` : ''}`);
    return [];
  }
  const ids = first.value.imported.map((s) => s.id);
  if (first.value.conflicts.length === 0) return ids;

  const names = first.value.conflicts.map((c) => c.name);
  const options = {
    type: 'question' as const,
    title: APP_NAME,
    message: `${names.length === 1 ? 'A scenario' : `${names.length} scenarios`} in "${read.fileName}" ${names.length === 1 ? 'has' : 'have'} the same name as ${names.length === 1 ? 'a saved one' : 'saved ones'}.`,
    detail: `${names.join('\n')}\n\nImport as copies (the saved ones stay as they are), replace the saved ones, or skip?`,
    buttons: ['Import as Copies', 'Replace Saved', 'Skip'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 2) return ids;
  const policy: ImportConflictPolicy = response === 0 ? 'copy' : 'replace';
  const second = await handlers['scenarios:import']({ text: onlyNamed(read.text, names), fileName: read.fileName, onConflict: policy });
  if (!second.ok) {
    await showMessage('error', `"${read.fileName}" cannot be imported.`, second.error.message);
    return ids;
  }
  return [...ids, ...second.value.imported.map((s) => s.id)];
}

/**
 * The file's text cut down to the scenarios with these names, for the second import after a conflict (the others
 * are already in). Only a selection: the handler still parses and checks every field of what is left.
 */
function onlyNamed(text: string, names: string[]): string {
  try {
    const file = JSON.parse(text) as unknown;
    if (typeof file === 'object' && file !== null && Array.isArray((file as { scenarios?: unknown }).scenarios)) {
      const wanted = new Set(names);
      const scenarios = (file as { scenarios: unknown[] }).scenarios.filter(
        (s) => typeof s === 'object' && s !== null && wanted.has(String((s as { name?: unknown }).name)),
      );
      return JSON.stringify({ ...(file as object), scenarios });
    }
  } catch {
    // Not JSON: the handler reports it.
  }
  return text;
}
