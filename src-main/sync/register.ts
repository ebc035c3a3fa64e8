// sync.register: connects this till to a cloud. The owner's (or a manager's) phone and password log in at the
// cloud once (never stored); the store is resolved (id or code; the only one when omitted); the terminal of that
// name in the store is registered again, or created (code: the next free "T0n"). Then, locally, in ONE
// transaction: a ledger holding documents of ANOTHER store is refused (LEDGER_HAS_OTHER_STORE, nothing changed
// here; checked before the cloud is touched too); otherwise the demo/old replica is replaced by the cloud's
// identity (catalog, users, store and terminal rows no document references are removed: the first pull brings
// the store's own), till_identity takes the cloud store/terminal/code/epoch and sync_state is written with
// seq_base so this registration's first event is wire seq 1.
import type Database from 'better-sqlite3';
import { TillError } from '../../src-shared/contract/errors.js';
import type { SyncRegisterInput } from '../../src-shared/contract/till-sync.js';
import { CloudClient, CloudError, type CloudStore, type RegisteredTerminal } from './cloud-client.js';
import type { SecretStore } from './secret-store.js';

export interface RegisterOutcome {
  storeId: string;
  storeName: string;
  terminalId: string;
  terminalCode: string;
  epoch: number;
}

interface CloudTerminal {
  id: string;
  store: string;
  code: string;
  name: string;
}

function tillErrorOf(error: unknown, serverUrl: string): TillError {
  if (error instanceof TillError) return error;
  if (error instanceof CloudError) {
    if (error.kind === 'offline') return new TillError('CLOUD_UNREACHABLE', error.message);
    return new TillError('CLOUD_REJECTED', `The cloud at ${serverUrl} refused: ${error.message}`, {
      details: { status: error.status, code: error.code },
    });
  }
  throw error;
}

function pickStore(stores: CloudStore[], wanted: string | undefined): CloudStore {
  if (wanted) {
    const key = wanted.trim().toLowerCase();
    const found = stores.find((s) => s.id.toLowerCase() === key || s.code.toLowerCase() === key);
    if (!found) {
      throw new TillError(
        'CLOUD_REJECTED',
        `This account has no store "${wanted}" (its stores: ${stores.map((s) => s.code).join(', ') || 'none'}).`,
      );
    }
    return found;
  }
  if (stores.length === 1 && stores[0]) return stores[0];
  throw new TillError(
    'CLOUD_REJECTED',
    stores.length === 0
      ? 'This account has no store in the cloud: create one there first.'
      : `This account has ${stores.length} stores: say which one (${stores.map((s) => s.code).join(', ')}).`,
  );
}

function nextFreeCode(taken: readonly string[]): string {
  const used = new Set(taken.map((c) => c.toUpperCase()));
  for (let n = 1; n < 1000; n++) {
    const code = `T${String(n).padStart(2, '0')}`;
    if (!used.has(code)) return code;
  }
  throw new TillError('CLOUD_REJECTED', 'The store has no free till code left.');
}

/** Documents (sales, refunds, sessions, stock movements) of a store other than `storeId`? */
export function hasOtherStoreDocuments(db: Database.Database, storeId: string): boolean {
  const row = db
    .prepare(
      `select exists (select 1 from sales where store_id <> @store)
          or exists (select 1 from refunds where store_id <> @store)
          or exists (select 1 from cash_sessions where store_id <> @store)
          or exists (select 1 from stock_movements where store_id <> @store) as other`,
    )
    .get({ store: storeId }) as { other: number };
  return row.other === 1;
}

function otherStoreError(storeName: string): TillError {
  return new TillError(
    'LEDGER_HAS_OTHER_STORE',
    `This till's data folder holds sales of another store: it cannot join "${storeName}". ` +
      'Start the till with a new data folder for this store.',
  );
}

/** Removes the replica rows no document references (the demo store, or another store's catalog). */
function clearReplica(db: Database.Database): void {
  const run = (sql: string) => db.prepare(sql).run();
  run('delete from barcodes');
  run(`update products set is_active = 0`);
  run(`delete from products where not exists (select 1 from sale_lines l where l.product_id = products.id)
       and not exists (select 1 from refund_lines l where l.product_id = products.id)`);
  run(`update products set category_id = null, unit_id = null`);
  run('delete from categories');
  run('delete from units');
  run('delete from user_lockouts');
  run('delete from users');
  run('delete from clients where not exists (select 1 from sales s where s.client_id = clients.id)');
  run('delete from stock_levels');
  run('delete from stock_adjustments');
  run(`delete from terminals where not exists (select 1 from sales s where s.terminal_id = terminals.id)
       and not exists (select 1 from cash_sessions c where c.terminal_id = terminals.id)`);
  run('delete from stores where not exists (select 1 from terminals t where t.store_id = stores.id)');
}

/**
 * Creates the terminal under the next free code. Two tills of one store registering at the same moment may
 * pick the same code: the cloud refuses the second (400 on `code`), which then takes the next one.
 */
async function createTerminal(
  client: CloudClient,
  token: string,
  storeId: string,
  name: string,
  takenCodes: readonly string[],
): Promise<RegisteredTerminal> {
  const taken = [...takenCodes];
  for (let attempt = 1; ; attempt++) {
    const code = nextFreeCode(taken);
    try {
      return (await client.request('POST', '/api/terminals/', {
        authorization: `Bearer ${token}`,
        body: { store: storeId, code, name },
      })) as RegisteredTerminal;
    } catch (error) {
      const codeTaken =
        error instanceof CloudError && error.status === 400 && /code: .*already exists/i.test(error.message);
      if (!codeTaken || attempt >= 20) throw error;
      taken.push(code);
    }
  }
}

export interface RegisterDeps {
  db: Database.Database;
  secrets: SecretStore;
  now: string;
  timeoutMs: number;
}

export async function registerTill(input: SyncRegisterInput, deps: RegisterDeps): Promise<RegisterOutcome> {
  const { db } = deps;
  const client = new CloudClient(input.serverUrl, deps.timeoutMs);
  let store: CloudStore;
  let terminal: RegisteredTerminal;
  try {
    const token = await client.login(input.phone, input.password);
    store = pickStore(await client.listAll<CloudStore>(token, '/api/stores/?page_size=500'), input.store);
    // Refuse before touching the cloud when this ledger already belongs elsewhere.
    if (hasOtherStoreDocuments(db, store.id)) throw otherStoreError(store.name);
    const terminals = (
      await client.listAll<CloudTerminal>(
        token,
        `/api/terminals/?store=${encodeURIComponent(store.id)}&page_size=500`,
      )
    ).filter((t) => t.store === store.id);
    const name = input.tillName.trim();
    const existing = terminals.find((t) => t.name.trim().toLowerCase() === name.toLowerCase());
    terminal = existing
      ? ((await client.request('POST', `/api/terminals/${existing.id}/register/`, {
          authorization: `Bearer ${token}`,
          body: {},
        })) as RegisteredTerminal)
      : await createTerminal(
          client,
          token,
          store.id,
          name,
          terminals.map((t) => t.code),
        );
    if (typeof terminal.device_secret !== 'string' || typeof terminal.epoch !== 'number')
      throw new CloudError('server', 'The cloud registered the till but sent no device secret.');
  } catch (error) {
    throw tillErrorOf(error, client.baseUrl);
  }

  const current = db.prepare('select store_id as storeId from sync_state where id = 1').get() as
    { storeId: string } | undefined;
  db.transaction(() => {
    // Checked again inside the transaction: a sale may have committed while the cloud answered.
    if (hasOtherStoreDocuments(db, store.id)) throw otherStoreError(store.name);
    const maxSeq = (db.prepare('select coalesce(max(seq), 0) as n from outbox').get() as { n: number }).n;
    let seqBase: number;
    const sameStore = current?.storeId === store.id;
    if (sameStore) {
      // Registered again for the same store: the unsent events are sent under the new epoch from seq 1.
      const firstUnsent = (
        db.prepare('select min(seq) as n from outbox where sent_at is null').get() as { n: number | null }
      ).n;
      seqBase = firstUnsent === null ? maxSeq : firstUnsent - 1;
    } else {
      // The demo/old replica goes; its events (logins of demo users…) are never sent.
      clearReplica(db);
      db.prepare('update outbox set sent_at = ? where sent_at is null').run(deps.now);
      seqBase = maxSeq;
    }
    db.prepare(
      `insert into stores (id, name, updated_at) values (?, ?, ?)
       on conflict(id) do update set name = excluded.name`,
    ).run(store.id, store.name, deps.now);
    db.prepare(
      `insert into terminals (id, store_id, code, name, updated_at) values (?, ?, ?, ?, ?)
       on conflict(id) do update set store_id = excluded.store_id, code = excluded.code, name = excluded.name`,
    ).run(terminal.id, store.id, terminal.code, terminal.name, deps.now);
    db.prepare(
      `insert into till_identity (id, store_id, terminal_id, terminal_code, epoch, created_at)
       values (1, ?, ?, ?, ?, ?)
       on conflict(id) do update set store_id = excluded.store_id, terminal_id = excluded.terminal_id,
         terminal_code = excluded.terminal_code, epoch = excluded.epoch`,
    ).run(store.id, terminal.id, terminal.code, terminal.epoch, deps.now);
    db.prepare(
      `insert into sync_state (id, server_url, store_id, store_name, terminal_id, epoch, seq_base, pull_cursor,
         pull_head, last_success_at, last_error, registered_at)
       values (1, ?, ?, ?, ?, ?, ?, 0, 0, null, null, ?)
       on conflict(id) do update set server_url = excluded.server_url, store_id = excluded.store_id,
         store_name = excluded.store_name, terminal_id = excluded.terminal_id, epoch = excluded.epoch,
         seq_base = excluded.seq_base, last_error = null, registered_at = excluded.registered_at,
         pull_cursor = case when sync_state.store_id = excluded.store_id then sync_state.pull_cursor else 0 end,
         pull_head = case when sync_state.store_id = excluded.store_id then sync_state.pull_head else 0 end`,
    ).run(client.baseUrl, store.id, store.name, terminal.id, terminal.epoch, seqBase, deps.now);
    // The secret is written last inside the transaction: if it cannot be kept, nothing local changes.
    deps.secrets.save(terminal.device_secret);
  }).immediate();
  return {
    storeId: store.id,
    storeName: store.name,
    terminalId: terminal.id,
    terminalCode: terminal.code,
    epoch: terminal.epoch,
  };
}
