// In-process typed event bus; events are published only after the command's transaction commits.
import type { TillEvent, TillEventMap, TillEventName } from '../../src-shared/contract/events.js';

export type TillEventListener = (event: TillEvent) => void;

export class TillEventBus {
  readonly #listeners = new Set<TillEventListener>();

  subscribe(listener: TillEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish<K extends TillEventName>(type: K, payload: TillEventMap[K]): void {
    const event = { type, payload } as TillEvent;
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener (e.g. a closed SSE stream) must never break the till.
      }
    }
  }
}
