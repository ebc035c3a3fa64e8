// What the screen does with the till's sync: read the status once at start (then 'sync.changed' keeps it
// current, see use-till-events.ts), connect the till to a cloud, and ask for a sync now. A till core
// without sync.* methods (UNKNOWN_METHOD) leaves the indicator at "not available". While nobody is logged in,
// each pulled page refreshes the login screen's users (a newly connected till gets its users by pull).
import { TillError } from '../../src-shared/contract/errors.js';
import type { SyncRegisterInput, SyncStatus } from '../../src-shared/contract/till-sync.js';
import { till } from '../api/till.js';
import { useSessionStore } from '../state/session-store.js';
import { useSyncStore } from '../state/sync-store.js';

export async function loadSyncStatus(): Promise<void> {
  try {
    useSyncStore.getState().setStatus(await till().call('sync.status', {}));
  } catch (error) {
    if (error instanceof TillError && error.code === 'UNKNOWN_METHOD') {
      useSyncStore.getState().patch({ available: false, status: null });
    } else throw error;
  }
}

/** Registers this till with the cloud; the input (with the owner's password) is not kept anywhere. */
export async function connectTill(input: SyncRegisterInput): Promise<SyncStatus> {
  const status = await till().call('sync.register', input);
  useSyncStore.getState().setStatus(status);
  return status;
}

export async function syncNow(): Promise<SyncStatus> {
  const status = await till().call('sync.now', {});
  useSyncStore.getState().setStatus(status);
  return status;
}

/** A 'sync.changed' event: the new status, and the login screen's users when a pull brought changes. */
export function onSyncChanged(status: SyncStatus): void {
  const before = useSyncStore.getState().status;
  useSyncStore.getState().setStatus(status);
  const session = useSessionStore.getState();
  if (before?.pullCursor === status.pullCursor || session.phase !== 'ready' || session.operator) return;
  till()
    .call('auth.users', {})
    .then((users) => {
      useSessionStore.getState().patch({ users });
    })
    .catch(() => {
      // A background refresh: the next page (or a reload) tries again; nothing to show the cashier.
    });
}
