/**
 * Refund amounts: what a (partial) refund of a sale line gives back, and how a refund total is paid
 * back over the sale's original tenders.
 *
 * THE REFUND RULE: a refund of `qty` of a line returns the line's gross (what the customer paid for it,
 * after its own discount and its share of the cart discount) in proportion to the quantity:
 *
 *     gross = round(line.gross × qty / line.qty)        (half away from zero, ./rounding.ts)
 *
 * split into net and tax with the LINE's rate (tax-inclusive split of the gross, ./tax.ts). The refund
 * that brings the line's refunded quantity to its sold quantity takes exactly what is left of the
 * line's gross, net and tax — so however a line is refunded (1 then 2, or 3 times 1), the refunds sum to
 * the line to the cent, never more. A partial refund is also capped at what is left, so rounding can
 * never make earlier refunds eat into the last one.
 */
import { DomainError } from './errors.js';
import { allocateProportionally, assertMinor } from './money.js';
import type { Minor } from './money.js';
import { assertQtyMilli } from './quantity.js';
import { mulDivRoundHalfAwayFromZero } from './rounding.js';
import { splitTax } from './tax.js';

/** The sold line, as recorded on the sale. */
export interface RefundableLine {
  qtyMilli: number;
  rateBp: number;
  net: Minor;
  tax: Minor;
  gross: Minor;
}

/** What earlier refunds of the same line already returned. */
export interface RefundedSoFar {
  qtyMilli: number;
  net: Minor;
  tax: Minor;
  gross: Minor;
}

export interface RefundLineAmounts {
  qtyMilli: number;
  net: Minor;
  tax: Minor;
  gross: Minor;
  /** True when this refund returns the rest of the line (it took the exact remainder). */
  completesLine: boolean;
}

export const NOTHING_REFUNDED: RefundedSoFar = Object.freeze({ qtyMilli: 0, net: 0, tax: 0, gross: 0 });

/**
 * The amounts of refunding `qtyMilli` of `line` after `refunded` (see THE REFUND RULE).
 * qty ≤ 0 → DomainError('INVALID_QUANTITY'); more than sold minus refunded → DomainError('REFUND_EXCEEDS_SOLD').
 */
export function refundLineAmounts(
  line: RefundableLine,
  refunded: RefundedSoFar,
  qtyMilli: number,
): RefundLineAmounts {
  assertQtyMilli(qtyMilli);
  if (qtyMilli <= 0) {
    throw new DomainError('INVALID_QUANTITY', `A refund quantity must be more than zero, got ${qtyMilli}`, {
      qtyMilli,
    });
  }
  const remainingQty = line.qtyMilli - refunded.qtyMilli;
  if (qtyMilli > remainingQty) {
    throw new DomainError(
      'REFUND_EXCEEDS_SOLD',
      `Only ${Math.max(remainingQty, 0)} thousandths of this line are left to refund, not ${qtyMilli}`,
      { soldMilli: line.qtyMilli, refundedMilli: refunded.qtyMilli, requestedMilli: qtyMilli },
    );
  }
  const remaining = {
    net: assertMinor(line.net - refunded.net, 'remaining net'),
    tax: assertMinor(line.tax - refunded.tax, 'remaining tax'),
    gross: assertMinor(line.gross - refunded.gross, 'remaining gross'),
  };
  if (qtyMilli === remainingQty) return { qtyMilli, ...remaining, completesLine: true };

  const gross = Math.min(mulDivRoundHalfAwayFromZero(line.gross, qtyMilli, line.qtyMilli), remaining.gross);
  let tax = Math.min(splitTax(gross, line.rateBp, true).tax, remaining.tax);
  let net = gross - tax;
  if (net > remaining.net) {
    net = remaining.net;
    tax = gross - net;
  }
  return { qtyMilli, net, tax, gross, completesLine: false };
}

/**
 * Pays `total` back over tenders that can each take at most `capacities[i]` (what was paid with it and
 * not yet refunded), in proportion to those capacities (largest remainder, so the parts sum exactly).
 * When `total` is more than all capacities together (possible only after a cash rounding in the
 * customer's favour), every tender gets its capacity and the rest is `excess` (paid in cash).
 */
export function allocateRefund(
  total: Minor,
  capacities: readonly Minor[],
): { parts: Minor[]; excess: Minor } {
  assertMinor(total, 'total');
  if (total < 0) {
    throw new DomainError('INVALID_AMOUNT', `A refund total cannot be negative, got ${total}`, { total });
  }
  const clamped = capacities.map((c, i) => Math.max(assertMinor(c, `capacities[${i}]`), 0));
  const available = clamped.reduce((a, b) => a + b, 0);
  if (available === 0) return { parts: clamped.map(() => 0), excess: total };
  if (total >= available) return { parts: clamped, excess: total - available };
  return { parts: allocateProportionally(total, clamped), excess: 0 };
}
