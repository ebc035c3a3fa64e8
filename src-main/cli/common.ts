// Helpers shared by the till's command-line entry points (npm start, npm run serve, npm run demo:seed).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { pino, type Logger } from 'pino';
import { DEMO_USERS, type DemoRole } from '../ledger/seed/demo-store.js';

/**
 * JSON-line logs to stderr (stdout is for the one line a person or a script reads). LOG_LEVEL sets the level;
 * by default `info`, or `warn` when stderr is a terminal, so a person sees the few lines meant for them.
 */
export function createCliLogger(name: string): Logger {
  const level = process.env.LOG_LEVEL ?? (process.stderr.isTTY ? 'warn' : 'info');
  return pino({ name, level }, pino.destination({ dest: 2, sync: true }));
}

export interface LedgerStoreInfo {
  storeId: string;
  storeName: string | null;
  terminalCode: string;
  products: number;
  unsentEvents: number;
}

function tableExists(db: Database.Database, name: string): boolean {
  return (
    db
      .prepare('select 1 from sqlite_master where type = @type and name = @name')
      .get({ type: 'table', name }) !== undefined
  );
}

/** The store a ledger file belongs to, read without migrating or writing anything; null = no ledger / no store. */
export function inspectLedger(file: string): LedgerStoreInfo | null {
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!tableExists(db, 'till_identity')) return null;
    const identity = db
      .prepare('select store_id as storeId, terminal_code as terminalCode from till_identity where id = 1')
      .get() as { storeId: string; terminalCode: string } | undefined;
    if (!identity) return null;
    const store = tableExists(db, 'stores')
      ? (db.prepare('select name from stores where id = @id').get({ id: identity.storeId }) as
          { name: string } | undefined)
      : undefined;
    const count = (table: string, where = '') =>
      tableExists(db, table)
        ? (db.prepare(`select count(*) as n from "${table}" ${where}`).get() as { n: number }).n
        : 0;
    return {
      storeId: identity.storeId,
      storeName: store?.name ?? null,
      terminalCode: identity.terminalCode,
      products: count('products'),
      unsentEvents: count('outbox', 'where sent_at is null'),
    };
  } finally {
    db.close();
  }
}

/** The demo users present in a ledger (by phone), for printing their credentials. */
export function demoUsersIn(db: { prepare(sql: string): { get(params: object): unknown } }): DemoRole[] {
  const roles = Object.keys(DEMO_USERS) as DemoRole[];
  return roles.filter(
    (role) =>
      db.prepare('select 1 from users where phone = @phone').get({ phone: DEMO_USERS[role].phone }) !==
      undefined,
  );
}

/** `owner 0700000001 / owner1234 / PIN 1111, …` */
export function demoLoginsText(roles: readonly DemoRole[], separator = ', '): string {
  return roles
    .map((role) => {
      const u = DEMO_USERS[role];
      return `${role} ${u.phone} / ${u.password} / PIN ${u.pin}`;
    })
    .join(separator);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
