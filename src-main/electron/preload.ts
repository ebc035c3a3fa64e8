// The till screen's only door to the main process (sandboxed preload, bundled to CommonJS): exactly one object,
// `window.asiria`, a TillBridge over the one IPC channel. Never raw ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { TILL_CALL_CHANNEL, TILL_EVENT_CHANNEL, type TillBridge } from '../../src-shared/contract/bridge.js';
import type { TillResult } from '../../src-shared/contract/errors.js';
import type { TillEvent } from '../../src-shared/contract/events.js';

const asiria = {
  call(method: string, input: unknown): Promise<TillResult<unknown>> {
    return ipcRenderer.invoke(TILL_CALL_CHANNEL, method, input) as Promise<TillResult<unknown>>;
  },
  onEvent(listener: (event: TillEvent) => void): () => void {
    const forward = (_sender: IpcRendererEvent, event: TillEvent) => {
      listener(event);
    };
    ipcRenderer.on(TILL_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(TILL_EVENT_CHANNEL, forward);
    };
  },
} satisfies TillBridge;

contextBridge.exposeInMainWorld('asiria', asiria);
