/**
 * A stand-in for the `electron` module under plain Node (the binary cannot run here), in the manner of Electron
 * Fiddle's tests/mocks: it records what main.ts asks of Electron (windows, handlers, menus, dialogs) and lets a
 * test fire Electron's events. Tests install it with `vi.mock('electron', async () => (await import('./electron-mock.js')).electron)`.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

type Listener = (...args: any[]) => any;

/**
 * Everything is built once per test process and kept on globalThis: `vi.resetModules()` (used to start main.ts
 * afresh) would otherwise give main.ts a second copy of this module, with its own state.
 */
function build() {

  let nextWebContentsId = 1;

  class FakeWebContents extends EventEmitter {
    readonly id = nextWebContentsId++;
    url = '';
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    sent: [string, unknown][] = [];
    destroyed = false;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    getURL() {
      return this.url;
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed() {
      return this.destroyed;
    }
    reload = vi.fn();
    /** Set by a test to make the next printToPDF fail. */
    static printError: Error | null = null;
    /** Chromium's PDF printer: a fixed stand-in PDF. */
    printToPDF = vi.fn(async (_options: Record<string, unknown>) => {
      const error = FakeWebContents.printError;
      FakeWebContents.printError = null;
      if (error) throw error;
      return Buffer.from('%PDF-1.4 stand-in');
    });
  }

  class FakeBrowserWindow extends EventEmitter {
    static created: FakeBrowserWindow[] = [];
    static focused: FakeBrowserWindow | null = null;
    readonly webContents = new FakeWebContents();
    readonly options: Record<string, any>;
    bounds = { x: 10, y: 20, width: 1300, height: 850 };
    maximized = false;
    minimized = false;
    shown = false;
    focusCount = 0;
    destroyed = false;
    loadedUrl: string | null = null;
    /** The text of the file given to `loadFile`, read when it was loaded. */
    loadedFileText: string | null = null;
    constructor(options: Record<string, any>) {
      super();
      this.options = options;
      FakeBrowserWindow.created.push(this);
      state.app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows() {
      return FakeBrowserWindow.created.filter((w) => !w.destroyed);
    }
    static getFocusedWindow() {
      return FakeBrowserWindow.focused;
    }
    static fromWebContents(contents: FakeWebContents) {
      return FakeBrowserWindow.created.find((w) => w.webContents === contents) ?? null;
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.url = url;
    }
    async loadFile(file: string) {
      this.loadedFileText = readFileSync(file, 'utf8');
      this.webContents.url = `file://${file}`;
    }
    destroy() {
      this.destroyed = true;
      this.webContents.destroyed = true;
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    show() {
      this.shown = true;
    }
    focus() {
      this.focusCount++;
    }
    isDestroyed() {
      return this.destroyed;
    }
    getNormalBounds() {
      return this.bounds;
    }
  }

  class FakeApp extends EventEmitter {
    paths: Record<string, string> = {};
    appPath = '/app';
    ready = false;
    readyResolve: (() => void) | null = null;
    readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
    singleInstance = true;
    isPackaged = false;
    exitCode: number | null = null;
    quit = vi.fn();
    exit = vi.fn((code: number) => {
      this.exitCode = code;
    });
    enableSandbox = vi.fn();
    setName = vi.fn();
    setAppUserModelId = vi.fn();
    getAppPath() {
      return this.appPath;
    }
    getVersion() {
      return '0.1.0';
    }
    getPath(name: string) {
      return this.paths[name] ?? `/fake/${name}`;
    }
    setPath(name: string, value: string) {
      this.paths[name] = value;
    }
    requestSingleInstanceLock = vi.fn(() => this.singleInstance);
    isReady() {
      return this.ready;
    }
    whenReady() {
      return this.readyPromise;
    }
    /** Test helper: make the app ready. */
    makeReady() {
      this.ready = true;
      this.readyResolve?.();
    }
  }

  class FakeSession extends EventEmitter {
    permissionRequestHandler: Listener | null = null;
    permissionCheckHandler: Listener | null = null;
    devicePermissionHandler: Listener | null = null;
    beforeRequest: { filter: { urls: string[] }; listener: Listener } | null = null;
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequestHandler = handler;
    }
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheckHandler = handler;
    }
    setDevicePermissionHandler(handler: Listener) {
      this.devicePermissionHandler = handler;
    }
    webRequest = {
      onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => {
        this.beforeRequest = { filter, listener };
      },
    };
  }

  function createState() {
    return {
      app: new FakeApp(),
      session: new FakeSession(),
      ipcHandlers: new Map<string, Listener>(),
      ipcHandleCalls: [] as string[],
      privilegedSchemes: [] as unknown[],
      protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
      menuTemplate: null as unknown[] | null,
      dialogs: [] as { kind: string; options: any }[],
      dialogResponses: [] as unknown[],
      openedExternal: [] as string[],
      shownInFolder: [] as string[],
    };
  }

  let state = createState();

  /** Forget everything recorded and start from a fresh app (call before re-importing main.ts). */
  function resetElectronMock() {
    state = createState();
    FakeBrowserWindow.created = [];
    FakeBrowserWindow.focused = null;
  }

  function nextDialogResponse<T>(fallback: T): T {
    return (state.dialogResponses.length > 0 ? state.dialogResponses.shift() : fallback) as T;
  }

  /** Options of a dialog call made with or without a parent window. */
  const dialogOptions = (a: unknown, b: unknown) => (b === undefined ? a : b);

  const electron = {
    get app() {
      return state.app;
    },
    BrowserWindow: FakeBrowserWindow,
    get session() {
      return { defaultSession: state.session };
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        state.ipcHandleCalls.push(channel);
        state.ipcHandlers.set(channel, listener);
      },
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => {
        state.menuTemplate = menu.template;
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    dialog: {
      showErrorBox: (title: string, content: string) => state.dialogs.push({ kind: 'errorBox', options: { title, content } }),
      showMessageBox: async (a: unknown, b?: unknown) => {
        state.dialogs.push({ kind: 'messageBox', options: dialogOptions(a, b) });
        return { response: nextDialogResponse(0), checkboxChecked: false };
      },
      showMessageBoxSync: (a: unknown, b?: unknown) => {
        state.dialogs.push({ kind: 'messageBoxSync', options: dialogOptions(a, b) });
        return nextDialogResponse(0);
      },
      showOpenDialog: async (a: unknown, b?: unknown) => {
        state.dialogs.push({ kind: 'open', options: dialogOptions(a, b) });
        return nextDialogResponse({ canceled: true, filePaths: [] });
      },
      showSaveDialogSync: (a: unknown, b?: unknown) => {
        state.dialogs.push({ kind: 'saveSync', options: dialogOptions(a, b) });
        return nextDialogResponse<string | undefined>(undefined);
      },
    },
    shell: {
      openExternal: async (url: string) => {
        state.openedExternal.push(url);
      },
      openPath: async () => '',
      showItemInFolder: (p: string) => state.shownInFolder.push(p),
    },
  };

  return {
    electron,
    FakeBrowserWindow,
    FakeWebContents,
    resetElectronMock,
    get state() {
      return state;
    },
  };
}

type Mock = ReturnType<typeof build>;
const holder = globalThis as typeof globalThis & { __joinedUpElectronMock?: Mock };
const mock: Mock = (holder.__joinedUpElectronMock ??= build());

export const electron = mock.electron;
export const FakeBrowserWindow = mock.FakeBrowserWindow;
export type FakeBrowserWindow = InstanceType<Mock['FakeBrowserWindow']>;
export const FakeWebContents = mock.FakeWebContents;
export type FakeWebContents = InstanceType<Mock['FakeWebContents']>;
export const resetElectronMock = mock.resetElectronMock;
/** The recorded state (replaced by each reset, so read it through this getter's module binding each time). */
export function mockState() {
  return mock.state;
}
