/**
 * Tendering a sale: split payments (cash, card, M-Pesa, credit, voucher), change and cash rounding.
 * Only sales (total ≥ 0) are tendered here; refunds are settled elsewhere.
 *
 * Rules:
 * - every tender amount is > 0 (INVALID_TENDER_AMOUNT); no tender once the balance is 0 (ALREADY_PAID);
 * - a non-cash tender may not exceed what is left of the total after everything already tendered
 *   (OVER_TENDER_NON_CASH): change is only ever given from cash;
 * - cash may exceed the balance; the excess is change, and change never exceeds the cash tendered;
 * - cash rounding: when the store rounds cash (cashRoundingStep > 0) and cash is part of the payment,
 *   the part of the total left for cash (total − non-cash tenders) is rounded to the nearest multiple
 *   of the step (see cashRoundingAdjustment); the difference is `roundingAdjustment` and due = total +
 *   roundingAdjustment. Without cash there is no rounding: card and M-Pesa pay to the cent.
 */
import { DomainError } from './errors.js';
import { assertMinor, formatMoney } from './money.js';
import type { Minor } from './money.js';
import { divRoundHalfAwayFromZero } from './rounding.js';

export type TenderMethod = 'CASH' | 'CARD' | 'MPESA' | 'CREDIT' | 'VOUCHER';

export const TENDER_METHODS: readonly TenderMethod[] = Object.freeze([
  'CASH',
  'CARD',
  'MPESA',
  'CREDIT',
  'VOUCHER',
]);

export interface Tender {
  id: string;
  method: TenderMethod;
  amount: Minor;
  reference?: string | null;
}

export interface TenderState {
  total: Minor;
  /** 0 = no cash rounding, 100 = to 1 shilling, 500 = to 5 shillings. */
  cashRoundingStep: Minor;
  tenders: readonly Tender[];
}

export interface TenderSummary {
  total: Minor;
  /** Applied only when the remaining balance is settled in cash. */
  roundingAdjustment: Minor;
  /** total + roundingAdjustment. */
  due: Minor;
  paid: Minor;
  /** ≥ 0, what remains to pay. */
  balance: Minor;
  /** ≥ 0, only from cash. */
  change: Minor;
  cashTendered: Minor;
  byMethod: Record<TenderMethod, Minor>;
  complete: boolean;
}

export function isTenderMethod(s: unknown): s is TenderMethod {
  return typeof s === 'string' && (TENDER_METHODS as readonly string[]).includes(s);
}

/** Card and M-Pesa payments carry a reference (approval code, M-Pesa receipt number); services decide. */
export function tenderNeedsReference(method: TenderMethod): boolean {
  return method === 'CARD' || method === 'MPESA';
}

function assertRoundingStep(step: unknown): Minor {
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
    throw new DomainError(
      'INVALID_ROUNDING_STEP',
      `The cash rounding step must be a whole number of cents ≥ 0, got ${String(step)}`,
      {
        step,
      },
    );
  }
  return step;
}

/**
 * What to add to `amount` to reach the nearest multiple of `step` (0 when step is 0). An exact half
 * rounds away from zero (up for a sale), by the system's one rounding rule:
 * 100250 (1,002.50) step 500 → +250 (1,005.00); 100240 step 500 → −240 (1,000.00);
 * 100250 step 100 → +50 (1,003.00); 100249 step 100 → −49 (1,002.00).
 */
export function cashRoundingAdjustment(amount: Minor, step: Minor): Minor {
  assertMinor(amount);
  if (assertRoundingStep(step) === 0) return 0;
  const rounded = divRoundHalfAwayFromZero(amount, step) * step;
  return assertMinor(rounded, 'rounded amount') - amount;
}

function checkState(state: TenderState): void {
  assertMinor(state.total, 'total');
  if (state.total < 0) {
    throw new DomainError('INVALID_AMOUNT', 'A negative total (a refund) is not tendered as a sale', {
      total: state.total,
    });
  }
  assertRoundingStep(state.cashRoundingStep);
  state.tenders.forEach((t, i) => {
    if (!isTenderMethod(t.method)) {
      throw new DomainError('INVALID_TENDER_METHOD', `Unknown payment method "${String(t.method)}"`, {
        index: i,
      });
    }
    assertMinor(t.amount, `tenders[${i}].amount`);
  });
}

/** Totals of the tenders so far: due (with cash rounding), paid, balance, change, per-method sums. */
export function summarizeTenders(state: TenderState): TenderSummary {
  checkState(state);
  const byMethod: Record<TenderMethod, Minor> = { CASH: 0, CARD: 0, MPESA: 0, CREDIT: 0, VOUCHER: 0 };
  for (const t of state.tenders) byMethod[t.method] = assertMinor(byMethod[t.method] + t.amount, 'paid');
  const cashTendered = byMethod.CASH;
  const nonCashPaid = assertMinor(
    byMethod.CARD + byMethod.MPESA + byMethod.CREDIT + byMethod.VOUCHER,
    'paid',
  );
  const paid = assertMinor(cashTendered + nonCashPaid, 'paid');
  const cashPart = state.total - nonCashPaid;
  const roundingAdjustment =
    state.cashRoundingStep > 0 && cashTendered > 0 && cashPart > 0
      ? cashRoundingAdjustment(cashPart, state.cashRoundingStep)
      : 0;
  const due = state.total + roundingAdjustment;
  const balance = Math.max(due - paid, 0);
  const change = Math.min(Math.max(paid - due, 0), cashTendered);
  return {
    total: state.total,
    roundingAdjustment,
    due,
    paid,
    balance,
    change,
    cashTendered,
    byMethod,
    complete: balance === 0,
  };
}

/**
 * The most a non-cash tender may be now: what is left of the (unrounded) total after every tender so
 * far. Cash rounding never applies to a non-cash payment.
 */
export function maxNonCashTender(state: TenderState): Minor {
  const s = summarizeTenders(state);
  return s.complete ? 0 : Math.max(state.total - s.paid, 0);
}

/** Throws DomainError when `tender` may not be added to `state` (see the module rules). */
export function validateNewTender(state: TenderState, tender: Tender): void {
  if (!isTenderMethod(tender.method)) {
    throw new DomainError('INVALID_TENDER_METHOD', `Unknown payment method "${String(tender.method)}"`, {
      method: tender.method,
    });
  }
  const amount: unknown = tender.amount;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new DomainError(
      'INVALID_TENDER_AMOUNT',
      `A payment must be more than 0.00, got ${String(amount)}`,
      {
        amount,
      },
    );
  }
  if (state.tenders.some((t) => t.id === tender.id)) {
    throw new DomainError('DUPLICATE_TENDER', `Payment ${tender.id} has already been added`, {
      id: tender.id,
    });
  }
  const summary = summarizeTenders(state);
  if (summary.complete) {
    throw new DomainError('ALREADY_PAID', 'This sale is already fully paid', {
      due: summary.due,
      paid: summary.paid,
    });
  }
  if (tender.method === 'CASH') return;
  const max = maxNonCashTender(state);
  if (amount > max) {
    const message =
      max === 0
        ? `The remaining ${formatMoney(summary.balance)} is cash rounding and can only be paid in cash`
        : `A ${tender.method} payment can be at most ${formatMoney(max)}; only cash can be more than the balance`;
    throw new DomainError('OVER_TENDER_NON_CASH', message, { method: tender.method, amount, max });
  }
}
