import { describe, expect, it, vi } from 'vitest';
import type { MenuEvent } from '../../electron/ipc-contract.js';
import { buildMenuTemplate, flattenMenu, type MenuActions, type MenuItemTemplate } from '../../electron/menu.js';

function setup(platform: NodeJS.Platform, isPackaged = true) {
  const sent: MenuEvent[] = [];
  const actions: MenuActions = {
    send: (event) => sent.push(event),
    openScenarioFile: vi.fn(),
    showAbout: vi.fn(),
    openModelDocumentation: vi.fn(),
    showDataLocation: vi.fn(),
  };
  const template = buildMenuTemplate(actions, { platform, appName: 'JoinedUp', isPackaged });
  const items = flattenMenu(template);
  const byId = (id: string): MenuItemTemplate => {
    const item = items.find((i) => i.id === id);
    if (!item) throw new Error(`no menu item ${id}`);
    return item;
  };
  const topLevel = (id: string) => template.find((i) => i.id === id)?.submenu?.filter((i) => i.type !== 'separator').map((i) => i.id) ?? [];
  return { template, items, byId, topLevel, sent, actions };
}

const PLATFORMS: NodeJS.Platform[] = ['linux', 'win32', 'darwin'];

describe.each(PLATFORMS)('the menu on %s', (platform) => {
  it('has every File item', () => {
    const { topLevel } = setup(platform);
    const expected = ['file.new-scenario', 'file.open-scenario-file', 'file.save', 'file.save-as-file', 'file.export-csv', 'file.export-chart', 'file.export-briefing'];
    expect(topLevel('file')).toEqual(platform === 'darwin' ? expected : [...expected, 'file.quit']);
  });

  it('has Quit (in the app menu on macOS)', () => {
    const { byId } = setup(platform);
    expect(byId(platform === 'darwin' ? 'app.quit' : 'file.quit').role).toBe('quit');
  });

  it('has Undo, Redo and the standard clipboard roles in Edit', () => {
    const { byId, topLevel } = setup(platform);
    expect(topLevel('edit')).toEqual(expect.arrayContaining(['edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.select-all']));
    expect(['cut', 'copy', 'paste', 'selectAll'].map((r) => byId(`edit.${r === 'selectAll' ? 'select-all' : r}`).role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('has Present, zoom and full screen in View', () => {
    const { byId } = setup(platform);
    expect(byId('view.present').label).toBe('Present');
    expect(byId('view.reset-zoom').role).toBe('resetZoom');
    expect(byId('view.zoom-in').role).toBe('zoomIn');
    expect(byId('view.zoom-out').role).toBe('zoomOut');
    expect(byId('view.full-screen').role).toBe('togglefullscreen');
  });

  it('has About, Model Documentation and Where My Data Lives in Help (About in the app menu on macOS)', () => {
    const { byId, actions } = setup(platform);
    byId(platform === 'darwin' ? 'app.about' : 'help.about').click!();
    byId('help.model-documentation').click!();
    byId('help.data-location').click!();
    expect(actions.showAbout).toHaveBeenCalledTimes(1);
    expect(actions.openModelDocumentation).toHaveBeenCalledTimes(1);
    expect(actions.showDataLocation).toHaveBeenCalledTimes(1);
  });

  it('sends each window command to the window', () => {
    const { byId, sent, actions } = setup(platform);
    const commands: [string, MenuEvent['command']][] = [
      ['file.new-scenario', 'new-scenario'],
      ['file.save', 'save'],
      ['file.save-as-file', 'save-as-file'],
      ['file.export-csv', 'export-csv'],
      ['file.export-chart', 'export-chart'],
      ['file.export-briefing', 'export-briefing'],
      ['edit.undo', 'undo'],
      ['edit.redo', 'redo'],
      ['view.present', 'present'],
    ];
    for (const [id] of commands) byId(id).click!();
    expect(sent.map((e) => e.command)).toEqual(commands.map(([, c]) => c));
    byId('file.open-scenario-file').click!();
    expect(actions.openScenarioFile).toHaveBeenCalledTimes(1);
  });

  it('uses the standard shortcuts', () => {
    const { byId } = setup(platform);
    expect(byId('file.new-scenario').accelerator).toBe('CmdOrCtrl+N');
    expect(byId('file.open-scenario-file').accelerator).toBe('CmdOrCtrl+O');
    expect(byId('file.save').accelerator).toBe('CmdOrCtrl+S');
    expect(byId('file.save-as-file').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(byId('edit.undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byId('edit.redo').accelerator).toBe(platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y');
  });

  it('gives no two items the same shortcut', () => {
    const { items } = setup(platform);
    const accelerators = items.map((i) => i.accelerator).filter((a): a is string => !!a);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has developer items only in development', () => {
    expect(setup(platform, true).items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(setup(platform, false).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

it('adds the app menu (first) and the Window menu (before Help) on macOS only', () => {
  expect(setup('darwin').template.map((m) => m.label ?? m.role)).toEqual(['JoinedUp', 'File', 'Edit', 'View', 'window', 'Help']);
  expect(setup('linux').template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
});
