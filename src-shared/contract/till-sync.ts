// The till API's sync methods (DESIGN.md "Sync" → Devices): registering this till with a cloud and watching
// its sync worker. The worker pushes the outbox and pulls the store's changes in the background; these only
// report and steer it. 'sync.changed' carries the same SyncStatus whenever it changes.
import { z } from 'zod';
import { defineMethod } from './method.js';

export const SYNC_STATES = [
  /** No cloud yet: sync.register connects this till. */
  'unregistered',
  /** Registered, nothing to send or fetch right now. */
  'idle',
  /** Sending the outbox / fetching the store's changes. */
  'syncing',
  /** The cloud cannot be reached; retrying with backoff. Sales go on. */
  'offline',
  /** The cloud revoked this till's device: an owner must register it again. Sales go on, nothing is sent. */
  'revoked',
  /** The cloud needs a newer till (sync protocol too old): update this till. Sales go on. */
  'update_required',
  /** The cloud answered with an error the worker cannot fix alone (see lastError); retrying with backoff. */
  'error',
] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncStatus {
  state: SyncState;
  /** The last call to the cloud succeeded (and none failed since). */
  online: boolean;
  /** Outbox events not yet acknowledged by the cloud. */
  queueDepth: number;
  /** ISO time of the last successful push or pull. */
  lastSuccessAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
  /** ISO time of the next attempt while backing off; null when not waiting. */
  nextAttemptAt: string | null;
  /** The cloud this till is registered with; null when unregistered. */
  serverUrl: string | null;
  storeId: string | null;
  storeName: string | null;
  terminalId: string | null;
  terminalCode: string | null;
  epoch: number | null;
  /** The store change-log version this till has applied, and the cloud's latest it knows of. */
  pullCursor: number;
  pullHead: number;
}

/** The status of a till that is not registered with a cloud (a fresh object each call). */
export function unregisteredSyncStatus(): SyncStatus {
  return {
    state: 'unregistered',
    online: false,
    queueDepth: 0,
    lastSuccessAt: null,
    lastError: null,
    nextAttemptAt: null,
    serverUrl: null,
    storeId: null,
    storeName: null,
    terminalId: null,
    terminalCode: null,
    epoch: null,
    pullCursor: 0,
    pullHead: 0,
  };
}

export const syncRegisterSchema = z.strictObject({
  /** The cloud API's base URL, e.g. https://pos.example.co.ke (no trailing /api). */
  serverUrl: z
    .url({ protocol: /^https?$/, message: 'give the cloud address, starting with http:// or https://' })
    .max(300),
  /** The owner's (or a manager's) phone number and password: used once for this call, never stored. */
  phone: z.string().trim().min(3).max(20),
  password: z.string().min(1).max(200),
  /** The store this till sells for: its id or its code ("NRB1"). Optional when the account has one store. */
  store: z.string().trim().min(1).max(60).optional(),
  /** This till's name in the cloud ("Till 1"); a terminal of that name in the store is registered again. */
  tillName: z.string().trim().min(1).max(100),
});
export type SyncRegisterInput = z.infer<typeof syncRegisterSchema>;

export const syncMethods = {
  /** What the sync worker is doing. Any role, and before login (the first-run screen shows it). */
  'sync.status': defineMethod<SyncStatus>()(z.strictObject({})),
  /**
   * Connects this till to a cloud: logs the owner in there once, creates (or re-registers) the terminal,
   * keeps its device secret locally, adopts the cloud's store and catalog, and starts syncing. Allowed
   * before any login while the till is unregistered; once registered, an owner or manager must be logged in.
   */
  'sync.register': defineMethod<SyncStatus>()(syncRegisterSchema),
  /** Syncs now instead of waiting for the next attempt (a manager's "sync now" button; tests). */
  'sync.now': defineMethod<SyncStatus>()(z.strictObject({})),
};
