// GET /api/sync/pull/ (DESIGN.md "Sync" → Pull): a page of a store's change log, read in ONE consistent
// snapshot — the changes after the till's cursor in version order, each with the entity's data as of that
// snapshot in the till's shape (src-shared/contract/sync.ts PULL_ENTITY_DATA). An entity that no longer
// exists, or that the store no longer sees (a user who left it), is sent as a delete.
//
// A store whose log was never initialised gets it backfilled first, in one transaction under its locked
// counter row: every entity the store sees, with consecutive versions after the head.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PullChange, PullEntity, PullEntityData, PullPage } from '../../src-shared/contract/sync.js';
import { PULL_ENTITIES } from '../../src-shared/contract/sync.js';
import { TAX_CLASS_CODES, TAX_CLASSES, isTaxClassCode } from '../../src-shared/domain/tax.js';
import type { Db } from '../db/client.js';
import { barcodes, categories, products, units } from '../db/schema/catalog.js';
import { clients } from '../db/schema/parties.js';
import { stockAdjustments, stockLevels } from '../db/schema/stock.js';
import { stores } from '../db/schema/stores.js';
import { syncChanges, syncStoreVersions } from '../db/schema/sync.js';
import { storeMembers, users } from '../db/schema/users.js';
import { withTransaction, type Tx } from '../db/transaction.js';
import { plantedBug } from '../planted-bug.js';
import { lockStoreCounters } from './sync-changes.js';

const iso = (d: Date) => d.toISOString();

/** Whether the store's log holds every entity it sees. */
async function isInitialized(db: Db, storeId: string): Promise<boolean> {
  const [row] = await db
    .select({ initialized: syncStoreVersions.initialized })
    .from(syncStoreVersions)
    .where(eq(syncStoreVersions.storeId, storeId));
  return row?.initialized ?? false;
}

/**
 * Backfills the store's change log with every entity it sees (once): under the locked counter row, one
 * INSERT … SELECT gives them consecutive versions after the head. READ COMMITTED: the SELECT reads the latest
 * committed rows without locking them (a sale's stock update never waits behind it); a writer that changes
 * an entity after that read takes the counter lock after this commit, so its version comes later.
 */
export async function initializeStoreLog(db: Db, storeId: string): Promise<void> {
  if (await isInitialized(db, storeId)) return;
  await withTransaction(
    db,
    async (tx) => {
      const counter = (await lockStoreCounters(tx, [storeId])).get(storeId);
      if (!counter) throw new Error(`sync counter of store ${storeId} missing after upsert`);
      if (counter.initialized) return;
      const taxClasses = sql.join(
        TAX_CLASS_CODES.map((code) => sql`select ${code} as id`),
        sql` union all `,
      );
      const now = new Date();
      // The order a first pull applies them in: what others refer to first.
      await tx.execute(sql`
        insert into ${syncChanges} (store_id, entity, entity_id, version, op, changed_at)
        select ${storeId}, e.entity, e.id, ${counter.version} + row_number() over (order by e.ord, e.id),
               'upsert', ${now}
        from (
          select 1 as ord, 'store_settings' as entity, s.id as id from ${stores} s where s.id = ${storeId}
          union all select 2, 'tax_class', t.id from (${taxClasses}) t
          union all select 3, 'unit', u.id from ${units} u
          union all select 4, 'category', c.id from ${categories} c
          union all select 5, 'user', us.id from ${users} us
            where us.role = 'owner'
               or us.id in (select m.user_id from ${storeMembers} m where m.store_id = ${storeId})
          union all select 6, 'client', cl.id from ${clients} cl
          union all select 7, 'product', p.id from ${products} p
          union all select 8, 'stock_level', l.product_id from ${stockLevels} l where l.store_id = ${storeId}
          union all select 9, 'approval', a.id from ${stockAdjustments} a where a.store_id = ${storeId}
        ) e
        on duplicate key update version = values(version), op = values(op), changed_at = values(changed_at)`);
      const [head] = await tx
        .select({ version: sql`coalesce(max(${syncChanges.version}), 0)`.mapWith(Number) })
        .from(syncChanges)
        .where(eq(syncChanges.storeId, storeId));
      await tx
        .update(syncStoreVersions)
        .set({
          version: Math.max(counter.version, head?.version ?? 0),
          initialized: true,
          updatedAt: now,
        })
        .where(eq(syncStoreVersions.storeId, storeId));
    },
    { isolationLevel: 'read committed' },
  );
}

type Loaded = Map<string, Record<string, unknown>>;

/** A DATETIME(3) as drizzle's raw queries return it ("2026-11-26 03:14:49.726", UTC) → ISO 8601. */
const isoOf = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : `${String(v).replace(' ', 'T')}Z`;

/** Rows of a raw SELECT in `tx` (column name → value as mysql2 gives it). */
async function rowsOf(tx: Tx, query: SQL): Promise<Record<string, unknown>[]> {
  const [rows] = (await tx.execute(query)) as unknown as [Record<string, unknown>[]];
  return rows;
}

async function loadCategories(tx: Tx, ids: string[]): Promise<Loaded> {
  const rows = await tx.select().from(categories).where(inArray(categories.id, ids));
  return new Map(
    rows.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        parentId: c.parentId,
        updatedAt: iso(c.updatedAt),
      } satisfies PullEntityData<'category'>,
    ]),
  );
}

async function loadUnits(tx: Tx, ids: string[]): Promise<Loaded> {
  const rows = await tx.select().from(units).where(inArray(units.id, ids));
  return new Map(
    rows.map((u) => [
      u.id,
      {
        id: u.id,
        name: u.name,
        symbol: u.symbol,
        allowsFraction: u.allowsFraction,
        updatedAt: iso(u.updatedAt),
      } satisfies PullEntityData<'unit'>,
    ]),
  );
}

function loadTaxClasses(ids: string[]): Loaded {
  const found: Loaded = new Map();
  for (const code of ids) {
    if (!isTaxClassCode(code)) continue;
    const t = TAX_CLASSES[code];
    found.set(code, {
      code: t.code,
      band: t.band,
      rateBp: t.rateBp,
      label: t.label,
    } satisfies PullEntityData<'tax_class'>);
  }
  return found;
}

/** Owners (every store) and members of this store; anyone else is not visible to it. */
async function loadUsers(tx: Tx, storeId: string, ids: string[]): Promise<Loaded> {
  const [rows, members] = await Promise.all([
    tx.select().from(users).where(inArray(users.id, ids)),
    tx
      .select({ userId: storeMembers.userId })
      .from(storeMembers)
      .where(and(eq(storeMembers.storeId, storeId), inArray(storeMembers.userId, ids))),
  ]);
  const member = new Set(members.map((m) => m.userId));
  const found: Loaded = new Map();
  for (const u of rows) {
    if (u.role !== 'owner' && !member.has(u.id)) continue;
    found.set(u.id, {
      id: u.id,
      storeId: u.role === 'owner' ? null : storeId,
      name: u.name,
      phone: u.phoneNumber,
      role: u.role,
      passwordHash: u.passwordHash,
      pinHash: u.pinHash,
      isActive: u.isActive,
      updatedAt: iso(u.updatedAt),
    } satisfies PullEntityData<'user'>);
  }
  return found;
}

async function loadClients(tx: Tx, ids: string[]): Promise<Loaded> {
  const rows = await tx.select().from(clients).where(inArray(clients.id, ids));
  return new Map(
    rows.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        phone: c.phone,
        email: c.email,
        kraPin: c.kraPin,
        creditLimit: c.creditLimit,
        creditBalance: c.balance,
        updatedAt: iso(c.updatedAt),
      } satisfies PullEntityData<'client'>,
    ]),
  );
}

async function loadApprovals(tx: Tx, storeId: string, ids: string[]): Promise<Loaded> {
  const rows = await tx
    .select()
    .from(stockAdjustments)
    .where(and(eq(stockAdjustments.storeId, storeId), inArray(stockAdjustments.id, ids)));
  return new Map(
    rows.map((a) => [
      a.id,
      {
        id: a.id,
        productId: a.productId,
        qtyDeltaMilli: a.quantity,
        reason: a.reason,
        // The cloud keeps no separate note or decision note (its reason is the whole text).
        note: null,
        status: a.status,
        requestedBy: a.requestedBy,
        requestedAt: iso(a.createdAt),
        decidedBy: a.decidedBy,
        decidedAt: a.decidedAt ? iso(a.decidedAt) : null,
        decisionNote: null,
        movementId: a.movementId,
      } satisfies PullEntityData<'approval'>,
    ]),
  );
}

async function loadStoreSettings(tx: Tx, storeId: string, ids: string[]): Promise<Loaded> {
  if (!ids.includes(storeId)) return new Map();
  const [s] = await tx.select().from(stores).where(eq(stores.id, storeId));
  if (!s) return new Map();
  return new Map([
    [
      s.id,
      {
        id: s.id,
        name: s.name,
        currency: s.currency,
        pricesIncludeTax: s.pricesIncludeTax,
        cashRoundingStep: s.cashRoundingStep,
        address: s.address,
        phone: s.phone,
        kraPin: s.kraPin,
        receiptFooter: s.receiptFooter,
        updatedAt: iso(s.updatedAt),
      } satisfies PullEntityData<'store_settings'>,
    ],
  ]);
}

/** The entities a page reads with its log rows in one query (the bulk of a first pull). */
type BulkEntity = 'product' | 'stock_level';
const isBulk = (e: PullEntity): e is BulkEntity => e === 'product' || e === 'stock_level';

function load(
  tx: Tx,
  storeId: string,
  entity: Exclude<PullEntity, BulkEntity>,
  ids: string[],
): Promise<Loaded> | Loaded {
  switch (entity) {
    case 'category':
      return loadCategories(tx, ids);
    case 'unit':
      return loadUnits(tx, ids);
    case 'tax_class':
      return loadTaxClasses(ids);
    case 'user':
      return loadUsers(tx, storeId, ids);
    case 'client':
      return loadClients(tx, ids);
    case 'approval':
      return loadApprovals(tx, storeId, ids);
    case 'store_settings':
      return loadStoreSettings(tx, storeId, ids);
  }
}

interface LogRow {
  version: number;
  entity: string;
  entityId: string;
  op: string;
}

/**
 * The store's head and its log rows after `after` (at most `limit`), in version order, each product or stock
 * level that still exists with its data: ONE query — the page of the log joined with products (and their
 * barcodes, primary first: a product with k barcodes comes as k consecutive rows) and the store's levels.
 */
async function readLogWithBulk(
  tx: Tx,
  storeId: string,
  after: number,
  limit: number,
): Promise<{ head: number; rows: LogRow[]; bulk: Map<number, Record<string, unknown>> }> {
  const found = await rowsOf(
    tx,
    sql`select (select v.version from ${syncStoreVersions} v where v.store_id = ${storeId}) as head,
               c.version, c.entity, c.entity_id, c.op,
               p.sku, p.name, p.category_id, p.unit_id, p.price, p.cost, p.tax_class, p.reorder_level,
               p.track_stock, p.is_active, p.sold_by_weight, p.plu, p.updated_at as p_updated_at,
               b.code, l.quantity, l.updated_at as l_updated_at
        from (select store_id, version, entity, entity_id, op from ${syncChanges}
              where store_id = ${storeId} and version > ${after}
              order by version limit ${limit}) c
        left join ${products} p on c.entity = 'product' and c.op = 'upsert' and p.id = c.entity_id
        left join ${barcodes} b on b.product_id = p.id
        left join ${stockLevels} l on c.entity = 'stock_level' and c.op = 'upsert'
                                  and l.store_id = c.store_id and l.product_id = c.entity_id
        order by c.version, b.is_primary desc, b.code`,
  );
  let head: number;
  if (found[0]) head = Number(found[0].head ?? 0);
  else {
    const [counter] = await rowsOf(
      tx,
      sql`select version from ${syncStoreVersions} where store_id = ${storeId}`,
    );
    head = Number(counter?.version ?? 0);
  }
  const rows: LogRow[] = [];
  const bulk = new Map<number, Record<string, unknown>>();
  let barcodesOfLast: string[] | undefined;
  for (const r of found) {
    const version = Number(r.version);
    if (rows.at(-1)?.version === version) {
      // Another barcode of the same product.
      if (r.code !== null) barcodesOfLast?.push(r.code as string);
      continue;
    }
    const entityId = r.entity_id as string;
    rows.push({ version, entity: r.entity as string, entityId, op: r.op as string });
    barcodesOfLast = undefined;
    if (r.entity === 'product' && r.sku !== null) {
      barcodesOfLast = r.code === null ? [] : [r.code as string];
      bulk.set(version, {
        id: entityId,
        sku: r.sku as string,
        name: r.name as string,
        categoryId: r.category_id as string | null,
        unitId: r.unit_id as string | null,
        price: Number(r.price),
        cost: Number(r.cost),
        taxClass: r.tax_class as PullEntityData<'product'>['taxClass'],
        reorderLevel: Number(r.reorder_level),
        trackStock: Number(r.track_stock) === 1,
        isActive: Number(r.is_active) === 1,
        soldByWeight: Number(r.sold_by_weight) === 1,
        plu: r.plu as string | null,
        barcodes: barcodesOfLast,
        updatedAt: isoOf(r.p_updated_at),
      } satisfies PullEntityData<'product'>);
    } else if (r.entity === 'stock_level' && r.quantity !== null) {
      bulk.set(version, {
        productId: entityId,
        qtyMilli: Number(r.quantity),
        updatedAt: isoOf(r.l_updated_at),
      } satisfies PullEntityData<'stock_level'>);
    }
  }
  return { head, rows, bulk };
}

const isPullEntity = (e: string): e is PullEntity => (PULL_ENTITIES as readonly string[]).includes(e);

/**
 * One page of the store's changes after `cursor` (at most `limit`), read in one consistent snapshot of a
 * read-only REPEATABLE READ transaction: the head, the log rows and every entity's data are as of the same
 * instant.
 */
export async function readPullPage(
  db: Db,
  storeId: string,
  cursor: number,
  limit: number,
): Promise<PullPage> {
  return db.transaction(
    async (tx) => {
      const after = cursor + (plantedBug('cursor-out-of-order') && cursor > 0 ? 1 : 0);
      const { head: headVersion, rows, bulk } = await readLogWithBulk(tx, storeId, after, limit + 1);
      const hasMore = rows.length > limit;
      const page = hasMore ? rows.slice(0, limit) : rows;

      const wanted = new Map<Exclude<PullEntity, BulkEntity>, string[]>();
      for (const r of page) {
        if (r.op !== 'upsert' || !isPullEntity(r.entity) || isBulk(r.entity)) continue;
        const list = wanted.get(r.entity);
        if (list) list.push(r.entityId);
        else wanted.set(r.entity, [r.entityId]);
      }
      const loaded = new Map<PullEntity, Loaded>();
      for (const [entity, ids] of wanted) loaded.set(entity, await load(tx, storeId, entity, ids));

      const changes: PullChange[] = [];
      for (const r of page) {
        if (!isPullEntity(r.entity)) continue;
        let data: Record<string, unknown> | undefined;
        if (r.op === 'upsert') {
          data = isBulk(r.entity) ? bulk.get(r.version) : loaded.get(r.entity)?.get(r.entityId);
        }
        changes.push(
          data
            ? { version: r.version, entity: r.entity, op: 'upsert', id: r.entityId, data }
            : { version: r.version, entity: r.entity, op: 'delete', id: r.entityId, data: null },
        );
      }
      return {
        changes,
        nextCursor: page.at(-1)?.version ?? cursor,
        hasMore,
        headVersion,
        serverTime: new Date().toISOString(),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The page a till of `storeId` asked for, its store's log initialised first if it never was. */
export async function pullChanges(db: Db, storeId: string, cursor: number, limit: number): Promise<PullPage> {
  await initializeStoreLog(db, storeId);
  return readPullPage(db, storeId, cursor, limit);
}
