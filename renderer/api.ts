/**
 * The window's only way out: the RendererApi. Inside Electron the preload exposes `window.joinedUp`; in a browser
 * (the browser host, `joinedup serve`) every call is `POST /api/<channel>` with the per-run token from the page's
 * address. Both are typed as `RendererApi`, so the rest of the window cannot tell which one it has.
 */
import { CHANNELS, type Channel, type RendererApi, type RequestOf, type ResponseOf, type Result } from '../electron/ipc-contract.js';

declare global {
  interface Window {
    joinedUp?: RendererApi;
  }
}

/** The header the browser host checks on every API call. */
export const TOKEN_HEADER = 'x-joinedup-token';

/** Build a RendererApi that calls the browser host over HTTP. */
export function createHttpApi(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): RendererApi {
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> => {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(request ?? {}),
      });
    } catch (error) {
      return {
        ok: false,
        error: { code: 'unreachable', message: `JoinedUp's local server did not answer (${String(error)}).`, where: channel },
      };
    }
    try {
      return (await response.json()) as Result<ResponseOf<C>>;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `The local server sent an unreadable answer (HTTP ${response.status}).`, where: channel },
      };
    }
  };
  const api: Partial<Record<Channel, unknown>> = {};
  for (const channel of CHANNELS) {
    api[channel] = (request: RequestOf<typeof channel>) => call(channel, request);
  }
  return api as RendererApi;
}

/** The API for this window: Electron's preload object when present, the HTTP bridge otherwise. */
export function connectApi(win: Window = window): RendererApi {
  if (win.joinedUp) return win.joinedUp;
  const token = new URL(win.location.href).searchParams.get('token') ?? '';
  return createHttpApi(win.location.origin, token);
}

/** Unwrap a Result, throwing an Error carrying the API's message (for code paths that show errors in one place). */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
  ) {
    super(message);
  }
}

export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (r.ok) return r.value;
  throw new ApiCallError(r.error.code, r.error.message, r.error.where);
}
