/**
 * The native menu, as a plain template built from callbacks and the platform. main.ts passes the result to
 * `Menu.buildFromTemplate`; tests read it under Node. Standard items use Electron roles, so each platform gets its
 * own shortcuts and behaviour (Cmd on macOS, Ctrl elsewhere; the app menu and Window menu on macOS only).
 *
 * No electron import here: `MenuItemTemplate` is the part of Electron's `MenuItemConstructorOptions` we use, and
 * main.ts checks that the two agree when it builds the menu.
 */
import type { MenuEvent } from './ipc-contract.js';

/** The Electron menu roles this menu uses. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front'
  | 'window'
  | 'help';

/** One menu entry: an item with a click handler, a role, a separator or a submenu. */
export interface MenuItemTemplate {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

/** What the menu's own items do. main.ts supplies each. */
export interface MenuActions {
  /** Send a menu event to the focused JoinedUp window. */
  send(event: MenuEvent): void;
  /** File › Open scenario file…: native open dialog, then import through `scenarios:import`. */
  openScenarioFile(): void;
  /** Help › About: name, version and model version. */
  showAbout(): void;
  /** Help › Model documentation. */
  openModelDocumentation(): void;
  /** Help › Where my data lives: the database's folder and how to back it up. */
  showDataLocation(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development builds also get Reload and Developer Tools. */
  isPackaged: boolean;
}

const separator: MenuItemTemplate = { type: 'separator' };

/** Build the application menu's template. */
export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemTemplate[] {
  const mac = options.platform === 'darwin';
  // Access keys (Alt+F) on Windows and Linux; macOS menus have none and would show the ampersand.
  const title = (label: string) => (mac ? label : `&${label}`);
  const send = (event: MenuEvent) => () => actions.send(event);

  const about: MenuItemTemplate = { id: 'help.about', label: `About ${options.appName}`, click: actions.showAbout };

  const appMenu: MenuItemTemplate = {
    label: options.appName,
    submenu: [
      { ...about, id: 'app.about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { id: 'app.quit', role: 'quit' },
    ],
  };

  const fileMenu: MenuItemTemplate = {
    id: 'file',
    label: title('File'),
    submenu: [
      { id: 'file.new-scenario', label: 'New Scenario', accelerator: 'CmdOrCtrl+N', click: send({ command: 'new-scenario' }) },
      { id: 'file.open-scenario-file', label: 'Open Scenario File…', accelerator: 'CmdOrCtrl+O', click: actions.openScenarioFile },
      separator,
      { id: 'file.save', label: 'Save', accelerator: 'CmdOrCtrl+S', click: send({ command: 'save' }) },
      { id: 'file.save-as-file', label: 'Save as File…', accelerator: 'CmdOrCtrl+Shift+S', click: send({ command: 'save-as-file' }) },
      separator,
      { id: 'file.export-csv', label: 'Export CSV…', accelerator: 'CmdOrCtrl+Shift+E', click: send({ command: 'export-csv' }) },
      { id: 'file.export-chart', label: 'Export Chart as PNG…', click: send({ command: 'export-chart' }) },
      { id: 'file.export-briefing', label: 'Export Briefing…', accelerator: 'CmdOrCtrl+Shift+B', click: send({ command: 'export-briefing' }) },
      // On macOS, Quit lives in the app menu and Close Window in the Window menu.
      ...(mac ? [] : [separator, { id: 'file.quit', role: 'quit' as const, label: 'Quit' }]),
    ],
  };

  const editMenu: MenuItemTemplate = {
    id: 'edit',
    label: title('Edit'),
    submenu: [
      // Undo and redo are the window's edit history (slider moves, renames); the window hands them to a focused
      // text field itself. Redo follows each platform's convention.
      { id: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send({ command: 'undo' }) },
      { id: 'edit.redo', label: 'Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send({ command: 'redo' }) },
      separator,
      { id: 'edit.cut', role: 'cut' },
      { id: 'edit.copy', role: 'copy' },
      { id: 'edit.paste', role: 'paste' },
      ...(mac ? [{ id: 'edit.paste-and-match-style', role: 'pasteAndMatchStyle' as const }] : []),
      { id: 'edit.delete', role: 'delete' },
      separator,
      { id: 'edit.select-all', role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemTemplate = {
    id: 'view',
    label: title('View'),
    submenu: [
      // F5 starts a presentation in PowerPoint on Windows and Linux; Cmd+Shift+Return in Keynote and PowerPoint on macOS.
      { id: 'view.present', label: 'Present', accelerator: mac ? 'Cmd+Shift+Enter' : 'F5', click: send({ command: 'present' }) },
      separator,
      { id: 'view.reset-zoom', role: 'resetZoom' },
      { id: 'view.zoom-in', role: 'zoomIn' },
      { id: 'view.zoom-out', role: 'zoomOut' },
      separator,
      { id: 'view.full-screen', role: 'togglefullscreen' },
      ...(options.isPackaged
        ? []
        : [separator, { id: 'view.reload', role: 'reload' as const }, { id: 'view.dev-tools', role: 'toggleDevTools' as const }]),
    ],
  };

  const windowMenu: MenuItemTemplate = {
    id: 'window',
    role: 'window',
    submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }, separator, { role: 'close' }],
  };

  const helpMenu: MenuItemTemplate = {
    id: 'help',
    role: 'help',
    label: title('Help'),
    submenu: [
      { id: 'help.model-documentation', label: 'Model Documentation', click: actions.openModelDocumentation },
      { id: 'help.data-location', label: 'Where My Data Lives', click: actions.showDataLocation },
      ...(mac ? [] : [separator, about]),
    ],
  };

  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu] : [fileMenu, editMenu, viewMenu, helpMenu];
}

/** Every item in a template, depth first (for finding an item by id). */
export function flattenMenu(template: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  const out: MenuItemTemplate[] = [];
  for (const item of template) {
    out.push(item);
    if (item.submenu) out.push(...flattenMenu(item.submenu));
  }
  return out;
}
