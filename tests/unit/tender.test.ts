import { describe, it, expect } from 'vitest';
import {
  cashRoundingAdjustment,
  isTenderMethod,
  maxNonCashTender,
  summarizeTenders,
  TENDER_METHODS,
  tenderNeedsReference,
  validateNewTender,
} from '../../src-shared/domain/tender.js';
import type { Tender, TenderMethod, TenderState } from '../../src-shared/domain/tender.js';
import { expectDomainError } from './expect-domain-error.js';

let nextId = 0;
function tender(method: TenderMethod, amount: number, reference: string | null = null): Tender {
  nextId++;
  return { id: `t${nextId}`, method, amount, reference };
}

/** Validates then appends, like the sale service does. */
function pay(state: TenderState, t: Tender): TenderState {
  validateNewTender(state, t);
  return { ...state, tenders: [...state.tenders, t] };
}

describe('tender methods', () => {
  it('lists the five methods', () => {
    expect(TENDER_METHODS).toEqual(['CASH', 'CARD', 'MPESA', 'CREDIT', 'VOUCHER']);
    expect(isTenderMethod('MPESA')).toBe(true);
    expect(isTenderMethod('mpesa')).toBe(false);
    expect(isTenderMethod('CHEQUE')).toBe(false);
  });

  it('card and M-Pesa carry a reference, the others do not need one', () => {
    expect(TENDER_METHODS.filter(tenderNeedsReference)).toEqual(['CARD', 'MPESA']);
  });
});

describe('cashRoundingAdjustment', () => {
  it.each([
    [100250, 500, 250],
    [100240, 500, -240],
    [100260, 500, 240],
    [100500, 500, 0],
    [100250, 100, 50],
    [100249, 100, -49],
    [100251, 100, 49],
    [100200, 100, 0],
    [100250, 0, 0],
    [0, 500, 0],
    [49, 100, -49],
    [50, 100, 50],
    [-100250, 500, -250],
    [-100240, 500, 240],
  ])('%i to the nearest %i → %i', (amount, step, adjustment) => {
    expect(cashRoundingAdjustment(amount, step)).toBe(adjustment);
  });

  it('refuses a negative or fractional step', () => {
    expectDomainError(() => cashRoundingAdjustment(100, -100), 'INVALID_ROUNDING_STEP');
    expectDomainError(() => cashRoundingAdjustment(100, 0.5), 'INVALID_ROUNDING_STEP');
    expectDomainError(() => cashRoundingAdjustment(0.5, 100), 'INVALID_AMOUNT');
  });
});

describe('summarizeTenders', () => {
  it('starts with the whole total due', () => {
    expect(summarizeTenders({ total: 125000, cashRoundingStep: 0, tenders: [] })).toEqual({
      total: 125000,
      roundingAdjustment: 0,
      due: 125000,
      paid: 0,
      balance: 125000,
      change: 0,
      cashTendered: 0,
      byMethod: { CASH: 0, CARD: 0, MPESA: 0, CREDIT: 0, VOUCHER: 0 },
      complete: false,
    });
  });

  it('a zero total is complete with nothing paid', () => {
    const s = summarizeTenders({ total: 0, cashRoundingStep: 500, tenders: [] });
    expect(s).toMatchObject({ due: 0, balance: 0, change: 0, complete: true });
  });

  it('refuses a negative total (refunds are not tendered here) and a bad step', () => {
    expectDomainError(
      () => summarizeTenders({ total: -100, cashRoundingStep: 0, tenders: [] }),
      'INVALID_AMOUNT',
      /refund/,
    );
    expectDomainError(
      () => summarizeTenders({ total: 100, cashRoundingStep: -1, tenders: [] }),
      'INVALID_ROUNDING_STEP',
    );
    expectDomainError(
      () =>
        summarizeTenders({
          total: 100,
          cashRoundingStep: 0,
          tenders: [{ id: 'x', method: 'BITCOIN' as 'CASH', amount: 1 }],
        }),
      'INVALID_TENDER_METHOD',
    );
  });
});

describe('split tenders', () => {
  it('M-Pesa then cash: 1,250.00 paid 1,000.00 by M-Pesa and 300.00 cash → 50.00 change', () => {
    let state: TenderState = { total: 125000, cashRoundingStep: 0, tenders: [] };
    state = pay(state, tender('MPESA', 100000, 'SGH7K2L9QX'));
    expect(summarizeTenders(state)).toMatchObject({
      paid: 100000,
      balance: 25000,
      change: 0,
      complete: false,
    });
    state = pay(state, tender('CASH', 30000));
    expect(summarizeTenders(state)).toEqual({
      total: 125000,
      roundingAdjustment: 0,
      due: 125000,
      paid: 130000,
      balance: 0,
      change: 5000,
      cashTendered: 30000,
      byMethod: { CASH: 30000, CARD: 0, MPESA: 100000, CREDIT: 0, VOUCHER: 0 },
      complete: true,
    });
  });

  it('cash then M-Pesa for the exact rest', () => {
    let state: TenderState = { total: 125000, cashRoundingStep: 0, tenders: [] };
    state = pay(state, tender('CASH', 20000));
    expect(maxNonCashTender(state)).toBe(105000);
    state = pay(state, tender('MPESA', 105000));
    expect(summarizeTenders(state)).toMatchObject({ paid: 125000, balance: 0, change: 0, complete: true });
  });

  it('sums several tenders per method', () => {
    const state: TenderState = {
      total: 100000,
      cashRoundingStep: 0,
      tenders: [
        tender('VOUCHER', 10000),
        tender('CARD', 20000),
        tender('CREDIT', 30000),
        tender('CARD', 5000),
        tender('CASH', 40000),
      ],
    };
    const s = summarizeTenders(state);
    expect(s.byMethod).toEqual({ CASH: 40000, CARD: 25000, MPESA: 0, CREDIT: 30000, VOUCHER: 10000 });
    expect(s).toMatchObject({ paid: 105000, balance: 0, change: 5000, complete: true });
  });
});

describe('validateNewTender', () => {
  const fresh: TenderState = { total: 125000, cashRoundingStep: 0, tenders: [] };

  it('refuses a non-cash tender above the balance and says the most it can be', () => {
    const error = expectDomainError(
      () => {
        validateNewTender(fresh, tender('MPESA', 130000));
      },
      'OVER_TENDER_NON_CASH',
      'A MPESA payment can be at most 1250.00; only cash can be more than the balance',
    );
    expect(error.details).toEqual({ method: 'MPESA', amount: 130000, max: 125000 });
    const afterCash = pay(fresh, tender('CASH', 20000));
    expectDomainError(
      () => {
        validateNewTender(afterCash, tender('CARD', 105001));
      },
      'OVER_TENDER_NON_CASH',
      /at most 1050.00/,
    );
    expect(() => {
      validateNewTender(afterCash, tender('CARD', 105000));
    }).not.toThrow();
  });

  it('lets cash exceed the balance; the excess is change', () => {
    const state = pay(fresh, tender('CASH', 200000));
    expect(summarizeTenders(state)).toMatchObject({
      paid: 200000,
      balance: 0,
      change: 75000,
      complete: true,
    });
  });

  it('change comes only from cash and never exceeds the cash tendered', () => {
    const state = pay(pay(fresh, tender('CARD', 100000)), tender('CASH', 50000));
    const s = summarizeTenders(state);
    expect(s.change).toBe(25000);
    expect(s.change).toBeLessThanOrEqual(s.cashTendered);
    // A state built without validation, where card overpaid: change is still capped by the cash.
    const bad = summarizeTenders({
      total: 10000,
      cashRoundingStep: 0,
      tenders: [tender('CARD', 15000), tender('CASH', 2000)],
    });
    expect(bad.change).toBe(2000);
  });

  it('refuses any tender once the sale is paid', () => {
    const paid = pay(fresh, tender('CARD', 125000));
    expectDomainError(
      () => {
        validateNewTender(paid, tender('CASH', 100));
      },
      'ALREADY_PAID',
      'This sale is already fully paid',
    );
    expectDomainError(() => {
      validateNewTender({ total: 0, cashRoundingStep: 0, tenders: [] }, tender('CASH', 100));
    }, 'ALREADY_PAID');
  });

  it.each([[0], [-100], [1.5], [Number.NaN]])('refuses amount %s', (amount) => {
    expectDomainError(
      () => {
        validateNewTender(fresh, tender('CASH', amount));
      },
      'INVALID_TENDER_AMOUNT',
      /must be more than 0.00/,
    );
  });

  it('refuses unknown methods and a repeated tender id', () => {
    expectDomainError(
      () => {
        validateNewTender(fresh, { id: 'x', method: 'CHEQUE' as 'CASH', amount: 100 });
      },
      'INVALID_TENDER_METHOD',
      'Unknown payment method "CHEQUE"',
    );
    const t = tender('CASH', 100);
    expectDomainError(() => {
      validateNewTender(pay(fresh, t), t);
    }, 'DUPLICATE_TENDER');
  });

  it('does not require a reference (services decide)', () => {
    expect(() => {
      validateNewTender(fresh, { id: 'r', method: 'CARD', amount: 100 });
    }).not.toThrow();
  });
});

describe('cash rounding', () => {
  it('rounds a cash sale to 1 shilling: 1,002.50 → 1,003.00', () => {
    const state = pay({ total: 100250, cashRoundingStep: 100, tenders: [] }, tender('CASH', 100300));
    expect(summarizeTenders(state)).toMatchObject({
      roundingAdjustment: 50,
      due: 100300,
      paid: 100300,
      balance: 0,
      change: 0,
      complete: true,
    });
  });

  it('rounds a cash sale to 5 shillings: 1,002.50 → 1,005.00, and 1,002.40 → 1,000.00', () => {
    const up = { total: 100250, cashRoundingStep: 500, tenders: [tender('CASH', 100000)] };
    expect(summarizeTenders(up)).toMatchObject({
      roundingAdjustment: 250,
      due: 100500,
      balance: 500,
      change: 0,
      complete: false,
    });
    const upPaid = { ...up, tenders: [tender('CASH', 200000)] };
    expect(summarizeTenders(upPaid)).toMatchObject({ due: 100500, change: 99500, complete: true });
    const down = { total: 100240, cashRoundingStep: 500, tenders: [tender('CASH', 100000)] };
    expect(summarizeTenders(down)).toMatchObject({
      roundingAdjustment: -240,
      due: 100000,
      balance: 0,
      change: 0,
      complete: true,
    });
  });

  it('does not round when no cash is tendered', () => {
    const state = pay({ total: 100250, cashRoundingStep: 500, tenders: [] }, tender('CARD', 100250));
    expect(summarizeTenders(state)).toMatchObject({
      roundingAdjustment: 0,
      due: 100250,
      balance: 0,
      complete: true,
    });
    const partial = summarizeTenders({
      total: 100250,
      cashRoundingStep: 500,
      tenders: [tender('MPESA', 50000)],
    });
    expect(partial).toMatchObject({ roundingAdjustment: 0, due: 100250, balance: 50250 });
  });

  it('rounds only the cash part of a split payment', () => {
    let state: TenderState = { total: 100250, cashRoundingStep: 500, tenders: [] };
    state = pay(state, tender('MPESA', 50000));
    state = pay(state, tender('CASH', 60000));
    // cash part 502.50 → 505.00
    expect(summarizeTenders(state)).toMatchObject({
      roundingAdjustment: 250,
      due: 100500,
      paid: 110000,
      change: 9500,
      complete: true,
    });
  });

  it('cash first, then M-Pesa: the non-cash limit is the unrounded rest of the total', () => {
    let state: TenderState = { total: 100200, cashRoundingStep: 500, tenders: [] };
    state = pay(state, tender('CASH', 50000));
    // cash part 1,002.00 → 1,000.00: 500.00 left on the rounded figure, 502.00 on the exact one
    expect(summarizeTenders(state)).toMatchObject({ roundingAdjustment: -200, due: 100000, balance: 50000 });
    expect(maxNonCashTender(state)).toBe(50200);
    expectDomainError(
      () => {
        validateNewTender(state, tender('MPESA', 50201));
      },
      'OVER_TENDER_NON_CASH',
      /at most 502.00/,
    );
    const exact = pay(state, tender('MPESA', 50200));
    expect(summarizeTenders(exact)).toMatchObject({
      roundingAdjustment: 0,
      due: 100200,
      balance: 0,
      change: 0,
      complete: true,
    });
    const shown = pay(state, tender('MPESA', 50000));
    expect(summarizeTenders(shown)).toMatchObject({
      roundingAdjustment: -200,
      due: 100000,
      balance: 0,
      change: 0,
      complete: true,
    });
  });

  it('a balance that is only cash rounding can only be paid in cash', () => {
    const state = pay({ total: 100250, cashRoundingStep: 500, tenders: [] }, tender('CASH', 100250));
    expect(summarizeTenders(state)).toMatchObject({ due: 100500, balance: 250, complete: false });
    expect(maxNonCashTender(state)).toBe(0);
    expectDomainError(
      () => {
        validateNewTender(state, tender('MPESA', 250));
      },
      'OVER_TENDER_NON_CASH',
      'The remaining 2.50 is cash rounding and can only be paid in cash',
    );
    const done = pay(state, tender('CASH', 500));
    expect(summarizeTenders(done)).toMatchObject({ due: 100500, paid: 100750, change: 250, complete: true });
  });
});
