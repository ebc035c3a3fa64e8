// The one place the renderer imports zustand (DESIGN.md "Code shape": zustand wrapped once). Every store is
// made with defineStore and lives in this folder; components import the stores, never 'zustand'.
// Stores hold view state only: the till core (reached through api/till.ts) is the source of truth.
import { create, type StateCreator } from 'zustand';
import { useShallow } from 'zustand/react/shallow';

/** A React hook store: `const useX = defineStore<X>()((set, get) => ({ ... }))`; `useX.getState()` outside React. */
export function defineStore<T>() {
  return (initializer: StateCreator<T>) => create<T>()(initializer);
}

/** Select several fields at once without re-rendering when none of them changed. */
export { useShallow };
