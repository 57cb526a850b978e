/**
 * The preload script: runs in the window's sandboxed, context-isolated preload world and exposes exactly the
 * contract (one method per channel) and `onMenuCommand` as `window.joinedUp`. Built by scripts/build-electron.js
 * into one CommonJS file (a sandboxed preload cannot load other files), dist-electron/preload.cjs.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RendererApi } from './ipc-contract.js';
import { createDesktopBridge } from './preload-api.js';

const api = createDesktopBridge(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (channel, listener) => {
    // The event object (which holds `sender`, i.e. ipcRenderer itself) never reaches the page: only the payload.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
) satisfies RendererApi;

contextBridge.exposeInMainWorld('joinedUp', api);
