// Opens the till's SQLite ledger: pragmas, migrations, and the read/write handle types.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ledgerSchema, type LedgerSchema } from './schema.js';
import { WriteIntent } from './write-intent.js';

export const SQLITE_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle/sqlite');

/** The writer: only commands (inside their one transaction) get this. */
export type WriteDb = BetterSQLite3Database<LedgerSchema> & { readonly __writer: true };
/** What a query may use: no insert/update/delete/run/transaction. */
export type ReadDb = Omit<
  BetterSQLite3Database<LedgerSchema>,
  'insert' | 'update' | 'delete' | 'run' | 'transaction'
>;

export interface Ledger {
  readonly file: string;
  readonly raw: Database.Database;
  readonly write: WriteDb;
  readonly read: ReadDb;
  /** Runs fn in one BEGIN IMMEDIATE transaction: all of it is committed or none of it. */
  transaction<T>(fn: (db: WriteDb) => T): T;
  /** Announces this connection's transactions to the sync worker, which then lets them go first. */
  readonly writeIntent: WriteIntent;
  /** PRAGMA wal_checkpoint(PASSIVE) — call from an idle timer or a worker, never from a sale. */
  checkpoint(): void;
  close(): void;
}

export interface OpenLedgerOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Leave SQLite's automatic WAL checkpoint on (default false: checkpoints stay off the sale path). */
  autoCheckpoint?: boolean;
}

export function openLedger(file: string, options: OpenLedgerOptions = {}): Ledger {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  if (!options.autoCheckpoint) raw.pragma('wal_autocheckpoint = 0');
  const db = drizzle(raw, { schema: ledgerSchema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: SQLITE_MIGRATIONS_DIR });
  const write = db as unknown as WriteDb;
  const writeIntent = new WriteIntent();
  return {
    file,
    raw,
    write,
    read: db,
    writeIntent,
    transaction<T>(fn: (w: WriteDb) => T): T {
      writeIntent.enter();
      try {
        return raw.transaction(() => fn(write)).immediate();
      } finally {
        writeIntent.leave();
      }
    },
    checkpoint() {
      raw.pragma('wal_checkpoint(PASSIVE)');
    },
    close() {
      if (raw.open) raw.close();
    },
  };
}

/**
 * Checkpoints the WAL when the ledger has been idle for `idleMs`, so the sale path never pays for it.
 * Returns a stop function. The timer is unref'd: it never keeps the process alive.
 */
export function startIdleCheckpointer(ledger: Ledger, idleMs = 2000): () => void {
  // Idle = no commit on this connection (total_changes) nor on another one, the sync worker's (data_version):
  // while the worker pulls it checkpoints on its own thread, and this one stays off the main thread.
  let last = '';
  const timer = setInterval(() => {
    if (!ledger.raw.open) return;
    const changes = (ledger.raw.prepare('select total_changes() as n').get() as { n: number }).n;
    const version = ledger.raw.pragma('data_version', { simple: true }) as number;
    const now = `${String(changes)}:${String(version)}`;
    if (now === last) ledger.checkpoint();
    last = now;
  }, idleMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
