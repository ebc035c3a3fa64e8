// Sales as the API shows them (headers with their lines, lines, payments) and visibility by store.
import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TAX_CLASSES } from '../../src-shared/domain/tax.js';
import { requestStoreIds } from '../auth/scope.js';
import type { Db } from '../db/client.js';
import { salesDetails, salesHeaders, salesPayments } from '../db/schema/sales.js';
import type { Tx } from '../db/transaction.js';
import { notFound } from '../http/errors.js';
import {
  moneyOut,
  quantityOut,
  timestampOut,
  toMoney,
  toQuantity,
  toTimestamp,
  toTimestampOrNull,
} from '../http/fields.js';
import type { DetailRow, HeaderRow, PaymentRow } from './sales-pricing.js';

export const salesDetailOut = z.object({
  id: z.uuid(),
  sales_header: z.uuid(),
  line_no: z.number().int(),
  product: z.uuid(),
  sku: z.string(),
  name: z.string(),
  quantity: quantityOut,
  list_unit_price: moneyOut,
  unit_price: moneyOut,
  discount: moneyOut,
  tax_class: z.string(),
  tax_band: z.string(),
  tax_rate: z.string().meta({ description: 'Percent, e.g. "16.00"', example: '16.00' }),
  net: moneyOut,
  tax: moneyOut,
  total: moneyOut.meta({ description: 'What the customer pays for the line (tax included)' }),
  status: z.enum(['active', 'voided']),
  overridden: z.boolean(),
  voided_at: timestampOut.nullable(),
  voided_by: z.uuid().nullable(),
  void_reason: z.string().nullable(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
export type SalesDetailOut = z.infer<typeof salesDetailOut>;

export function toApiDetail(row: DetailRow): SalesDetailOut {
  return {
    id: row.id,
    sales_header: row.headerId,
    line_no: row.lineNo,
    product: row.productId,
    sku: row.sku,
    name: row.name,
    quantity: toQuantity(row.quantity),
    list_unit_price: toMoney(row.listUnitPrice),
    unit_price: toMoney(row.unitPrice),
    discount: toMoney(row.discount),
    tax_class: row.taxClass,
    tax_band: TAX_CLASSES[row.taxClass].band,
    tax_rate: toMoney(row.taxRateBp),
    net: toMoney(row.net),
    tax: toMoney(row.tax),
    total: toMoney(row.gross),
    status: row.status,
    overridden: row.overridden,
    voided_at: toTimestampOrNull(row.voidedAt),
    voided_by: row.voidedBy,
    void_reason: row.voidReason,
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

export const salesHeaderOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  terminal: z.uuid().nullable(),
  session: z.uuid().nullable(),
  client: z.uuid().nullable(),
  user: z.uuid(),
  receipt_number: z.string(),
  business_date: z.iso.date(),
  currency: z.string(),
  prices_include_tax: z.boolean(),
  subtotal: moneyOut,
  discount_total: moneyOut,
  net_total: moneyOut,
  tax_total: moneyOut,
  rounding_adjustment: moneyOut,
  total: moneyOut,
  paid_total: moneyOut.meta({ description: 'Paid towards the sale, net of change' }),
  change_given: moneyOut,
  balance_due: moneyOut,
  payment_status: z.enum(['unpaid', 'partial', 'paid']),
  status: z.enum(['completed', 'voided']),
  voided_at: timestampOut.nullable(),
  voided_by: z.uuid().nullable(),
  void_reason: z.string().nullable(),
  details: z.array(salesDetailOut),
  created_at: timestampOut,
  updated_at: timestampOut,
});
export type SalesHeaderOut = z.infer<typeof salesHeaderOut>;

export function toApiHeader(row: HeaderRow, details: readonly DetailRow[]): SalesHeaderOut {
  return {
    id: row.id,
    store: row.storeId,
    terminal: row.terminalId,
    session: row.sessionId,
    client: row.clientId,
    user: row.userId,
    receipt_number: row.receiptNumber,
    business_date: row.businessDate,
    currency: row.currency,
    prices_include_tax: row.pricesIncludeTax,
    subtotal: toMoney(row.subtotal),
    discount_total: toMoney(row.discountTotal),
    net_total: toMoney(row.netTotal),
    tax_total: toMoney(row.taxTotal),
    rounding_adjustment: toMoney(row.roundingAdjustment),
    total: toMoney(row.total),
    paid_total: toMoney(row.paidTotal),
    change_given: toMoney(row.changeGiven),
    balance_due: toMoney(row.balanceDue),
    payment_status: row.paymentStatus,
    status: row.status,
    voided_at: toTimestampOrNull(row.voidedAt),
    voided_by: row.voidedBy,
    void_reason: row.voidReason,
    details: details.map(toApiDetail),
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

export const salesPaymentOut = z.object({
  id: z.uuid(),
  sales_header: z.uuid(),
  session: z.uuid().nullable(),
  method: z.enum(['CASH', 'CARD', 'MPESA', 'CREDIT', 'VOUCHER']),
  amount: moneyOut.meta({ description: 'Amount tendered (for cash, before change)' }),
  change_due: moneyOut,
  reference: z.string().nullable(),
  user: z.uuid(),
  created_at: timestampOut,
});
export type SalesPaymentOut = z.infer<typeof salesPaymentOut>;

export function toApiPayment(row: PaymentRow): SalesPaymentOut {
  return {
    id: row.id,
    sales_header: row.headerId,
    session: row.sessionId,
    method: row.method,
    amount: toMoney(row.amount),
    change_due: toMoney(row.changeDue),
    reference: row.reference,
    user: row.userId,
    created_at: toTimestamp(row.createdAt),
  };
}

/** Lines per header (in line order), for a batch of headers. */
export async function detailsOf(
  db: Db | Tx,
  headerIds: readonly string[],
): Promise<Map<string, DetailRow[]>> {
  const result = new Map<string, DetailRow[]>(headerIds.map((id) => [id, []]));
  if (headerIds.length === 0) return result;
  const rows = await db
    .select()
    .from(salesDetails)
    .where(inArray(salesDetails.headerId, [...headerIds]))
    .orderBy(asc(salesDetails.headerId), asc(salesDetails.lineNo));
  for (const row of rows) result.get(row.headerId)?.push(row);
  return result;
}

/** The header with its lines, as the API shows it. */
export async function headerApi(db: Db | Tx, headerId: string): Promise<SalesHeaderOut> {
  const [row] = await db.select().from(salesHeaders).where(eq(salesHeaders.id, headerId));
  if (!row) throw notFound();
  return toApiHeader(row, (await detailsOf(db, [row.id])).get(row.id) ?? []);
}

/** A header of one of the caller's stores, else 404. */
export async function visibleHeader(request: FastifyRequest, db: Db, id: string): Promise<HeaderRow> {
  const ids = await requestStoreIds(request, db);
  const [row] = await db.select().from(salesHeaders).where(eq(salesHeaders.id, id));
  if (!row || !ids.includes(row.storeId)) throw notFound();
  return row;
}

/** A line (with its header's store) of one of the caller's stores, else 404. */
export async function visibleDetail(
  request: FastifyRequest,
  db: Db,
  id: string,
): Promise<{ line: DetailRow; storeId: string }> {
  const ids = await requestStoreIds(request, db);
  const [found] = await db
    .select({ line: salesDetails, storeId: salesHeaders.storeId })
    .from(salesDetails)
    .innerJoin(salesHeaders, eq(salesHeaders.id, salesDetails.headerId))
    .where(eq(salesDetails.id, id));
  if (!found || !ids.includes(found.storeId)) throw notFound();
  return found;
}

/** A payment of one of the caller's stores, else 404. */
export async function visiblePayment(request: FastifyRequest, db: Db, id: string): Promise<PaymentRow> {
  const ids = await requestStoreIds(request, db);
  const [found] = await db
    .select({ payment: salesPayments, storeId: salesHeaders.storeId })
    .from(salesPayments)
    .innerJoin(salesHeaders, eq(salesHeaders.id, salesPayments.headerId))
    .where(eq(salesPayments.id, id));
  if (!found || !ids.includes(found.storeId)) throw notFound();
  return found.payment;
}
