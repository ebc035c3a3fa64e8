// How a till screen reaches the till core, whatever hosts it: Electron's preload exposes one of these on
// `window.asiria` (over one IPC channel); in browser mode the renderer builds one over HTTP (POST /rpc/<method>,
// SSE /events). The typed client (till-client.ts) sits on top, so the screen cannot tell the hosts apart.
import type { TillResult } from './errors.js';
import type { TillEvent } from './events.js';

export interface TillBridge {
  /** Calls one till API method; never rejects for a till error (that is `{ok:false,error}`), only for transport. */
  call(method: string, input: unknown): Promise<TillResult<unknown>>;
  /** Every till event, in order; returns the unsubscribe function. */
  onEvent(listener: (event: TillEvent) => void): () => void;
}

/** The one IPC channel the Electron renderer invokes (`ipcRenderer.invoke(TILL_CALL_CHANNEL, method, input)`). */
export const TILL_CALL_CHANNEL = 'asiria:till.call';
/** Main → renderer: till events (`webContents.send(TILL_EVENT_CHANNEL, event)`). */
export const TILL_EVENT_CHANNEL = 'asiria:till.event';
