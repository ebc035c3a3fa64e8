// What the shell does with the till API around who is at the till: start-up, login, PIN switch, lock,
// logout, language, and keeping the cash session and the open sale in view. Errors propagate to callers
// (screens show them through errors/report-error.ts) except at start-up, which sets the boot phase.
import type { Locale, OperatorView } from '../../src-shared/contract/auth.js';
import { TillError } from '../../src-shared/contract/errors.js';
import { HOST_UNREACHABLE } from '../../src-shared/contract/till-client.js';
import { till } from '../api/till.js';
import { applyLocale } from '../i18n/i18n.js';
import { useNoticeStore } from '../state/notice-store.js';
import { useSaleStore } from '../state/sale-store.js';
import { useScreenStore } from '../state/screen-store.js';
import { rememberLock, useSessionStore } from '../state/session-store.js';

const session = () => useSessionStore.getState();

function codeOf(error: unknown): string | null {
  return error instanceof TillError ? error.code : null;
}

/** Start-up: is the till set up, who is logged in, their open session and sale. */
export async function boot(): Promise<void> {
  try {
    const users = await till().call('auth.users', {});
    const operator = await till().call('auth.current', {});
    session().patch({ users });
    if (operator) await enter(operator);
    session().patch({ phase: 'ready' });
  } catch (error) {
    const code = codeOf(error);
    if (code === 'TILL_NOT_PROVISIONED') session().patch({ phase: 'not-provisioned' });
    else if (code === HOST_UNREACHABLE) session().patch({ phase: 'unreachable' });
    else throw error;
  }
}

/** After a login/switch/unlock: the operator's language, cash session and open sale. */
async function enter(operator: OperatorView): Promise<void> {
  applyLocale(operator.locale);
  rememberLock(null);
  session().patch({ operator, lockedBy: null });
  useScreenStore.getState().home();
  await refreshCashSession();
  await reloadSale();
}

export async function refreshCashSession(): Promise<void> {
  session().patch({ cashSession: await till().call('session.current', {}) });
}

/** The operator's open sale from the ledger (a reload or restart never loses a cart). */
export async function reloadSale(): Promise<void> {
  const detail = await till().call('sale.get', {});
  useSaleStore.getState().setSale(detail?.sale ?? null);
}

export async function loginWithPassword(userId: string, password: string): Promise<void> {
  await enter(await till().call('auth.login', { userId, password }));
}

export async function switchWithPin(userId: string, pin: string): Promise<void> {
  const operator = await till().call('auth.pinSwitch', { userId, pin });
  useNoticeStore.getState().clear();
  await enter(operator);
}

/** Locks the screen: nobody is logged in at the till until the same user's PIN (or another user) unlocks. */
export async function lockScreen(): Promise<void> {
  const operator = session().operator;
  if (!operator) return;
  await till().call('auth.logout', {});
  const lockedBy = { id: operator.id, name: operator.name };
  rememberLock(lockedBy);
  useSaleStore.getState().setSale(null);
  useNoticeStore.getState().clear();
  // The cash session stays open (and shown): only the screen is locked.
  session().patch({ operator: null, lockedBy });
}

export async function logout(): Promise<void> {
  await till().call('auth.logout', {});
  rememberLock(null);
  useSaleStore.getState().setSale(null);
  useNoticeStore.getState().clear();
  applyLocale(null);
  session().patch({ operator: null, lockedBy: null, cashSession: null });
}

/** Leaves the lock screen for the login screen (another user logs in with a password). */
export function forgetLock(): void {
  rememberLock(null);
  session().patch({ lockedBy: null });
}

export async function changeLocale(locale: Locale): Promise<void> {
  const operator = await till().call('auth.setLocale', { locale });
  applyLocale(operator.locale);
  session().patch({ operator });
}

export async function openCashSession(openingFloat: number): Promise<void> {
  session().patch({ cashSession: await till().call('session.open', { openingFloat }) });
}
