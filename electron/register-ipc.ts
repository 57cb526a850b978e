/**
 * Registration of every contract channel with `ipcMain.handle`, each behind the sender check (Electron security
 * checklist item 17): a message is answered only when it comes from the main frame of one of the app's own
 * windows showing the app's own origin. Anything else is dropped before the handler runs.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type ApiError, type Channel, type Handlers, type Result } from './ipc-contract.js';
import { isTrustedIpcSender } from './security.js';

export interface RegisterIpcOptions {
  /** Ids of the webContents of the windows the app created and still has open. */
  appWebContentsIds: () => ReadonlySet<number>;
  /** Called when a message is dropped or a handler throws (main logs it). */
  onProblem?: (problem: { channel: Channel; kind: 'untrusted-sender' | 'handler-threw'; detail: string }) => void;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This window may not use the JoinedUp API.' } satisfies ApiError,
};

/** The sender facts of one invoke event. */
function senderFacts(event: IpcMainInvokeEvent, appWebContentsIds: ReadonlySet<number>) {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    appWebContentsIds,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame ? frame.parent === null : false,
  };
}

/**
 * Register a handler for every channel in `CHANNELS`, exactly once. Returns a function that removes them all.
 * Each handler receives only the first argument the window sent, as `unknown`, and validates it itself.
 */
export function registerIpc(handlers: Handlers, options: RegisterIpcOptions): () => void {
  for (const channel of CHANNELS) {
    const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>;
    if (typeof handler !== 'function') throw new Error(`No handler for IPC channel ${channel}`);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown) => {
      const facts = senderFacts(event, options.appWebContentsIds());
      if (!isTrustedIpcSender(facts)) {
        options.onProblem?.({ channel, kind: 'untrusted-sender', detail: `webContents ${facts.webContentsId} at ${facts.frameUrl ?? '(no frame)'}` });
        return FORBIDDEN;
      }
      try {
        return await handler(request);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        options.onProblem?.({ channel, kind: 'handler-threw', detail: error instanceof Error && error.stack ? error.stack : message });
        return { ok: false, error: { code: 'internal', message, where: channel } } satisfies Result<never>;
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
