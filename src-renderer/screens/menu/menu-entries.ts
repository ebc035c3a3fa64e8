// What the menu (F11) offers: the back-office screens, each with its key inside the menu and the lowest role
// that may use it. Pure, so the role filter is tested on its own; the till API still checks every call.
import { ROLE_RANK, type Role } from '../../../src-shared/contract/common.js';
import type { MENU_ROUTES } from '../../state/screen-store.js';

export type MenuRoute = (typeof MENU_ROUTES)[number];

export interface MenuEntry {
  route: MenuRoute;
  /** The key that opens it while the menu is open. */
  key: 'F2' | 'F3' | 'F4' | 'F5' | 'F6';
  labelKey: string;
  hintKey: string;
  minRole: Role;
}

export const MENU_ENTRIES: readonly MenuEntry[] = [
  { route: 'refund', key: 'F2', labelKey: 'menu.refund', hintKey: 'menu.refundHint', minRole: 'employee' },
  { route: 'session', key: 'F3', labelKey: 'menu.session', hintKey: 'menu.sessionHint', minRole: 'employee' },
  { route: 'stock', key: 'F4', labelKey: 'menu.stock', hintKey: 'menu.stockHint', minRole: 'employee' },
  { route: 'devices', key: 'F5', labelKey: 'menu.devices', hintKey: 'menu.devicesHint', minRole: 'manager' },
  { route: 'sync', key: 'F6', labelKey: 'menu.sync', hintKey: 'menu.syncHint', minRole: 'manager' },
];

/** The entries a user with `role` sees (a cashier does not see Devices). */
export function menuEntriesFor(role: Role): MenuEntry[] {
  return MENU_ENTRIES.filter((entry) => ROLE_RANK[role] >= ROLE_RANK[entry.minRole]);
}

/** Whether `role` is at least a manager (what the screens use to show manager-only parts). */
export function isManager(role: Role | undefined): boolean {
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK.manager;
}
