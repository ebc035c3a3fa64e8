// The rows a till's event becomes in the tables the REST API reads (ids are the till's, times the till's).
// The till's figures are facts: totals, rounding, change and Z-report counts are taken as the till wrote
// them, only re-expressed in the cloud's columns (e.g. the cloud's `total` is before cash rounding and its
// `paid_total` is net of change).
import type { z } from 'zod';
import type {
  PushEvent,
  SYNC_EVENT_PAYLOADS,
  SyncEventType,
  TillStockMovement,
} from '../../src-shared/contract/sync.js';
import type { auditLogs } from '../db/schema/audit.js';
import type { cashSessions } from '../db/schema/cash.js';
import type { salesDetails, salesHeaders, salesPayments } from '../db/schema/sales.js';
import type { stockAdjustments } from '../db/schema/stock.js';
import type { cashMovements, refundLines, refundPayments, refunds } from '../db/schema/sync.js';
import type { StockMovementInput } from './stock.js';

/** An event whose payload passed its schema. */
export type ParsedEvent = {
  [K in SyncEventType]: { event: PushEvent; type: K; payload: z.infer<(typeof SYNC_EVENT_PAYLOADS)[K]> };
}[SyncEventType];

export interface SessionClose {
  sessionId: string;
  closedAt: Date;
  closedBy: string;
  counted: number;
  expected: number;
  variance: number;
}

export interface SaleVoid {
  headerId: string;
  voidedAt: Date;
  voidedBy: string;
  reason: string;
}

/** Everything a batch writes, table by table (written in this order by sync-apply.ts). */
export interface SyncPlan {
  sessions: (typeof cashSessions.$inferInsert)[];
  headers: (typeof salesHeaders.$inferInsert)[];
  details: (typeof salesDetails.$inferInsert)[];
  payments: (typeof salesPayments.$inferInsert)[];
  refunds: (typeof refunds.$inferInsert)[];
  refundLines: (typeof refundLines.$inferInsert)[];
  refundPayments: (typeof refundPayments.$inferInsert)[];
  cashMovements: (typeof cashMovements.$inferInsert)[];
  adjustments: (typeof stockAdjustments.$inferInsert)[];
  voids: SaleVoid[];
  closes: SessionClose[];
  /** CREDIT taken (+) or given back (−) per client. */
  credit: Map<string, number>;
  movements: StockMovementInput[];
  audits: (typeof auditLogs.$inferInsert)[];
}

export function emptyPlan(): SyncPlan {
  return {
    sessions: [],
    headers: [],
    details: [],
    payments: [],
    refunds: [],
    refundLines: [],
    refundPayments: [],
    cashMovements: [],
    adjustments: [],
    voids: [],
    closes: [],
    credit: new Map(),
    movements: [],
    audits: [],
  };
}

const at = (iso: string) => new Date(iso);

function addCredit(plan: SyncPlan, clientId: string | null, amount: number): void {
  if (!clientId || amount === 0) return;
  plan.credit.set(clientId, (plan.credit.get(clientId) ?? 0) + amount);
}

/** The change of a sale, attributed to its cash tenders from the last one back (never more than tendered). */
function changePerPayment(payments: readonly { method: string; amount: number }[], change: number): number[] {
  const out = payments.map(() => 0);
  let left = change;
  for (let i = payments.length - 1; i >= 0 && left > 0; i--) {
    const p = payments[i];
    if (p?.method !== 'CASH') continue;
    const part = Math.min(left, p.amount);
    out[i] = part;
    left -= part;
  }
  return out;
}

function movementsOf(
  list: readonly TillStockMovement[],
  referenceType: string,
  referenceId: string,
): StockMovementInput[] {
  return list.map((m) => ({
    id: m.id,
    createdAt: at(m.createdAt),
    storeId: m.storeId,
    productId: m.productId,
    qtyMilli: m.qtyDeltaMilli,
    reason: m.reason === 'receipt' ? 'purchase' : m.reason,
    referenceType,
    referenceId,
    userId: m.userId,
  }));
}

/** What the plan needs to know of a sale an event refers to (held on the cloud or earlier in the batch). */
export interface SaleCredit {
  clientId: string | null;
  /** Σ of the sale's CREDIT payments (what it put on the client's account). */
  credit: number;
}

/** Adds the rows of one checked event to the plan; `saleOf` gives the sale a void or refund refers to. */
export function rowsOf(
  plan: SyncPlan,
  terminal: { id: string; storeId: string },
  p: ParsedEvent,
  saleOf: (saleId: string) => SaleCredit | undefined,
): void {
  switch (p.type) {
    case 'sale.completed': {
      const { sale, lines, payments } = p.payload;
      const when = at(sale.completedAt);
      const total = sale.total - sale.roundingAdjustment;
      const paidNet = sale.paidTotal - sale.changeGiven;
      const balanceDue = Math.max(sale.total - paidNet, 0);
      plan.headers.push({
        id: sale.id,
        storeId: sale.storeId,
        terminalId: sale.terminalId,
        sessionId: sale.sessionId,
        clientId: sale.clientId,
        userId: sale.userId,
        receiptNumber: sale.receiptNumber,
        businessDate: sale.businessDate,
        currency: sale.currency,
        pricesIncludeTax: sale.pricesIncludeTax,
        subtotal: sale.subtotal,
        discountTotal: sale.discountTotal,
        netTotal: sale.netTotal,
        taxTotal: sale.taxTotal,
        roundingAdjustment: sale.roundingAdjustment,
        total,
        paidTotal: paidNet,
        changeGiven: sale.changeGiven,
        balanceDue,
        paymentStatus: balanceDue === 0 ? 'paid' : paidNet > 0 ? 'partial' : 'unpaid',
        status: 'completed',
        sourceEventId: p.event.eventId,
        createdAt: when,
        updatedAt: when,
      });
      for (const l of lines) {
        plan.details.push({
          id: l.id,
          headerId: sale.id,
          lineNo: l.lineNo,
          productId: l.productId,
          sku: l.sku,
          name: l.name,
          quantity: l.qtyMilli,
          listUnitPrice: l.listUnitPrice,
          unitPrice: l.unitPrice,
          discount: l.discountTotal,
          taxClass: l.taxClass,
          taxRateBp: l.rateBp,
          net: l.net,
          tax: l.tax,
          gross: l.gross,
          status: 'active',
          overridden: l.overridden,
          createdAt: when,
          updatedAt: when,
        });
      }
      const change = changePerPayment(payments, sale.changeGiven);
      payments.forEach((x, i) => {
        plan.payments.push({
          id: x.id,
          headerId: sale.id,
          sessionId: sale.sessionId,
          method: x.method,
          amount: x.amount,
          changeDue: change[i] ?? 0,
          reference: x.reference,
          userId: sale.userId,
          createdAt: at(x.createdAt),
          updatedAt: at(x.createdAt),
        });
        if (x.method === 'CREDIT') addCredit(plan, sale.clientId, x.amount);
      });
      plan.movements.push(...movementsOf(p.payload.movements, 'sales_header', sale.id));
      return;
    }
    case 'sale.voided': {
      const v = p.payload.void;
      plan.voids.push({
        headerId: v.saleId,
        voidedAt: at(v.createdAt),
        voidedBy: v.userId,
        reason: v.reason,
      });
      // A voided sale puts nothing on the client's account: the CREDIT it took is given back.
      const sale = saleOf(v.saleId);
      if (sale) addCredit(plan, sale.clientId, -sale.credit);
      plan.movements.push(...movementsOf(p.payload.movements, 'sales_header', v.saleId));
      return;
    }
    case 'refund.created': {
      const r = p.payload;
      plan.refunds.push({
        id: r.id,
        refundNumber: r.refundNumber,
        headerId: r.saleId,
        storeId: r.storeId,
        terminalId: r.terminalId,
        sessionId: r.sessionId,
        businessDate: r.businessDate,
        userId: r.userId,
        approvedBy: r.approvedBy,
        reason: r.reason,
        netTotal: r.netTotal,
        taxTotal: r.taxTotal,
        total: r.total,
        createdAt: at(r.createdAt),
      });
      for (const l of r.lines) {
        plan.refundLines.push({
          id: l.id,
          refundId: r.id,
          detailId: l.saleLineId,
          productId: l.productId,
          quantity: l.qtyMilli,
          taxClass: l.taxClass,
          net: l.net,
          tax: l.tax,
          gross: l.gross,
        });
      }
      // Money refunded to the client's account lowers what they owe.
      const creditBack = r.payments.filter((x) => x.method === 'CREDIT').reduce((n, x) => n + x.amount, 0);
      addCredit(plan, saleOf(r.saleId)?.clientId ?? null, -creditBack);
      for (const x of r.payments) {
        plan.refundPayments.push({
          id: x.id,
          refundId: r.id,
          method: x.method,
          amount: x.amount,
          reference: x.reference,
        });
      }
      plan.movements.push(...movementsOf(r.stockMovements, 'refund', r.id));
      return;
    }
    case 'session.opened': {
      const s = p.payload;
      const when = at(s.openedAt);
      plan.sessions.push({
        id: s.id,
        storeId: s.storeId,
        terminalId: s.terminalId,
        userId: s.openedBy,
        businessDate: s.businessDate,
        openingFloat: s.openingFloat,
        status: 'open',
        openedAt: when,
        // The till keeps one open session per till itself and its sessions are facts the cloud cannot
        // refuse, so they do not take the REST API's "one open session per terminal" key.
        openKey: null,
        createdAt: when,
        updatedAt: when,
      });
      return;
    }
    case 'cash.movement': {
      const m = p.payload;
      plan.cashMovements.push({
        id: m.id,
        sessionId: m.sessionId,
        kind: m.kind,
        amount: m.amount,
        reason: m.reason,
        userId: m.userId,
        createdAt: at(m.createdAt),
      });
      return;
    }
    case 'session.closed': {
      const z = p.payload;
      plan.closes.push({
        sessionId: z.sessionId,
        closedAt: at(z.closedAt),
        closedBy: z.closedBy.id,
        counted: z.counted,
        expected: z.expected,
        variance: z.variance,
      });
      return;
    }
    case 'stock.adjusted': {
      const { adjustment: a, movement } = p.payload;
      plan.adjustments.push({
        id: a.id,
        storeId: a.storeId,
        productId: a.productId,
        quantity: a.qtyDeltaMilli,
        reason: a.note ? `${a.reason}: ${a.note}` : a.reason,
        status: 'approved',
        requestedBy: a.requestedBy,
        decidedBy: a.decidedBy,
        decidedAt: at(a.decidedAt),
        movementId: a.movementId,
        createdAt: at(a.requestedAt),
        updatedAt: at(a.decidedAt),
      });
      plan.movements.push(...movementsOf([movement], 'stock_adjustment', a.id));
      return;
    }
    case 'audit.recorded': {
      const e = p.payload;
      const after =
        e.approvedBy === null
          ? (e.after ?? null)
          : { ...(typeof e.after === 'object' && e.after !== null ? e.after : {}), approvedBy: e.approvedBy };
      plan.audits.push({
        id: e.id,
        action: e.action,
        modelName: e.model,
        objectId: e.objectId,
        storeId: terminal.storeId,
        userId: e.userId,
        reason: e.reason,
        beforeData: e.before ?? null,
        afterData: after,
        requestId: `till:${e.terminalId}`,
        createdAt: at(e.createdAt),
      });
      return;
    }
  }
}
