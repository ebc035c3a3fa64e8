// The typed till API client every screen uses: method names, inputs and results checked against the one
// contract (till-api.ts), whatever bridge carries the calls (Electron IPC or HTTP). A till error comes back
// as a thrown TillError with its stable `code`; a transport failure (host gone, network) as a TillError
// with code 'HOST_UNREACHABLE', so a screen has one kind of error to present.
import type { TillBridge } from './bridge.js';
import { TillError } from './errors.js';
import type { TillEvent, TillEventMap, TillEventName } from './events.js';
import type { TillInput, TillMethodName, TillOutput } from './till-api.js';

/** Code of the TillError thrown when the bridge itself fails (not a till API error). */
export const HOST_UNREACHABLE = 'HOST_UNREACHABLE';

export interface TillClient {
  call<K extends TillMethodName>(method: K, input: TillInput<K>): Promise<TillOutput<K>>;
  /** Listens to one kind of till event; returns the unsubscribe function. */
  on<E extends TillEventName>(type: E, listener: (payload: TillEventMap[E]) => void): () => void;
}

export function createTillClient(bridge: TillBridge): TillClient {
  const listeners = new Map<TillEventName, Set<(payload: never) => void>>();
  let unsubscribeBridge: (() => void) | null = null;

  function dispatch(event: TillEvent): void {
    const set = listeners.get(event.type);
    if (!set) return;
    for (const listener of [...set]) (listener as (payload: unknown) => void)(event.payload);
  }

  return {
    async call(method, input) {
      let result;
      try {
        result = await bridge.call(method, input);
      } catch (error) {
        throw new TillError(
          HOST_UNREACHABLE,
          `The till could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (result.ok) return result.value as TillOutput<typeof method>;
      throw TillError.fromBody(result.error);
    },
    on(type, listener) {
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
      }
      set.add(listener);
      unsubscribeBridge ??= bridge.onEvent(dispatch);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(type);
        if (listeners.size === 0 && unsubscribeBridge) {
          unsubscribeBridge();
          unsubscribeBridge = null;
        }
      };
    },
  };
}
