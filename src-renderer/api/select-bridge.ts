// Which bridge carries the till API: Electron's preload exposes `window.asiria`; otherwise the page was
// served by the browser-mode HTTP host and talks to its own origin with the launch token.
import type { TillBridge } from '../../src-shared/contract/bridge.js';
import { createHttpBridge } from './http-bridge.js';
import { takeLaunchToken } from './launch-token.js';

declare global {
  interface Window {
    /** Set by the Electron preload (src-main/electron/preload.ts); absent in browser mode. */
    asiria?: TillBridge;
  }
}

export type BridgeChoice = { kind: 'electron' | 'http'; bridge: TillBridge } | { kind: 'no-token' };

export function selectBridge(win: Window): BridgeChoice {
  if (win.asiria) return { kind: 'electron', bridge: win.asiria };
  const token = takeLaunchToken({
    location: win.location,
    history: win.history,
    storage: win.sessionStorage,
  });
  if (!token) return { kind: 'no-token' };
  return { kind: 'http', bridge: createHttpBridge({ baseUrl: win.location.origin, token }) };
}
