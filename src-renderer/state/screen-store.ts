// Screen routing without a router: the current work screen as a small state machine. Login, lock and
// first-run are not routes — the shell shows them whenever the session says so (nobody logged in, locked,
// not provisioned), so no route can be reached without an operator. A screen is added by extending
// `Route`, listing where it may be reached from in TRANSITIONS, and registering its component in
// screens/registry.tsx.
import type { ReceiptModel } from '../../src-shared/contract/receipt.js';
import { defineStore } from './store.js';

export type Route =
  | { name: 'till' }
  | { name: 'tender' }
  | { name: 'receipt'; receipt: ReceiptModel }
  | { name: 'refund' }
  | { name: 'session' }
  | { name: 'stock' }
  | { name: 'devices' }
  | { name: 'sync' };

export type RouteName = Route['name'];

/** The back-office screens the menu (F11, screens/menu/ScreenMenu.tsx) opens from the till and from each other. */
export const MENU_ROUTES = ['refund', 'session', 'stock', 'devices', 'sync'] as const;

/** route → the routes it may go to. Anything else is refused (and logged), so a stray click cannot skip tender. */
export const TRANSITIONS: Readonly<Record<RouteName, readonly RouteName[]>> = {
  till: ['tender', 'receipt', ...MENU_ROUTES],
  tender: ['till', 'receipt'],
  receipt: ['till', 'receipt', ...MENU_ROUTES],
  refund: ['till', ...MENU_ROUTES],
  session: ['till', ...MENU_ROUTES],
  stock: ['till', ...MENU_ROUTES],
  devices: ['till', ...MENU_ROUTES],
  sync: ['till', ...MENU_ROUTES],
};

export interface ScreenState {
  route: Route;
  /** Goes to `to` if the current screen allows it; returns whether it did. */
  navigate: (to: Route) => boolean;
  /** Back to the till screen (after login, a completed sale, a cancelled dialog flow). */
  home: () => void;
}

export const useScreenStore = defineStore<ScreenState>()((set, get) => ({
  route: { name: 'till' },
  navigate(to) {
    const from = get().route.name;
    if (from !== to.name && !TRANSITIONS[from].includes(to.name)) {
      console.warn(`screen: ${from} → ${to.name} is not a transition`);
      return false;
    }
    set({ route: to });
    return true;
  },
  home() {
    set({ route: { name: 'till' } });
  },
}));
