/**
 * The object the preload exposes as `window.joinedUp`, built from the contract's channel list: one method per
 * channel, each forwarding its single argument to main, plus `onMenuCommand`. Nothing else crosses: no
 * `ipcRenderer`, no event objects, no Node. Kept apart from preload.ts (which only supplies Electron's
 * `ipcRenderer`) so it is tested under Node; esbuild bundles both into one sandbox-compatible script.
 *
 * No electron import here.
 */
import {
  CHANNELS,
  MENU_EVENT_CHANNEL,
  type Channel,
  type DesktopBridge,
  type MenuEvent,
  type RendererApi,
  type Result,
} from './ipc-contract.js';

/** `ipcRenderer.invoke`, narrowed to what the bridge uses. */
export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;
/** Subscribe to main's menu events; returns the unsubscribe function. */
export type SubscribeMenu = (channel: typeof MENU_EVENT_CHANNEL, listener: (payload: unknown) => void) => () => void;

const MENU_COMMANDS_WITHOUT_PAYLOAD = new Set<string>([
  'new-scenario',
  'save',
  'save-as-file',
  'export-csv',
  'export-chart',
  'export-briefing',
  'undo',
  'redo',
  'present',
]);

/** Rebuild a menu event from what arrived over IPC; null if it is not one. */
export function toMenuEvent(payload: unknown): MenuEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const command = (payload as { command?: unknown }).command;
  if (typeof command !== 'string') return null;
  if (MENU_COMMANDS_WITHOUT_PAYLOAD.has(command)) return { command } as MenuEvent;
  if (command === 'scenarios-imported') {
    const ids = (payload as { ids?: unknown }).ids;
    if (Array.isArray(ids) && ids.length <= 10_000 && ids.every((id) => typeof id === 'string')) {
      return { command, ids: [...ids] };
    }
  }
  return null;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true ? 'value' in v : v.ok === false && typeof v.error === 'object' && v.error !== null;
}

/** Build the bridge from `invoke` and `subscribe` (Electron's ipcRenderer in the preload; fakes in tests). */
export function createDesktopBridge(invoke: Invoke, subscribe: SubscribeMenu): DesktopBridge {
  const api: Partial<Record<Channel, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    api[channel] = async (request: unknown) => {
      try {
        const reply = await invoke(channel, request ?? {});
        if (isResult(reply)) return reply;
        return { ok: false, error: { code: 'internal', message: 'The app sent an unreadable answer.', where: channel } };
      } catch (error) {
        // A thrown error keeps only its message across IPC.
        return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error), where: channel } };
      }
    };
  }
  const rendererApi = api as RendererApi;
  return {
    ...rendererApi,
    onMenuCommand(listener: (event: MenuEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
      return subscribe(MENU_EVENT_CHANNEL, (payload) => {
        const event = toMenuEvent(payload);
        if (event) listener(event);
      });
    },
  };
}
