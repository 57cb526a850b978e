import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MENU_EVENT_CHANNEL, type DesktopBridge } from '../../electron/ipc-contract.js';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

async function loadPreload(): Promise<DesktopBridge> {
  vi.resetModules();
  electron.exposed.clear();
  electron.listeners.clear();
  await import('../../electron/preload.js');
  expect([...electron.exposed.keys()]).toEqual(['joinedUp']);
  return electron.exposed.get('joinedUp') as DesktopBridge;
}

beforeEach(() => electron.ipcRenderer.invoke.mockClear());

describe('the preload', () => {
  it('exposes exactly one method per contract channel, plus onMenuCommand, and nothing else', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onMenuCommand'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });

  it('forwards each method to its own channel with only the request', async () => {
    const api = await loadPreload();
    for (const channel of CHANNELS) {
      const call = api[channel] as (request: unknown) => Promise<unknown>;
      await expect(call({ id: 'x' })).resolves.toEqual({ ok: true, value: { channel, request: { id: 'x' } } });
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNELS.length);
    for (const [index, channel] of CHANNELS.entries()) {
      expect(electron.ipcRenderer.invoke.mock.calls[index]).toEqual([channel, { id: 'x' }]);
    }
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('turns a failed or malformed reply into an error result', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('gone'));
    await expect(api['app:info']({})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'gone', where: 'app:info' } });
    electron.ipcRenderer.invoke.mockResolvedValueOnce('nonsense' as never);
    await expect(api['app:info']({})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes menu events, never the IPC event object, and only well-formed ones', async () => {
    const api = await loadPreload();
    const received: unknown[] = [];
    const stop = api.onMenuCommand((event) => received.push(event));
    const [listener] = electron.listeners.get(MENU_EVENT_CHANNEL)!;
    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0 };
    listener(ipcEvent, { command: 'save' });
    listener(ipcEvent, { command: 'scenarios-imported', ids: ['a', 'b'] });
    listener(ipcEvent, { command: 'rm -rf' });
    listener(ipcEvent, { command: 'scenarios-imported', ids: [1] });
    listener(ipcEvent, null);
    expect(received).toEqual([{ command: 'save' }, { command: 'scenarios-imported', ids: ['a', 'b'] }]);
    stop();
    expect(electron.listeners.get(MENU_EVENT_CHANNEL)!.size).toBe(0);
  });

  it('subscribes only to the menu channel', async () => {
    const api = await loadPreload();
    api.onMenuCommand(() => {});
    expect([...electron.listeners.keys()]).toEqual([MENU_EVENT_CHANNEL]);
  });
});
