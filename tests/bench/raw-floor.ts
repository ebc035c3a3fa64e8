// The floor for sale.complete: the same rows a 10-line, 2-tender sale writes (receipt counter, header,
// lines, payments, stock movements, outbox event with the whole document, cart deleted), in one
// BEGIN IMMEDIATE transaction with raw better-sqlite3 prepared statements and no API around it.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

const LINE_COLUMNS = [
  'id',
  'sale_id',
  'line_no',
  'product_id',
  'sku',
  'name',
  'qty_milli',
  'list_unit_price',
  'unit_price',
  'overridden',
  'override_reason',
  'override_approved_by',
  'extended',
  'line_discount',
  'cart_discount_share',
  'discount_total',
  'tax_class',
  'band',
  'rate_bp',
  'net',
  'tax',
  'gross',
] as const;
const MOVEMENT_COLUMNS = [
  'id',
  'store_id',
  'product_id',
  'qty_delta_milli',
  'reason',
  'reference_type',
  'reference_id',
  'user_id',
  'created_at',
  'acked_at',
] as const;
const HEADER_COLUMNS = [
  'id',
  'receipt_number',
  'store_id',
  'terminal_id',
  'session_id',
  'business_date',
  'user_id',
  'total',
  'net_total',
  'tax_total',
  'due',
  'paid_total',
  'change_given',
  'started_at',
  'completed_at',
] as const;
const PAYMENT_COLUMNS = ['id', 'sale_id', 'method', 'amount', 'reference', 'created_at'] as const;

/** The outbox payload as the real event carries it: rows as objects with their field names. */
function documentOf(
  header: readonly unknown[],
  lines: readonly (readonly unknown[])[],
  payments: readonly (readonly unknown[])[],
  movements: readonly (readonly unknown[])[],
): unknown {
  const named = (columns: readonly string[], row: readonly unknown[]) =>
    Object.fromEntries(
      columns.map((c, i) => [c.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase()), row[i]]),
    );
  return {
    sale: named(HEADER_COLUMNS, header),
    lines: lines.map((l) => named(LINE_COLUMNS, l)),
    payments: payments.map((p) => named(PAYMENT_COLUMNS, p)),
    movements: movements.map((m) => named(MOVEMENT_COLUMNS, m)),
  };
}

function multiRowInsert(
  db: Database.Database,
  table: string,
  columns: readonly string[],
  rows: number,
): Database.Statement {
  const one = `(${columns.map(() => '?').join(', ')})`;
  return db.prepare(
    `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => one).join(', ')}`,
  );
}

export interface RawFloor {
  /** Untimed set-up of one floor sale (its cart row, with the given cart state JSON, and prebuilt rows). */
  prepare(cartState: string): () => void;
}

/**
 * Builds the floor on `db`. `prepare()` readies one sale and returns the timed part: the one transaction.
 * The bench interleaves floor and API sales so both meet the same disk and WAL conditions.
 */
export function rawCompleteFloor(db: Database.Database): RawFloor {
  const ident = db.prepare('select store_id, terminal_id, terminal_code, epoch from till_identity').get() as {
    store_id: string;
    terminal_id: string;
    terminal_code: string;
    epoch: number;
  };
  const session = db
    .prepare("select id, business_date, opened_by from cash_sessions where status = 'open'")
    .get() as {
    id: string;
    business_date: string;
    opened_by: string;
  };
  const productRows = db
    .prepare('select id, sku, name, price, tax_class from products where is_active = 1 limit 200')
    .all() as {
    id: string;
    sku: string;
    name: string;
    price: number;
    tax_class: string;
  }[];

  const nextNumber = db.prepare(
    "insert into document_counters (kind, last) values ('sale', 1) on conflict (kind) do update set last = last + 1 returning last",
  );
  const insertHeader = db.prepare(
    `insert into sales (id, receipt_number, store_id, terminal_id, session_id, business_date, user_id, client_id, currency,
      prices_include_tax, subtotal, line_discount_total, cart_discount_total, discount_total, net_total, tax_total,
      rounding_adjustment, total, paid_total, change_given, started_at, completed_at)
     values (?, ?, ?, ?, ?, ?, ?, null, 'KES', 1, ?, 0, 0, 0, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const insertLines = multiRowInsert(db, 'sale_lines', LINE_COLUMNS, 10);
  const insertPayments = multiRowInsert(db, 'sale_payments', PAYMENT_COLUMNS, 2);
  const insertMovements = multiRowInsert(db, 'stock_movements', MOVEMENT_COLUMNS, 10);
  const maxSeq = db.prepare('select max(seq) as max from outbox');
  const insertOutbox = db.prepare(
    'insert into outbox (seq, epoch, event_id, type, payload, created_at) values (?, ?, ?, ?, ?, ?)',
  );
  const insertCart = db.prepare(
    "insert into carts (id, terminal_id, session_id, user_id, status, state, created_at, updated_at) values (?, ?, ?, ?, 'open', ?, ?, ?)",
  );
  const deleteCart = db.prepare('delete from carts where id = ?');

  let n = 0;
  return {
    prepare(cartState) {
      n++;
      const saleId = randomUUID();
      const now = new Date().toISOString();
      insertCart.run(saleId, ident.terminal_id, session.id, session.opened_by, cartState, now, now);
      const lines = Array.from({ length: 10 }, (_, i) => {
        const p = productRows[(n * 10 + i) % productRows.length]!;
        const tax = Math.round((p.price * 1600) / 11600);
        return [
          randomUUID(),
          saleId,
          i + 1,
          p.id,
          p.sku,
          p.name,
          1000,
          p.price,
          p.price,
          0,
          null,
          null,
          p.price,
          0,
          0,
          0,
          p.tax_class,
          'B',
          1600,
          p.price - tax,
          tax,
          p.price,
        ] as const;
      });
      const total = lines.reduce((sum, l) => sum + l[21], 0);
      const tax = lines.reduce((sum, l) => sum + l[20], 0);
      const payments = [
        [randomUUID(), saleId, 'MPESA', Math.floor(total / 2), 'QK7BENCH01', now],
        [randomUUID(), saleId, 'CASH', total - Math.floor(total / 2) + 1000, null, now],
      ] as const;
      const movements = lines.map(
        (l) =>
          [
            randomUUID(),
            ident.store_id,
            l[3],
            -1000,
            'sale',
            'sale',
            saleId,
            session.opened_by,
            now,
            null,
          ] as const,
      );
      return () => {
        db.transaction(() => {
          const number = (nextNumber.get() as { last: number }).last;
          const receipt = `${ident.terminal_code}-${String(number).padStart(6, '0')}`;
          const header = [
            saleId,
            receipt,
            ident.store_id,
            ident.terminal_id,
            session.id,
            session.business_date,
            session.opened_by,
            total,
            total - tax,
            tax,
            total,
            total + 1000,
            1000,
            now,
            now,
          ] as const;
          insertHeader.run(...header);
          insertLines.run(...lines.flat());
          insertPayments.run(...payments.flat());
          insertMovements.run(...movements.flat());
          const seq = ((maxSeq.get() as { max: number | null }).max ?? 0) + 1;
          insertOutbox.run(
            seq,
            ident.epoch,
            saleId,
            'sale.completed',
            JSON.stringify(documentOf(header, lines, payments, movements)),
            now,
          );
          deleteCart.run(saleId);
        }).immediate();
      };
    },
  };
}
