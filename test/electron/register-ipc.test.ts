import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Handlers } from '../../electron/ipc-contract.js';
import { APP_ENTRY_URL } from '../../electron/security.js';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const electron = vi.hoisted(() => {
  const registered: [string, unknown][] = [];
  return {
    registered,
    ipcMain: {
      handle: (channel: string, listener: unknown) => registered.push([channel, listener]),
      removeHandler: vi.fn(),
      on: vi.fn(),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

const { registerIpc } = await import('../../electron/register-ipc.js');

function fakeHandlers() {
  const calls: [string, unknown][] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, vi.fn(async (request: unknown) => { calls.push([channel, request]); return { ok: true, value: channel }; })]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const mainFrame = (url: string) => ({ url, parent: null });
const event = (id: number, frame: { url: string; parent: unknown } | null) => ({ sender: { id }, senderFrame: frame });
const APP_WINDOW = 7;

function setup() {
  electron.registered.length = 0;
  const { handlers, calls } = fakeHandlers();
  const problems: unknown[] = [];
  const dispose = registerIpc(handlers, { appWebContentsIds: () => new Set([APP_WINDOW]), onProblem: (p) => problems.push(p) });
  const listenerFor = (channel: string) => electron.registered.find(([c]) => c === channel)![1] as Listener;
  return { handlers, calls, problems, dispose, listenerFor };
}

beforeEach(() => electron.ipcMain.removeHandler.mockClear());

describe('registering IPC', () => {
  it('covers every contract channel exactly once', () => {
    setup();
    const channels = electron.registered.map(([c]) => c);
    expect(channels.sort()).toEqual([...CHANNELS].sort());
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('answers the app window, passing only the first argument to the handler', async () => {
    const { listenerFor, calls } = setup();
    const reply = await listenerFor('scenarios:get')(event(APP_WINDOW, mainFrame(APP_ENTRY_URL)), { id: 'abc' }, 'extra');
    expect(reply).toEqual({ ok: true, value: 'scenarios:get' });
    expect(calls).toEqual([['scenarios:get', { id: 'abc' }]]);
  });

  it.each([
    ['a window the app did not create', event(99, mainFrame(APP_ENTRY_URL))],
    ['a sub-frame of the app window', event(APP_WINDOW, { url: APP_ENTRY_URL, parent: {} })],
    ['the app window after navigating away', event(APP_WINDOW, mainFrame('https://evil.test/'))],
    ['a file: page in the app window', event(APP_WINDOW, mainFrame('file:///tmp/evil.html'))],
    ['a frame that has gone', event(APP_WINDOW, null)],
  ])('drops a message from %s without calling any handler', async (_label, senderEvent) => {
    const { listenerFor, calls, problems } = setup();
    for (const channel of CHANNELS) {
      const reply = await listenerFor(channel)(senderEvent, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
    expect(problems).toHaveLength(CHANNELS.length);
  });

  it('turns a handler that throws into an internal error result', async () => {
    const { listenerFor, handlers, problems } = setup();
    (handlers['run:compare'] as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('kaput'));
    const reply = await listenerFor('run:compare')(event(APP_WINDOW, mainFrame(APP_ENTRY_URL)), {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'kaput', where: 'run:compare' } });
    expect(problems).toEqual([expect.objectContaining({ channel: 'run:compare', kind: 'handler-threw' })]);
  });

  it('removes every handler when disposed', () => {
    const { dispose } = setup();
    dispose();
    expect(electron.ipcMain.removeHandler.mock.calls.map(([c]) => c).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses to start with a channel missing a handler', () => {
    const { handlers } = fakeHandlers();
    delete (handlers as Partial<Handlers>)['run:scenario'];
    expect(() => registerIpc(handlers, { appWebContentsIds: () => new Set() })).toThrow(/run:scenario/);
  });
});
