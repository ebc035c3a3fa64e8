// Pull: applies one page of the store's change log to the till's replica in ONE transaction (BEGIN IMMEDIATE …
// COMMIT), the cursor included, so a crash leaves either the whole page or none of it. Every change's data is
// checked against PULL_ENTITY_DATA before the write lock is taken; the lock is held only for the writes.
// Cloud-authoritative rows are upserted; a product is never deleted (sales reference it: it goes inactive);
// the users' local `locale` column is never touched. Products are upserted (ON CONFLICT DO UPDATE keeps their
// rowid, the search index's key; INSERT OR REPLACE would not); the search index's triggers are paused inside the
// chunk and each touched product's search row is written once at its end (see SearchRows).
import type Database from 'better-sqlite3';
import {
  PULL_ENTITY_DATA,
  type PullChange,
  type PullEntity,
  type PullEntityData,
  type PullPage,
} from '../../src-shared/contract/sync.js';

/** Referenced rows first, so a page's own products find their category and unit. */
const ORDER: Record<PullEntity, number> = {
  store_settings: 0,
  tax_class: 1,
  unit: 2,
  category: 3,
  user: 4,
  client: 5,
  product: 6,
  stock_level: 7,
  approval: 8,
};

export class PullDataError extends Error {
  override readonly name = 'PullDataError';
}

type Checked = {
  [K in PullEntity]: { entity: K; op: 'upsert'; id: string; data: PullEntityData<K> };
}[PullEntity];
type CheckedChange = Checked | { entity: PullEntity; op: 'delete'; id: string; data: null };

export function checkChanges(changes: readonly PullChange[]): CheckedChange[] {
  const checked = changes.map((c): CheckedChange => {
    if (c.op === 'delete') return { entity: c.entity, op: 'delete', id: c.id, data: null };
    const parsed = PULL_ENTITY_DATA[c.entity].safeParse(c.data);
    if (!parsed.success) {
      throw new PullDataError(
        `The cloud sent a ${c.entity} (${c.id}, version ${c.version}) this till cannot read: ${parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
    }
    return { entity: c.entity, op: 'upsert', id: c.id, data: parsed.data } as Checked;
  });
  return checked
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ORDER[a.c.entity] - ORDER[b.c.entity] || a.i - b.i)
    .map((x) => x.c);
}

/** Pages written by one merge step of the search index: a few milliseconds of work. */
const MERGE_PAGES = 16;

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(db: Database.Database) {
  const s = (sql: string) => db.prepare(sql);
  return {
    store:
      s(`insert into stores (id, name, currency, prices_include_tax, cash_rounding_step, address, phone, kra_pin,
        receipt_footer, updated_at) values (@id, @name, @currency, @pricesIncludeTax, @cashRoundingStep, @address,
        @phone, @kraPin, @receiptFooter, @updatedAt)
      on conflict(id) do update set name = excluded.name, currency = excluded.currency,
        prices_include_tax = excluded.prices_include_tax, cash_rounding_step = excluded.cash_rounding_step,
        address = excluded.address, phone = excluded.phone, kra_pin = excluded.kra_pin,
        receipt_footer = excluded.receipt_footer, updated_at = excluded.updated_at`),
    taxClass: s(`insert into tax_classes (code, band, rate_bp, label) values (@code, @band, @rateBp, @label)
      on conflict(code) do update set band = excluded.band, rate_bp = excluded.rate_bp, label = excluded.label`),
    unit: s(`insert into units (id, name, symbol, allows_fraction, updated_at)
        values (@id, @name, @symbol, @allowsFraction, @updatedAt)
      on conflict(id) do update set name = excluded.name, symbol = excluded.symbol,
        allows_fraction = excluded.allows_fraction, updated_at = excluded.updated_at`),
    unitPlaceholder: s(
      `insert into units (id, name, symbol, updated_at) values (?, '…', '…', '') on conflict do nothing`,
    ),
    unitDelete: [
      s('update products set unit_id = null where unit_id = ?'),
      s('delete from units where id = ?'),
    ],
    category:
      s(`insert into categories (id, name, parent_id, updated_at) values (@id, @name, @parentId, @updatedAt)
      on conflict(id) do update set name = excluded.name, parent_id = excluded.parent_id,
        updated_at = excluded.updated_at`),
    categoryPlaceholder: s(
      `insert into categories (id, name, updated_at) values (?, '…', '') on conflict do nothing`,
    ),
    categoryDelete: [
      s('update products set category_id = null where category_id = ?'),
      s('delete from categories where id = ?'),
    ],
    userPhoneFree: s(`update users set phone = phone || '~' || id where phone = ? and id <> ?`),
    user: s(`insert into users (id, store_id, name, phone, role, password_hash, pin_hash, is_active, updated_at)
        values (@id, @storeId, @name, @phone, @role, @passwordHash, @pinHash, @isActive, @updatedAt)
      on conflict(id) do update set store_id = excluded.store_id, name = excluded.name, phone = excluded.phone,
        role = excluded.role, password_hash = excluded.password_hash, pin_hash = excluded.pin_hash,
        is_active = excluded.is_active, updated_at = excluded.updated_at`),
    userDelete: s('update users set is_active = 0 where id = ?'),
    client: s(`insert into clients (id, name, phone, email, kra_pin, credit_limit, credit_balance, updated_at)
        values (@id, @name, @phone, @email, @kraPin, @creditLimit, @creditBalance, @updatedAt)
      on conflict(id) do update set name = excluded.name, phone = excluded.phone, email = excluded.email,
        kra_pin = excluded.kra_pin, credit_limit = excluded.credit_limit, credit_balance = excluded.credit_balance,
        updated_at = excluded.updated_at`),
    clientDelete: s(
      'delete from clients where id = @id and not exists (select 1 from sales where client_id = @id)',
    ),
    productSkuFree: s(`update products set sku = sku || '~' || id where sku = ? and id <> ? returning id`),
    productSearchable: s('select name, sku from products where id = ?'),
    searchPaused: s('update search_index_control set paused = ? where id = 1'),
    searchRowDelete: s('delete from products_fts where rowid = (select rowid from products where id = ?)'),
    /** One bounded step of merging the search index's segments (automerge is off: drizzle/sqlite/0005). */
    searchMerge: s(`insert into products_fts (products_fts, rank) values ('merge', ${String(MERGE_PAGES)})`),
    searchRowInsert: s(`insert into products_fts (rowid, name, sku, barcodes)
      select p.rowid, p.name, p.sku, coalesce((select group_concat(code, ' ') from barcodes where product_id = p.id), '')
      from products p where p.id = ?`),
    product:
      s(`insert into products (id, sku, name, category_id, unit_id, price, cost, tax_class, reorder_level,
        track_stock, is_active, sold_by_weight, plu, updated_at)
        values (@id, @sku, @name, @categoryId, @unitId, @price, @cost, @taxClass, @reorderLevel, @trackStock,
        @isActive, @soldByWeight, @plu, @updatedAt)
      on conflict(id) do update set sku = excluded.sku, name = excluded.name, category_id = excluded.category_id,
        unit_id = excluded.unit_id, price = excluded.price, cost = excluded.cost, tax_class = excluded.tax_class,
        reorder_level = excluded.reorder_level, track_stock = excluded.track_stock, is_active = excluded.is_active,
        sold_by_weight = excluded.sold_by_weight, plu = excluded.plu, updated_at = excluded.updated_at`),
    productBarcodes: s('select code from barcodes where product_id = ? order by code'),
    barcodesOfProductDelete: s('delete from barcodes where product_id = ?'),
    barcodeDelete: s('delete from barcodes where code = ? returning product_id as productId'),
    barcodeInsert: s('insert into barcodes (code, product_id) values (?, ?)'),
    productDelete: s(`update products set is_active = 0 where id = ?`),
    stockLevel:
      s(`insert into stock_levels (product_id, qty_milli, updated_at) values (@productId, @qtyMilli, @updatedAt)
      on conflict(product_id) do update set qty_milli = excluded.qty_milli, updated_at = excluded.updated_at`),
    stockLevelDelete: s('delete from stock_levels where product_id = ?'),
    approval:
      s(`insert into stock_adjustments (id, store_id, product_id, qty_delta_milli, reason, note, status,
        requested_by, requested_at, decided_by, decided_at, decision_note, movement_id)
        values (@id, @storeId, @productId, @qtyDeltaMilli, @reason, @note, @status, @requestedBy, @requestedAt,
        @decidedBy, @decidedAt, @decisionNote, @movementId)
      on conflict(id) do update set product_id = excluded.product_id, qty_delta_milli = excluded.qty_delta_milli,
        reason = excluded.reason, note = excluded.note, status = excluded.status, decided_by = excluded.decided_by,
        decided_at = excluded.decided_at, decision_note = excluded.decision_note, movement_id = excluded.movement_id`),
    approvalDelete: s(`delete from stock_adjustments where id = ? and status <> 'approved'`),
    cursor: s('update sync_state set pull_cursor = ?, pull_head = ? where id = 1'),
    settle: s(
      'update stock_movements set pending = 0 where pending = 1 and acked_version is not null and acked_version <= ?',
    ),
  };
}

const flag = (v: boolean) => (v ? 1 : 0);

/**
 * The products of a chunk whose search row (products_fts: name, SKU, barcodes) must be written at its end, each
 * → whether it had one before the chunk (then it is deleted first). The search triggers are paused inside a pull
 * chunk (drizzle/sqlite/0005) so that a product and its barcodes make one search row write, not one each.
 */
type SearchRows = Map<string, boolean>;

function touchSearchRow(rows: SearchRows, productId: string, existed: boolean): void {
  if (!rows.has(productId)) rows.set(productId, existed);
}

function applyOne(st: Statements, storeId: string, c: CheckedChange, search: SearchRows): void {
  if (c.op === 'delete') {
    switch (c.entity) {
      case 'product':
        st.productDelete.run(c.id);
        return;
      case 'category':
        for (const q of st.categoryDelete) q.run(c.id);
        return;
      case 'unit':
        for (const q of st.unitDelete) q.run(c.id);
        return;
      case 'user':
        st.userDelete.run(c.id);
        return;
      case 'client':
        st.clientDelete.run({ id: c.id });
        return;
      case 'stock_level':
        st.stockLevelDelete.run(c.id);
        return;
      case 'approval':
        st.approvalDelete.run(c.id);
        return;
      case 'tax_class':
      case 'store_settings':
        // Sales and receipts need them: a deleted tax class or store is kept as last seen.
        return;
    }
  }
  switch (c.entity) {
    case 'store_settings': {
      const d = c.data;
      st.store.run({ ...d, pricesIncludeTax: flag(d.pricesIncludeTax) });
      return;
    }
    case 'tax_class':
      st.taxClass.run(c.data);
      return;
    case 'unit':
      st.unit.run({ ...c.data, allowsFraction: flag(c.data.allowsFraction) });
      return;
    case 'category':
      st.category.run(c.data);
      return;
    case 'user': {
      const d = c.data;
      st.userPhoneFree.run(d.phone, d.id);
      st.user.run({ ...d, isActive: flag(d.isActive) });
      return;
    }
    case 'client':
      st.client.run(c.data);
      return;
    case 'product': {
      const { barcodes, ...d } = c.data;
      // A category or unit not pulled yet (a later version) gets a placeholder its own change overwrites.
      if (d.categoryId) st.categoryPlaceholder.run(d.categoryId);
      if (d.unitId) st.unitPlaceholder.run(d.unitId);
      for (const other of st.productSkuFree.all(d.sku, d.id) as { id: string }[]) {
        touchSearchRow(search, other.id, true);
      }
      const before = st.productSearchable.get(d.id) as { name: string; sku: string } | undefined;
      st.product.run({
        ...d,
        trackStock: flag(d.trackStock),
        isActive: flag(d.isActive),
        soldByWeight: flag(d.soldByWeight),
      });
      const wanted = [...new Set(barcodes)].sort();
      const have = (st.productBarcodes.all(d.id) as { code: string }[]).map((r) => r.code);
      const barcodesChanged = wanted.join('\n') !== have.join('\n');
      if (barcodesChanged) {
        st.barcodesOfProductDelete.run(d.id);
        for (const code of wanted) {
          // A code moving here from another product changes that product's search row too.
          const from = st.barcodeDelete.get(code) as { productId: string } | undefined;
          if (from && from.productId !== d.id) touchSearchRow(search, from.productId, true);
          st.barcodeInsert.run(code, d.id);
        }
      }
      if (!before || before.name !== d.name || before.sku !== d.sku || barcodesChanged) {
        touchSearchRow(search, d.id, before !== undefined);
      }
      return;
    }
    case 'stock_level':
      st.stockLevel.run(c.data);
      return;
    case 'approval':
      st.approval.run({ ...c.data, storeId });
      return;
  }
}

export interface ApplyOutcome {
  applied: number;
  /** Milliseconds from BEGIN IMMEDIATE (lock taken) to the end of COMMIT. */
  holdMs: number;
}

/**
 * Applies `page` and moves the cursor to page.nextCursor in one transaction; movements acknowledged at a
 * version ≤ nextCursor stop being pending in the same transaction (the pulled levels now count them).
 */
export function applyPullPage(
  db: Database.Database,
  storeId: string,
  page: PullPage,
  /** Fault injection (tests): called halfway through the page's writes, inside the transaction. */
  midway?: () => void,
): ApplyOutcome {
  const changes = checkChanges(page.changes);
  let st = cache.get(db);
  if (!st) {
    st = prepare(db);
    cache.set(db, st);
  }
  db.exec('BEGIN IMMEDIATE');
  const started = performance.now();
  try {
    st.searchPaused.run(1);
    const search: SearchRows = new Map();
    const half = Math.floor(changes.length / 2);
    changes.forEach((c, i) => {
      if (i === half) midway?.();
      applyOne(st, storeId, c, search);
    });
    for (const [productId, existed] of search) {
      if (existed) st.searchRowDelete.run(productId);
      st.searchRowInsert.run(productId);
    }
    if (search.size > 0) st.searchMerge.run();
    st.searchPaused.run(0);
    st.cursor.run(page.nextCursor, Math.max(page.headVersion, page.nextCursor));
    st.settle.run(page.nextCursor);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return { applied: changes.length, holdMs: performance.now() - started };
}

/**
 * Merges the search index's segments in short transactions of one bounded step each (a pull chunk leaves its
 * products in a segment of their own; too many make every search slower), until a step finds nothing to merge
 * or `maxSteps` ran. `beforeStep` runs before each step's lock (the worker lets announced sales go first).
 * Returns the steps that merged something.
 */
export function mergeSearchIndex(
  db: Database.Database,
  maxSteps: number,
  /** Runs each step's transaction (the worker marks it held: see WriteIntent). */
  run: (step: () => void) => void = (step) => {
    step();
  },
  beforeStep?: () => void,
): number {
  let st = cache.get(db);
  if (!st) {
    st = prepare(db);
    cache.set(db, st);
  }
  const changes = db.prepare('select total_changes() as n');
  let merged = 0;
  while (merged < maxSteps) {
    beforeStep?.();
    const before = (changes.get() as { n: number }).n;
    run(() => db.transaction(() => st.searchMerge.run()).immediate());
    // FTS5's documented test: a step that changed fewer than two rows found nothing to merge.
    if ((changes.get() as { n: number }).n - before < 2) break;
    merged++;
  }
  return merged;
}
