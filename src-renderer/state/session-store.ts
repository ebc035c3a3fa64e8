// Who is at the till and the till's state as the screen last saw it: the start-up phase, the logged-in
// operator, the users to pick from, the open cash session, and who locked the screen. View state only —
// shell/session-actions.ts fills it from the till API.
import type { OperatorView } from '../../src-shared/contract/auth.js';
import type { SessionView } from '../../src-shared/contract/session.js';
import { defineStore } from './store.js';

/** starting → ready, or one of the states that keep the till screens away (no token, host gone, not set up). */
export type BootPhase = 'starting' | 'no-token' | 'unreachable' | 'not-provisioned' | 'ready';

export interface LockedBy {
  id: string;
  name: string;
}

export interface SessionState {
  phase: BootPhase;
  operator: OperatorView | null;
  users: OperatorView[];
  cashSession: SessionView | null;
  /** Set while the screen is locked (kept in sessionStorage, so a reload stays locked). */
  lockedBy: LockedBy | null;
  patch: (partial: Partial<Omit<SessionState, 'patch'>>) => void;
}

const LOCK_KEY = 'asiria.lockedBy';

function storedLock(): LockedBy | null {
  try {
    const text = sessionStorage.getItem(LOCK_KEY);
    return text ? (JSON.parse(text) as LockedBy) : null;
  } catch {
    return null;
  }
}

export function rememberLock(lock: LockedBy | null): void {
  try {
    if (lock) sessionStorage.setItem(LOCK_KEY, JSON.stringify(lock));
    else sessionStorage.removeItem(LOCK_KEY);
  } catch {
    // Storage unavailable: the lock lasts until a reload, which shows the login screen instead.
  }
}

export const useSessionStore = defineStore<SessionState>()((set) => ({
  phase: 'starting',
  operator: null,
  users: [],
  cashSession: null,
  lockedBy: storedLock(),
  patch: (partial) => {
    set(partial);
  },
}));
