// The till's sync as the screen last saw it: the SyncStatus from sync.status at start, then every
// 'sync.changed' event (no polling). `available` is false on a till core without sync.* methods. `connecting`
// shows the connect screen in place of login while nobody is logged in. View state only: the owner's
// password is never kept here (the connect form clears it on submit).
import type { SyncStatus } from '../../src-shared/contract/till-sync.js';
import { defineStore } from './store.js';

export interface SyncState {
  status: SyncStatus | null;
  available: boolean;
  connecting: boolean;
  setStatus: (status: SyncStatus) => void;
  patch: (partial: Partial<Omit<SyncState, 'patch' | 'setStatus'>>) => void;
}

export const useSyncStore = defineStore<SyncState>()((set) => ({
  status: null,
  available: true,
  connecting: false,
  setStatus: (status) => {
    set({ status, available: true });
  },
  patch: (partial) => {
    set(partial);
  },
}));
