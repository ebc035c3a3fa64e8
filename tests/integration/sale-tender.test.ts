import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { clientId, errorOf, rows, scaleLabel, startSale } from './sale-support.js';

let t: TestTill;
let saleId: string;

beforeEach(() => {
  t = createTestTill();
  saleId = startSale(t);
  t.till.call('sale.addItem', { saleId, code: 'SUG-001', qtyMilli: 2000 }); // 330.00
});
afterEach(() => {
  t.close();
});

describe('sale.tender', () => {
  it('splits CASH + MPESA and gives change from the cash', () => {
    const afterMpesa = t.till.call('sale.tender', {
      saleId,
      method: 'MPESA',
      amount: 20000,
      reference: 'QKX7Y8Z9AB',
    });
    expect(afterMpesa.payment).toMatchObject({ paid: 20000, balance: 13000, change: 0, complete: false });
    const sale = t.till.call('sale.tender', { saleId, method: 'CASH', amount: 20000 });
    expect(sale.tenders.map((x) => [x.method, x.amount, x.reference])).toEqual([
      ['MPESA', 20000, 'QKX7Y8Z9AB'],
      ['CASH', 20000, null],
    ]);
    expect(sale.payment).toMatchObject({
      total: 33000,
      due: 33000,
      paid: 40000,
      balance: 0,
      change: 7000,
      cashTendered: 20000,
      complete: true,
      byMethod: { CASH: 20000, MPESA: 20000, CARD: 0, CREDIT: 0, VOUCHER: 0 },
    });
  });

  it('refuses an M-Pesa payment over the balance (change only comes from cash) and writes nothing', () => {
    const before = t.snapshot();
    const err = errorOf(() =>
      t.till.call('sale.tender', { saleId, method: 'MPESA', amount: 40000, reference: 'QKX7Y8Z9AB' }),
    );
    expect(err.code).toBe('OVER_TENDER_NON_CASH');
    expect(err.message).toContain('330.00');
    expect(t.snapshot()).toEqual(before);
  });

  it('needs a reference for card and M-Pesa', () => {
    const mpesa = errorOf(() => t.till.call('sale.tender', { saleId, method: 'MPESA', amount: 1000 }));
    expect(mpesa.code).toBe('VALIDATION_FAILED');
    expect(mpesa.fieldErrors?.reference).toEqual(['enter the M-Pesa confirmation code']);
    expect(
      errorOf(() => t.till.call('sale.tender', { saleId, method: 'CARD', amount: 1000 })).fieldErrors,
    ).toHaveProperty('reference');
  });

  it('refuses CREDIT without an attached client', () => {
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('sale.tender', { saleId, method: 'CREDIT', amount: 33000 })).code).toBe(
      'CLIENT_REQUIRED',
    );
    expect(t.snapshot()).toEqual(before);
  });

  it('allows CREDIT within the client credit limit minus balance, and not beyond', () => {
    t.till.call('sale.attachClient', { saleId, clientId: clientId(t, 'Juma Hardware') });
    const noCredit = errorOf(() => t.till.call('sale.tender', { saleId, method: 'CREDIT', amount: 100 }));
    expect(noCredit.code).toBe('CREDIT_LIMIT_EXCEEDED');

    const mama = clientId(t, 'Mama Mboga Traders');
    t.till.ledger.raw.prepare('update clients set credit_balance = 480000 where id = ?').run(mama); // 200.00 left of 5,000.00
    t.till.call('sale.attachClient', { saleId, clientId: mama });
    expect(errorOf(() => t.till.call('sale.tender', { saleId, method: 'CREDIT', amount: 20001 })).code).toBe(
      'CREDIT_LIMIT_EXCEEDED',
    );
    const sale = t.till.call('sale.tender', { saleId, method: 'CREDIT', amount: 20000 });
    expect(sale.payment.balance).toBe(13000);
    expect(errorOf(() => t.till.call('sale.tender', { saleId, method: 'CREDIT', amount: 1 })).code).toBe(
      'CREDIT_LIMIT_EXCEEDED',
    );
    expect(errorOf(() => t.till.call('sale.attachClient', { saleId, clientId: null })).code).toBe('CONFLICT');
  });

  it('counts credit given at this till and not yet synced against the limit', () => {
    const mama = clientId(t, 'Mama Mboga Traders');
    t.till.call('sale.attachClient', { saleId, clientId: mama });
    t.till.call('sale.tender', { saleId, method: 'CREDIT', amount: 33000 });
    t.till.call('sale.complete', { saleId });
    const next = t.till.call('sale.start', {}).id;
    t.till.call('sale.addItem', { saleId: next, code: 'SUG-001', qtyMilli: 30000 }); // 4,950.00
    t.till.call('sale.attachClient', { saleId: next, clientId: mama });
    const err = errorOf(() => t.till.call('sale.tender', { saleId: next, method: 'CREDIT', amount: 495000 }));
    expect(err.code).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(err.details).toMatchObject({ available: 500000 - 33000 });
  });

  it('refuses a payment on an empty sale, and any payment once paid', () => {
    const empty = t.till.call('sale.start', {});
    t.loginAs('manager');
    const other = t.till.call('sale.start', {}).id;
    expect(other).not.toBe(empty.id);
    expect(
      errorOf(() => t.till.call('sale.tender', { saleId: other, method: 'CASH', amount: 100 })).code,
    ).toBe('SALE_EMPTY');
    t.till.call('sale.tender', { saleId, method: 'CASH', amount: 33000 });
    expect(errorOf(() => t.till.call('sale.tender', { saleId, method: 'CASH', amount: 100 })).code).toBe(
      'ALREADY_PAID',
    );
  });

  it('refuses a line change that would leave non-cash payments above the total', () => {
    const lineId = t.till.call('sale.get', { saleId })!.sale.lines[0]!.id;
    t.till.call('sale.tender', { saleId, method: 'MPESA', amount: 33000, reference: 'QKX7Y8Z9AB' });
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('sale.setQuantity', { saleId, lineId, qtyMilli: 1000 })).code).toBe(
      'CONFLICT',
    );
    expect(t.snapshot()).toEqual(before);
  });

  it('rounds the cash part to the store step (e.g. 5 shillings) and records it', () => {
    t.till.ledger.raw.prepare('update stores set cash_rounding_step = 500').run();
    const id = saleId;
    const lineId = t.till.call('sale.get', { saleId: id })!.sale.lines[0]!.id;
    t.till.call('sale.voidLine', {
      saleId: id,
      lineId,
      reason: 'weighed instead',
      approval: { managerId: t.demo.users.manager.id, pin: '2222' },
    });
    t.till.call('sale.addItem', { saleId: id, code: scaleLabel('00001', 1235) }); // 148.20
    const sale = t.till.call('sale.tender', { saleId: id, method: 'CASH', amount: 20000 });
    expect(sale.payment).toMatchObject({
      total: 14820,
      roundingAdjustment: 180,
      due: 15000,
      change: 5000,
      balance: 0,
    });
    const { receipt } = t.till.call('sale.complete', { saleId: id });
    expect(receipt).toMatchObject({
      total: 14820,
      rounding: 180,
      totalDue: 15000,
      paid: 20000,
      change: 5000,
    });
    expect(rows(t, 'select total, rounding_adjustment as r, change_given as c from sales')).toEqual([
      { total: 15000, r: 180, c: 5000 },
    ]);
  });
});

describe('sale.removeTender', () => {
  it('removes a payment and the balance comes back', () => {
    const tenderId = t.till.call('sale.tender', { saleId, method: 'CASH', amount: 10000 }).tenders[0]!.id;
    const sale = t.till.call('sale.removeTender', { saleId, tenderId });
    expect(sale.tenders).toEqual([]);
    expect(sale.payment.balance).toBe(33000);
    expect(errorOf(() => t.till.call('sale.removeTender', { saleId, tenderId })).code).toBe('NOT_FOUND');
  });
});
