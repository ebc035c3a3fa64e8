// The sync protocol between a till and the cloud (DESIGN.md "Sync"): push (the till's outbox → the cloud),
// pull (the cloud's per-store change log → the till), and the payload of every outbox event type exactly
// as the till writes it (src-main/services/*: appendOutbox). Pure zod + types; both programs import it.
import { z } from 'zod';
import type { TaxClassCode } from '../domain/tax.js';
import { TAX_CLASS_CODES } from '../domain/tax.js';
import { tenderMethodSchema } from './common.js';

/** The protocol this build speaks. Bump it when a request, a response or an event payload changes. */
export const SYNC_PROTOCOL_VERSION = 1;
/** The oldest protocol the cloud still accepts; an older till gets 426 PROTOCOL_TOO_OLD. */
export const SYNC_MIN_PROTOCOL_VERSION = 1;
/** Most events in one push; the till sends batches of this size or fewer. */
export const SYNC_MAX_BATCH = 500;

/** The scheme of the device credential: `Authorization: Device <terminalId>:<deviceSecret>`. */
export const DEVICE_AUTH_SCHEME = 'Device';

export function deviceAuthorization(terminalId: string, deviceSecret: string): string {
  return `${DEVICE_AUTH_SCHEME} ${terminalId}:${deviceSecret}`;
}

// ---------------------------------------------------------------------------------------------------------
// Building blocks: integer minor units, integer thousandths, UTC ISO-8601 instants, UUIDv7 ids.

const id = z.uuid();
const minor = z.number().int().min(-1e12).max(1e12);
const instant = z.iso.datetime({ offset: true });
const businessDate = z.iso.date();
const text = (max: number) => z.string().max(max);
const TAX_CODES = TAX_CLASS_CODES as unknown as readonly [TaxClassCode, ...TaxClassCode[]];
const taxClass = z.enum(TAX_CODES);
const band = z.enum(['A', 'B', 'C', 'D', 'E']);

/** A till stock movement (src-main/ledger/schema/stock.ts), as written: never acknowledged yet. */
export const tillStockMovementSchema = z.strictObject({
  id,
  storeId: id,
  productId: id,
  /** Signed qtyMilli: negative leaves the store. */
  qtyDeltaMilli: z
    .number()
    .int()
    .min(-1e12)
    .max(1e12)
    .refine((v) => v !== 0, 'a movement moves something'),
  reason: z.enum(['sale', 'refund', 'void', 'adjustment', 'receipt']),
  referenceType: text(40),
  referenceId: id,
  userId: id,
  createdAt: instant,
  ackedAt: z.null(),
});
export type TillStockMovement = z.infer<typeof tillStockMovementSchema>;

// ---------------------------------------------------------------------------------------------------------
// sale.completed: { sale, lines, payments, movements } (src-main/services/sale-complete.ts)

export const tillSaleSchema = z.strictObject({
  id,
  receiptNumber: text(40).min(1),
  storeId: id,
  terminalId: id,
  sessionId: id,
  businessDate,
  userId: id,
  clientId: id.nullable(),
  currency: z.string().length(3),
  pricesIncludeTax: z.boolean(),
  subtotal: minor,
  lineDiscountTotal: minor,
  cartDiscountTotal: minor,
  discountTotal: minor,
  netTotal: minor,
  taxTotal: minor,
  roundingAdjustment: minor,
  /** What the customer owed: Σ line gross + rounding adjustment. */
  total: minor,
  /** Σ tenders (cash before change). */
  paidTotal: minor,
  changeGiven: minor,
  startedAt: instant,
  completedAt: instant,
});

export const tillSaleLineSchema = z.strictObject({
  id,
  saleId: id,
  lineNo: z.number().int().min(1),
  productId: id,
  sku: text(64),
  name: text(200),
  qtyMilli: z.number().int().min(1).max(1e9),
  listUnitPrice: minor,
  unitPrice: minor,
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  overrideApprovedBy: id.nullable(),
  extended: minor,
  lineDiscount: minor,
  cartDiscountShare: minor,
  discountTotal: minor,
  taxClass,
  band,
  rateBp: z.number().int().min(0).max(10000),
  net: minor,
  tax: minor,
  gross: minor,
});

export const tillSalePaymentSchema = z.strictObject({
  id,
  saleId: id,
  method: tenderMethodSchema,
  /** Tendered (for cash, before change). */
  amount: minor.min(0),
  reference: text(100).nullable(),
  createdAt: instant,
});

export const saleCompletedSchema = z.strictObject({
  sale: tillSaleSchema,
  lines: z.array(tillSaleLineSchema).min(1),
  payments: z.array(tillSalePaymentSchema),
  movements: z.array(tillStockMovementSchema),
});
export type SaleCompletedPayload = z.infer<typeof saleCompletedSchema>;

// ---------------------------------------------------------------------------------------------------------
// sale.voided: { void, sale: { id, receiptNumber }, movements } (src-main/services/sale-void.ts)

export const saleVoidedSchema = z.strictObject({
  void: z.strictObject({
    id,
    saleId: id,
    sessionId: id,
    reason: z.string().min(1),
    userId: id,
    approvedBy: id,
    createdAt: instant,
  }),
  sale: z.strictObject({ id, receiptNumber: text(40) }),
  movements: z.array(tillStockMovementSchema),
});
export type SaleVoidedPayload = z.infer<typeof saleVoidedSchema>;

// ---------------------------------------------------------------------------------------------------------
// refund.created: the refund row + receiptNumber, lines, payments, stockMovements (refund-create.ts)

export const refundCreatedSchema = z.strictObject({
  id,
  refundNumber: text(40).min(1),
  saleId: id,
  storeId: id,
  terminalId: id,
  sessionId: id,
  businessDate,
  userId: id,
  approvedBy: id,
  reason: z.string().min(1),
  netTotal: minor,
  taxTotal: minor,
  total: minor,
  createdAt: instant,
  /** The refunded sale's receipt number. */
  receiptNumber: text(40),
  lines: z
    .array(
      z.strictObject({
        id,
        refundId: id,
        saleLineId: id,
        productId: id,
        qtyMilli: z.number().int().min(1).max(1e9),
        taxClass,
        net: minor,
        tax: minor,
        gross: minor,
      }),
    )
    .min(1),
  payments: z.array(
    z.strictObject({
      id,
      refundId: id,
      method: tenderMethodSchema,
      amount: minor.min(0),
      reference: text(100).nullable(),
    }),
  ),
  stockMovements: z.array(tillStockMovementSchema),
});
export type RefundCreatedPayload = z.infer<typeof refundCreatedSchema>;

// ---------------------------------------------------------------------------------------------------------
// session.opened: the cash_sessions row as opened; cash.movement: the cash_movements row (session.ts)

export const sessionOpenedSchema = z.strictObject({
  id,
  storeId: id,
  terminalId: id,
  businessDate,
  openedBy: id,
  openedAt: instant,
  openingFloat: minor.min(0),
  status: z.literal('open'),
  closedBy: z.null(),
  closedAt: z.null(),
  blindClose: z.null(),
  countedTotal: z.null(),
  denominations: z.null(),
  expectedCash: z.null(),
  variance: z.null(),
  zNumber: z.null(),
});
export type SessionOpenedPayload = z.infer<typeof sessionOpenedSchema>;

export const cashMovementSchema = z.strictObject({
  id,
  sessionId: id,
  kind: z.enum(['paid_in', 'paid_out']),
  amount: minor.min(1),
  reason: z.string().min(1),
  userId: id,
  createdAt: instant,
});
export type CashMovementPayload = z.infer<typeof cashMovementSchema>;

// ---------------------------------------------------------------------------------------------------------
// session.closed: the session's Z report (src-shared/contract/report.ts ZReport; event id = closeId)

const person = z.strictObject({ id, name: z.string() });
const taxBreakdownRow = z.strictObject({
  taxClass,
  band,
  rateBp: z.number().int(),
  label: z.string(),
  net: minor,
  tax: minor,
  gross: minor,
});
const byMethodAmount = z.strictObject({ method: tenderMethodSchema, amount: minor });

export const sessionClosedSchema = z.strictObject({
  kind: z.literal('Z'),
  sessionId: id,
  terminalId: id,
  terminalCode: z.string(),
  businessDate,
  openedBy: person,
  openedAt: instant,
  sales: z.strictObject({
    count: z.number().int().min(0),
    subtotal: minor,
    discounts: minor,
    gross: minor,
    rounding: minor,
    total: minor,
    net: minor,
    tax: minor,
  }),
  taxBreakdown: z.array(taxBreakdownRow),
  tenders: z.array(
    z.strictObject({ method: tenderMethodSchema, sales: minor, voids: minor, refunds: minor, net: minor }),
  ),
  refunds: z.strictObject({
    count: z.number().int().min(0),
    total: minor,
    net: minor,
    tax: minor,
    byMethod: z.array(byMethodAmount),
    taxBreakdown: z.array(taxBreakdownRow),
  }),
  voids: z.strictObject({ count: z.number().int().min(0), total: minor }),
  netSales: minor,
  drawer: z.strictObject({
    openingFloat: minor,
    cashSales: minor,
    cashVoids: minor,
    cashRefunds: minor,
    paidIn: minor,
    paidInCount: z.number().int().min(0),
    paidOut: minor,
    paidOutCount: z.number().int().min(0),
    expected: minor,
  }),
  zNumber: z.number().int().min(1),
  zLabel: z.string(),
  closeId: id,
  closedAt: instant,
  closedBy: person,
  blind: z.boolean(),
  counted: minor.min(0),
  denominations: z
    .array(z.strictObject({ value: z.number().int().min(1), count: z.number().int().min(0) }))
    .nullable(),
  expected: minor,
  variance: minor,
  varianceStatus: z.enum(['balanced', 'over', 'short']),
});
export type SessionClosedPayload = z.infer<typeof sessionClosedSchema>;

// ---------------------------------------------------------------------------------------------------------
// stock.adjusted: { adjustment (approved), movement } (src-main/services/stock-adjustments.ts)

export const stockAdjustedSchema = z.strictObject({
  adjustment: z.strictObject({
    id,
    storeId: id,
    productId: id,
    qtyDeltaMilli: z.number().int(),
    reason: z.string().min(1),
    note: z.string().nullable(),
    status: z.literal('approved'),
    requestedBy: id,
    requestedAt: instant,
    decidedBy: id,
    decidedAt: instant,
    decisionNote: z.string().nullable(),
    movementId: id,
  }),
  movement: tillStockMovementSchema,
});
export type StockAdjustedPayload = z.infer<typeof stockAdjustedSchema>;

// ---------------------------------------------------------------------------------------------------------
// audit.recorded: the till's audit_log row (src-main/services/ledger-writes.ts writeAudit)

export const auditRecordedSchema = z.strictObject({
  id,
  action: text(40).min(1),
  model: text(60).min(1),
  objectId: text(64).nullable(),
  userId: id.nullable(),
  approvedBy: id.nullable(),
  terminalId: id,
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: instant,
});
export type AuditRecordedPayload = z.infer<typeof auditRecordedSchema>;

/** Every outbox event type the till writes, with the schema of its payload. */
export const SYNC_EVENT_PAYLOADS = {
  'sale.completed': saleCompletedSchema,
  'sale.voided': saleVoidedSchema,
  'refund.created': refundCreatedSchema,
  'session.opened': sessionOpenedSchema,
  'cash.movement': cashMovementSchema,
  'session.closed': sessionClosedSchema,
  'stock.adjusted': stockAdjustedSchema,
  'audit.recorded': auditRecordedSchema,
} as const;
export type SyncEventType = keyof typeof SYNC_EVENT_PAYLOADS;
export const SYNC_EVENT_TYPES = Object.keys(SYNC_EVENT_PAYLOADS) as SyncEventType[];
export type SyncEventPayload<K extends SyncEventType> = z.infer<(typeof SYNC_EVENT_PAYLOADS)[K]>;

export function isSyncEventType(type: string): type is SyncEventType {
  return Object.hasOwn(SYNC_EVENT_PAYLOADS, type);
}

// ---------------------------------------------------------------------------------------------------------
// Push: POST /api/sync/push/

/**
 * One outbox row as sent. The envelope is checked for the whole request (a malformed envelope is a 400);
 * the type and payload are checked per event (a bad one is quarantined, never a 400 or a 500).
 */
export const pushEventSchema = z.strictObject({
  seq: z.number().int().min(1),
  eventId: id,
  type: z.string().min(1).max(40),
  payload: z.unknown(),
  createdAt: instant,
});
export type PushEvent = z.infer<typeof pushEventSchema>;

export const pushRequestSchema = z.strictObject({
  protocol: z.number().int().min(1),
  terminalId: id,
  epoch: z.number().int().min(1),
  events: z
    .array(pushEventSchema)
    .max(SYNC_MAX_BATCH)
    .refine(
      (events) => events.every((e, i) => i === 0 || e.seq > (events[i - 1]?.seq ?? 0)),
      'events must be in strictly increasing seq order',
    ),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const PUSH_RESULT_STATUSES = ['applied', 'duplicate', 'quarantined'] as const;
export type PushResultStatus = (typeof PUSH_RESULT_STATUSES)[number];

export const pushResultSchema = z.object({
  seq: z.number().int(),
  status: z.enum(PUSH_RESULT_STATUSES),
  /** Why an event was quarantined. */
  reason: z.string().optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

/**
 * `results` has one entry per event up to the first gap in seq; events from the gap on are not in it
 * and must be sent again. The till marks sent exactly the events with seq ≤ ackedThroughSeq.
 */
export const pushResponseSchema = z.object({
  /** The highest seq the cloud holds with every lower seq of this (terminal, epoch) held too. */
  ackedThroughSeq: z.number().int().min(0),
  results: z.array(pushResultSchema),
  /**
   * A version of the store's change log whose stock levels include the stock movements of every event
   * acknowledged here (applied now or earlier). The till counts those movements on top of its pulled
   * levels until its pull cursor reaches this version, then lets the pulled levels carry them.
   */
  storeVersion: z.number().int().min(0),
  serverTime: instant,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------------------------------
// Pull: GET /api/sync/pull/?protocol=P&cursor=N&limit=M (device credential)
//
// The cloud keeps, per store, one change-log row per entity it shows that store: (entity, id) → the version
// of its last change and whether it is an upsert or a delete. Versions come from a per-store counter row locked
// in the same MySQL transaction as the change, so they become visible in order; one transaction that changes
// k entities takes k consecutive versions. A page is read in one consistent snapshot: the changes with
// version > cursor in version order, each with the entity's data as of that snapshot, in the till's shape.

export const PULL_ENTITIES = [
  /** A product with its price and all its barcodes (an upsert replaces the till's barcodes of it). */
  'product',
  'category',
  'unit',
  /** id = the tax class code. */
  'tax_class',
  /** The users who may log in at this store's tills (owners, and members of the store), with hashes. */
  'user',
  'client',
  /** id = the product id; the store's level in the cloud as of this version. */
  'stock_level',
  /** A stock adjustment of this store (requested at a till or in the cloud) and its decision. */
  'approval',
  /** id = the store id: name, currency, rounding, receipt header/footer. */
  'store_settings',
] as const;
export type PullEntity = (typeof PULL_ENTITIES)[number];

const flag = z.boolean();
const optionalText = z.string().nullable();

/** The data of each pulled entity, exactly the columns the till's ledger keeps (src-main/ledger/schema). */
export const PULL_ENTITY_DATA = {
  product: z.object({
    id,
    sku: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    categoryId: id.nullable(),
    unitId: id.nullable(),
    price: minor.min(0),
    cost: minor.min(0),
    taxClass,
    reorderLevel: z.number().int().min(0),
    trackStock: flag,
    isActive: flag,
    soldByWeight: flag,
    plu: z.string().max(10).nullable(),
    barcodes: z.array(z.string().min(1).max(64)),
    updatedAt: instant,
  }),
  category: z.object({ id, name: z.string().min(1), parentId: id.nullable(), updatedAt: instant }),
  unit: z.object({
    id,
    name: z.string().min(1),
    symbol: z.string().min(1),
    allowsFraction: flag,
    updatedAt: instant,
  }),
  tax_class: z.object({
    code: taxClass,
    band,
    rateBp: z.number().int().min(0).max(10000),
    label: z.string().min(1),
  }),
  user: z.object({
    id,
    /** The store this user belongs to; null for an owner (every store). */
    storeId: id.nullable(),
    name: z.string().min(1),
    phone: z.string().min(1),
    role: z.enum(['owner', 'manager', 'employee']),
    /** scrypt hash (src-shared/contract/secret-hash.ts): the till verifies offline logins with it. */
    passwordHash: z.string().min(1),
    pinHash: z.string().min(1).nullable(),
    isActive: flag,
    updatedAt: instant,
  }),
  client: z.object({
    id,
    name: z.string().min(1),
    phone: optionalText,
    email: optionalText,
    kraPin: optionalText,
    creditLimit: minor.min(0),
    /** What the client owes in the cloud as of this version. */
    creditBalance: minor,
    updatedAt: instant,
  }),
  stock_level: z.object({ productId: id, qtyMilli: z.number().int(), updatedAt: instant }),
  approval: z.object({
    id,
    productId: id,
    qtyDeltaMilli: z.number().int(),
    reason: z.string(),
    note: optionalText,
    status: z.enum(['pending', 'approved', 'rejected']),
    requestedBy: id,
    requestedAt: instant,
    decidedBy: id.nullable(),
    decidedAt: instant.nullable(),
    decisionNote: optionalText,
    movementId: id.nullable(),
  }),
  store_settings: z.object({
    id,
    name: z.string().min(1),
    currency: z.string().length(3),
    pricesIncludeTax: flag,
    cashRoundingStep: z.number().int().min(0),
    address: optionalText,
    phone: optionalText,
    kraPin: optionalText,
    receiptFooter: optionalText,
    updatedAt: instant,
  }),
} as const satisfies Record<PullEntity, z.ZodType>;
export type PullEntityData<K extends PullEntity> = z.infer<(typeof PULL_ENTITY_DATA)[K]>;

export const pullQuerySchema = z.object({
  protocol: z.coerce.number().int().min(1),
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** One change as sent; `data` is checked by the till against PULL_ENTITY_DATA[entity] before applying. */
export const pullChangeSchema = z.object({
  /** The store's change-log version of this change (unique within the store). */
  version: z.number().int().min(1),
  entity: z.enum(PULL_ENTITIES),
  op: z.enum(['upsert', 'delete']),
  id: z.string().min(1),
  /** The entity as the till stores it; null for a delete. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type PullChange = z.infer<typeof pullChangeSchema>;

export const pullPageSchema = z.object({
  /** In increasing version order. */
  changes: z.array(pullChangeSchema),
  /** Pass as `cursor` next time; advance the till's cursor only after the page is committed. */
  nextCursor: z.number().int().min(0),
  /** More changes wait after nextCursor: ask again at once. */
  hasMore: z.boolean(),
  /** The store's latest version when this page was read (for progress: nextCursor / headVersion). */
  headVersion: z.number().int().min(0),
  serverTime: instant,
});
export type PullPage = z.infer<typeof pullPageSchema>;

// ---------------------------------------------------------------------------------------------------------
// Errors with a stable code the till acts on (the body also carries a DRF-style `detail`).

export const SYNC_ERROR_CODES = [
  /** 426: the till speaks a protocol older than the cloud accepts: update this till. */
  'PROTOCOL_TOO_OLD',
  /** 400: the till speaks a protocol newer than this cloud: the cloud must be updated first. */
  'PROTOCOL_TOO_NEW',
  /** 401: no, malformed or wrong device credential. */
  'DEVICE_UNAUTHORIZED',
  /** 401: the device was revoked; register the till again. */
  'DEVICE_REVOKED',
  /** 409: the request's epoch is not the terminal's current registration. */
  'EPOCH_MISMATCH',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const protocolTooOldSchema = z.object({
  detail: z.string(),
  code: z.literal('PROTOCOL_TOO_OLD'),
  minProtocol: z.number().int(),
});
export const syncErrorSchema = z.object({
  detail: z.string(),
  code: z.enum(SYNC_ERROR_CODES),
  minProtocol: z.number().int().optional(),
  maxProtocol: z.number().int().optional(),
  epoch: z.number().int().optional(),
});
export type SyncErrorBody = z.infer<typeof syncErrorSchema>;

/** How a protocol version compares with what the cloud accepts. */
export function protocolVerdict(
  protocol: number,
  min = SYNC_MIN_PROTOCOL_VERSION,
  max = SYNC_PROTOCOL_VERSION,
): 'ok' | 'too_old' | 'too_new' {
  if (protocol < min) return 'too_old';
  if (protocol > max) return 'too_new';
  return 'ok';
}
