// Pricing and settlement of a cloud sale, always through src-shared/domain: priceCart for the lines and
// totals, summarizeTenders for what has been paid and what is still due.
import { and, asc, eq } from 'drizzle-orm';
import { priceCart, type CartLineInput, type PricedCart } from '../../src-shared/domain/cart.js';
import { isDomainError } from '../../src-shared/domain/errors.js';
import type { Minor } from '../../src-shared/domain/money.js';
import type { TaxClassCode } from '../../src-shared/domain/tax.js';
import { summarizeTenders, type Tender } from '../../src-shared/domain/tender.js';
import { salesDetails, salesHeaders, salesPayments } from '../db/schema/sales.js';
import type { Tx } from '../db/transaction.js';
import { fieldError, validationError } from '../http/errors.js';

export type HeaderRow = typeof salesHeaders.$inferSelect;
export type DetailRow = typeof salesDetails.$inferSelect;
export type PaymentRow = typeof salesPayments.$inferSelect;

export interface LineDraft {
  id: string;
  productId: string;
  name: string;
  listUnitPrice: Minor;
  /** A price other than the list price, or null. */
  override: Minor | null;
  qtyMilli: number;
  taxClass: TaxClassCode;
  /** Line discount, an amount in minor units. */
  discount: Minor;
}

const FIELD_OF_CODE: Record<string, string> = {
  DISCOUNT_EXCEEDS_LINE: 'discount',
  INVALID_DISCOUNT: 'discount',
  INVALID_PRICE: 'unit_price',
  INVALID_QUANTITY: 'quantity',
};

/**
 * priceCart over the drafts. A domain error about one line becomes a field error named by `fieldOf`
 * (e.g. index → "details.0.discount"), so the caller learns which line and field is wrong.
 */
export function priceLines(
  drafts: readonly LineDraft[],
  pricesIncludeTax: boolean,
  fieldOf: (lineIndex: number, field: string) => string,
): PricedCart {
  const lines: CartLineInput[] = drafts.map((d) => ({
    id: d.id,
    productId: d.productId,
    name: d.name,
    unitPrice: d.listUnitPrice,
    qtyMilli: d.qtyMilli,
    taxClass: d.taxClass,
    priceOverride: d.override,
    discount: d.discount > 0 ? { kind: 'amount', amount: d.discount } : null,
  }));
  try {
    return priceCart({ lines, pricesIncludeTax });
  } catch (error) {
    const lineId = isDomainError(error) ? error.details?.lineId : undefined;
    const index = drafts.findIndex((d) => d.id === lineId);
    if (isDomainError(error) && index >= 0) {
      throw fieldError(fieldOf(index, FIELD_OF_CODE[error.code] ?? 'non_field_errors'), error.message);
    }
    throw error;
  }
}

/** The draft of a stored line, to price it again. */
export function draftOf(line: DetailRow): LineDraft {
  return {
    id: line.id,
    productId: line.productId,
    name: line.name,
    listUnitPrice: line.listUnitPrice,
    override: line.overridden ? line.unitPrice : null,
    qtyMilli: line.quantity,
    taxClass: line.taxClass,
    discount: line.discount,
  };
}

export interface Settlement {
  roundingAdjustment: Minor;
  /** What the customer has paid towards the sale, net of change. */
  paidTotal: Minor;
  changeGiven: Minor;
  balanceDue: Minor;
  paymentStatus: 'unpaid' | 'partial' | 'paid';
  /** Paid more than is now due (only possible after the total went down). */
  overpaid: boolean;
}

/** Stored payments as tenders at their net value (change already given is not tendered again). */
export function netTenders(payments: readonly PaymentRow[]): Tender[] {
  return payments
    .map((p) => ({ id: p.id, method: p.method, amount: p.amount - p.changeDue }))
    .filter((t) => t.amount > 0);
}

export function settle(total: Minor, cashRoundingStep: Minor, payments: readonly PaymentRow[]): Settlement {
  const summary = summarizeTenders({ total, cashRoundingStep, tenders: netTenders(payments) });
  const changeGiven = payments.reduce((sum, p) => sum + p.changeDue, 0);
  const paymentStatus = summary.balance === 0 ? 'paid' : summary.paid > 0 ? 'partial' : 'unpaid';
  return {
    roundingAdjustment: summary.roundingAdjustment,
    paidTotal: summary.paid,
    changeGiven,
    balanceDue: summary.balance,
    paymentStatus,
    overpaid: summary.paid > summary.due,
  };
}

export const settlementColumns = (s: Settlement) => ({
  roundingAdjustment: s.roundingAdjustment,
  paidTotal: s.paidTotal,
  changeGiven: s.changeGiven,
  balanceDue: s.balanceDue,
  paymentStatus: s.paymentStatus,
});

export const totalsColumns = (cart: PricedCart) => ({
  subtotal: cart.subtotal,
  discountTotal: cart.discountTotal,
  netTotal: cart.netTotal,
  taxTotal: cart.taxTotal,
  total: cart.total,
});

export async function paymentsOf(tx: Tx, headerId: string): Promise<PaymentRow[]> {
  return tx
    .select()
    .from(salesPayments)
    .where(eq(salesPayments.headerId, headerId))
    .orderBy(asc(salesPayments.createdAt), asc(salesPayments.id));
}

/**
 * Prices the header's active lines again (after a price override or a line void), stores the lines'
 * and the header's new totals and settlement. The header must be locked by the caller. Refuses (400)
 * a change that would bring the total below what has already been paid: void the sale instead.
 */
export async function recomputeHeader(tx: Tx, header: HeaderRow, cashRoundingStep: Minor): Promise<void> {
  const lines = await tx
    .select()
    .from(salesDetails)
    .where(and(eq(salesDetails.headerId, header.id), eq(salesDetails.status, 'active')))
    .orderBy(asc(salesDetails.lineNo));
  const cart = priceLines(lines.map(draftOf), header.pricesIncludeTax, () => 'unit_price');
  const settlement = settle(cart.total, cashRoundingStep, await paymentsOf(tx, header.id));
  if (settlement.overpaid) {
    throw validationError({
      non_field_errors: [
        'This change would leave the sale with more paid than its total; void the whole sale instead.',
      ],
    });
  }
  for (const priced of cart.lines) {
    await tx
      .update(salesDetails)
      .set({
        unitPrice: priced.unitPrice,
        discount: priced.lineDiscount,
        net: priced.net,
        tax: priced.tax,
        gross: priced.gross,
        updatedAt: new Date(),
      })
      .where(eq(salesDetails.id, priced.id));
  }
  await tx
    .update(salesHeaders)
    .set({ ...totalsColumns(cart), ...settlementColumns(settlement), updatedAt: new Date() })
    .where(eq(salesHeaders.id, header.id));
}
