// What every handler receives. Queries get a read handle; commands get the writer inside their transaction.
import type { TillEventMap, TillEventName } from '../../src-shared/contract/events.js';
import type { Role } from '../../src-shared/contract/common.js';
import type { SyncController } from '../sync/controller.js';
import type { Ledger, ReadDb, WriteDb } from '../ledger/connection.js';
import type { Clock } from './clock.js';
import type { TillEventBus } from './event-bus.js';

export interface Operator {
  id: string;
  name: string;
  role: Role;
}

export interface TillIdentityInfo {
  storeId: string;
  terminalId: string;
  terminalCode: string;
  epoch: number;
}

export interface TillSettings {
  /** Failed password/PIN attempts before a user is locked out. */
  lockoutAttempts: number;
  lockoutMs: number;
}

export const DEFAULT_TILL_SETTINGS: TillSettings = { lockoutAttempts: 5, lockoutMs: 5 * 60_000 };

/** Long-lived state of one running till core. */
export interface TillRuntime {
  readonly ledger: Ledger;
  readonly clock: Clock;
  readonly events: TillEventBus;
  readonly settings: TillSettings;
  /** Who is logged in at this till (null = nobody / locked). */
  operator: Operator | null;
  /** The sync worker's controller (src-main/sync): status, sync.now, sync.register. */
  sync: SyncController | null;
}

interface BaseContext {
  readonly runtime: TillRuntime;
  /** One timestamp for the whole call (ISO-8601 UTC). */
  readonly now: string;
  readonly nowDate: Date;
  /** The logged-in operator; non-null for every handler whose access is not 'public'. */
  readonly operator: Operator;
  /** This till's identity; throws TILL_NOT_PROVISIONED when the ledger has none yet. */
  identity(): TillIdentityInfo;
}

export interface QueryContext extends BaseContext {
  readonly db: ReadDb;
}

export interface CommandContext extends BaseContext {
  readonly db: WriteDb;
  /** Publish an event once the transaction has committed (dropped if it rolls back). */
  emit<K extends TillEventName>(type: K, payload: TillEventMap[K]): void;
}

/** For the few commands that manage their own transactions (e.g. login must record a failed attempt and still fail). */
export interface ManualContext extends BaseContext {
  readonly db: ReadDb;
  /** Runs fn in one transaction and queues its events for after commit. */
  transaction<T>(fn: (ctx: CommandContext) => T): T;
}
