// Reads the two sides the invariants compare: a till's ledger.sqlite (read-only, after the till stopped) and
// the cloud's MySQL database, into the plain shapes of invariants.ts.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database as CloudDatabase } from '../../src-server/db/client.js';
import type { CloudSnapshot, TillSnapshot } from './invariants.js';

type Row = Record<string, unknown>;
const str = (v: unknown) => String(v);
const num = (v: unknown) => Number(v);

export function readTillSnapshot(dataDir: string, name: string, printedReceipts: string[]): TillSnapshot {
  const db = new Database(join(dataDir, 'ledger.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const all = (query: string) => db.prepare(query).all() as Row[];
    const one = (query: string) => db.prepare(query).get() as Row | undefined;
    const state = one(
      'select terminal_id, epoch, seq_base, pull_cursor, pull_head from sync_state where id = 1',
    );
    const identity = one('select terminal_id from till_identity where id = 1');
    const seqBase = num(state?.seq_base ?? 0);
    const maxSeq = num(one('select coalesce(max(seq), 0) as n from outbox')?.n ?? 0);
    const onHand = new Map<string, number>();
    for (const r of all(
      `select p.id as id,
              coalesce((select qty_milli from stock_levels l where l.product_id = p.id), 0)
            + coalesce((select sum(qty_delta_milli) from stock_movements m where m.product_id = p.id and m.pending = 1), 0) as q
         from products p where p.track_stock = 1`,
    )) {
      onHand.set(str(r.id), num(r.q));
    }
    return {
      name,
      terminalId: str(state?.terminal_id ?? identity?.terminal_id ?? ''),
      sales: all('select id, receipt_number, total from sales').map((r) => ({
        id: str(r.id),
        receiptNumber: str(r.receipt_number),
        total: num(r.total),
      })),
      salePayments: all('select id, sale_id, method, amount from sale_payments').map((r) => ({
        id: str(r.id),
        parentId: str(r.sale_id),
        method: str(r.method),
        amount: num(r.amount),
      })),
      voidedSaleIds: all('select sale_id from sale_voids').map((r) => str(r.sale_id)),
      refunds: all('select id, refund_number, total from refunds').map((r) => ({
        id: str(r.id),
        refundNumber: str(r.refund_number),
        total: num(r.total),
      })),
      refundPayments: all('select id, refund_id, method, amount from refund_payments').map((r) => ({
        id: str(r.id),
        parentId: str(r.refund_id),
        method: str(r.method),
        amount: num(r.amount),
      })),
      sessions: all('select id, status from cash_sessions').map((r) => ({
        id: str(r.id),
        closed: r.status === 'closed',
      })),
      cashMovements: all('select id, kind, amount from cash_movements').map((r) => ({
        id: str(r.id),
        kind: str(r.kind),
        amount: num(r.amount),
      })),
      movements: all(
        // A void's movements reference the void at the till and the voided sale in the cloud: compare by sale.
        `select coalesce((select v.sale_id from sale_voids v where v.id = m.reference_id), m.reference_id) as reference_id,
                m.product_id, m.qty_delta_milli
           from stock_movements m`,
      ).map((r) => ({
        referenceId: str(r.reference_id),
        productId: str(r.product_id),
        qtyMilli: num(r.qty_delta_milli),
      })),
      onHand,
      prices: new Map(all('select id, price from products').map((r) => [str(r.id), num(r.price)])),
      unsentEvents: num(one('select count(*) as n from outbox where sent_at is null')?.n ?? 0),
      lastWireSeq: Math.max(0, maxSeq - seqBase),
      epoch: num(state?.epoch ?? 0),
      pullCursor: num(state?.pull_cursor ?? -1),
      pullHead: num(state?.pull_head ?? -1),
      printedReceipts,
    };
  } finally {
    db.close();
  }
}

async function rows(database: CloudDatabase, query: string, params: Record<string, string> = {}) {
  // Named :params → bound values (no positional ? lists).
  const chunks = query.split(/(:[a-zA-Z]+)/).map((part) => {
    const name = /^:([a-zA-Z]+)$/.exec(part)?.[1];
    return name !== undefined && name in params ? sql`${params[name]}` : sql.raw(part);
  });
  const [result] = (await database.db.execute(sql.join(chunks))) as unknown as [Row[]];
  return result;
}

/** `seedAdjustmentIds`: the harness's own cloud-side stock adjustments, left out of the movements. */
export async function readCloudSnapshot(
  database: CloudDatabase,
  storeId: string,
  seedAdjustmentIds: ReadonlySet<string>,
): Promise<CloudSnapshot> {
  const p = { store: storeId };
  const sales = await rows(
    database,
    `select id, terminal_id, receipt_number, total + rounding_adjustment as total, voided_at
       from sales_headers where store_id = :store and terminal_id is not null`,
    p,
  );
  const salePayments = await rows(
    database,
    `select p.id, p.header_id, p.method, p.amount from sales_payments p
       join sales_headers h on h.id = p.header_id where h.store_id = :store and h.terminal_id is not null`,
    p,
  );
  const refunds = await rows(
    database,
    'select id, terminal_id, refund_number, total from refunds where store_id = :store',
    p,
  );
  const refundPayments = await rows(
    database,
    `select p.id, p.refund_id, p.method, p.amount from refund_payments p
       join refunds r on r.id = p.refund_id where r.store_id = :store`,
    p,
  );
  const sessions = await rows(
    database,
    'select id, terminal_id, status from cash_sessions where store_id = :store',
    p,
  );
  const cash = await rows(
    database,
    `select m.id, m.session_id, m.kind, m.amount from cash_movements m
       join cash_sessions s on s.id = m.session_id where s.store_id = :store`,
    p,
  );
  const movements = await rows(
    database,
    'select reference_id, product_id, quantity from stock_movements where store_id = :store',
    p,
  );
  const levels = await rows(
    database,
    `select p.id, coalesce(l.quantity, 0) as quantity from products p
       left join stock_levels l on l.product_id = p.id and l.store_id = :store where p.track_stock = 1`,
    p,
  );
  const prices = await rows(database, 'select id, price from products');
  const head = await rows(database, 'select version from sync_store_versions where store_id = :store', p);
  const cursors = await rows(
    database,
    'select terminal_id, epoch, acked_through_seq from sync_cursors where store_id = :store',
    p,
  );
  const quarantined = await rows(
    database,
    'select event_id, type, reason from sync_quarantine where store_id = :store',
    p,
  );
  return {
    sales: sales.map((r) => ({
      id: str(r.id),
      terminalId: str(r.terminal_id),
      receiptNumber: str(r.receipt_number),
      total: num(r.total),
      voided: r.voided_at !== null,
    })),
    salePayments: salePayments.map((r) => ({
      id: str(r.id),
      parentId: str(r.header_id),
      method: str(r.method),
      amount: num(r.amount),
    })),
    refunds: refunds.map((r) => ({
      id: str(r.id),
      terminalId: str(r.terminal_id),
      refundNumber: str(r.refund_number),
      total: num(r.total),
    })),
    refundPayments: refundPayments.map((r) => ({
      id: str(r.id),
      parentId: str(r.refund_id),
      method: str(r.method),
      amount: num(r.amount),
    })),
    sessions: sessions.map((r) => ({
      id: str(r.id),
      terminalId: str(r.terminal_id),
      closed: r.status === 'closed',
    })),
    cashMovements: cash.map((r) => ({
      id: str(r.id),
      sessionId: str(r.session_id),
      kind: str(r.kind),
      amount: num(r.amount),
    })),
    movements: movements
      .filter((r) => !seedAdjustmentIds.has(str(r.reference_id)))
      .map((r) => ({
        referenceId: str(r.reference_id),
        productId: str(r.product_id),
        qtyMilli: num(r.quantity),
      })),
    onHand: new Map(levels.map((r) => [str(r.id), num(r.quantity)])),
    prices: new Map(prices.map((r) => [str(r.id), num(r.price)])),
    headVersion: num(head[0]?.version ?? 0),
    ackedThrough: new Map(
      cursors.map((r) => [`${str(r.terminal_id)}:${str(r.epoch)}`, num(r.acked_through_seq)]),
    ),
    quarantined: quarantined.map((r) => ({
      eventId: str(r.event_id),
      type: str(r.type),
      reason: str(r.reason),
    })),
  };
}
