import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUuidV7 } from '../../src-shared/domain/ids.js';
import { createTestTill, type TestTill } from '../support/test-till.js';
import {
  clientId,
  errorOf,
  product,
  recordEvents,
  rows,
  scaleLabel,
  startSale,
  withBadCheckDigit,
} from './sale-support.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

describe('sale.start', () => {
  it('needs an open cash session', () => {
    t.loginAs('cashier');
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('sale.start', {})).code).toBe('NO_OPEN_SESSION');
    expect(t.snapshot()).toEqual(before);
  });

  it('opens an empty sale with a UUIDv7 id in the current session, persisted as an open cart', () => {
    const sessionId = t.openSession();
    const sale = t.till.call('sale.start', {});
    expect(isUuidV7(sale.id)).toBe(true);
    expect(sale).toMatchObject({
      status: 'open',
      sessionId,
      userId: t.demo.users.cashier.id,
      currency: 'KES',
      lines: [],
      tenders: [],
    });
    expect(sale.totals.total).toBe(0);
    expect(rows(t, 'select id, status, session_id as sessionId from carts')).toEqual([
      { id: sale.id, status: 'open', sessionId },
    ]);
  });

  it("returns the operator's open sale instead of starting a second one", () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: 'SUG-001' });
    const again = t.till.call('sale.start', {});
    expect(again.id).toBe(id);
    expect(again.lines).toHaveLength(1);
    expect(rows(t, 'select id from carts')).toHaveLength(1);
  });

  it('gives each operator their own open sale', () => {
    const cashierSale = startSale(t);
    t.loginAs('manager');
    const managerSale = t.till.call('sale.start', {});
    expect(managerSale.id).not.toBe(cashierSale);
    expect(managerSale.userId).toBe(t.demo.users.manager.id);
  });
});

describe('sale.addItem', () => {
  it('prices tax-inclusive VAT per line: 2 × sugar 165.00 at 16 % → total 330.00, VAT 45.52', () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: product(t, 'sugar').barcode });
    const sale = t.till.call('sale.addItem', { saleId: id, productId: product(t, 'sugar').id });
    expect(sale.lines).toHaveLength(1);
    expect(sale.lines[0]).toMatchObject({
      name: 'Kabras Sugar 1kg',
      qtyMilli: 2000,
      unitPrice: 16500,
      gross: 33000,
      tax: 4552,
      net: 28448,
      band: 'B',
    });
    expect(sale.totals).toMatchObject({ subtotal: 33000, total: 33000, taxTotal: 4552, netTotal: 28448 });
    expect(sale.totals.taxBreakdown).toEqual([
      {
        taxClass: 'standard',
        band: 'B',
        rateBp: 1600,
        label: 'VAT 16%',
        net: 28448,
        tax: 4552,
        gross: 33000,
      },
    ]);
    expect(sale.payment).toMatchObject({ due: 33000, paid: 0, balance: 33000, complete: false });
  });

  it('adds a quantity at once and breaks VAT down by band (exempt, 16 %, zero-rated, 8 %)', () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: 'SUG-001', qtyMilli: 3000 });
    t.till.call('sale.addItem', { saleId: id, code: 'MLK-001' });
    t.till.call('sale.addItem', { saleId: id, code: 'FLR-001' });
    const sale = t.till.call('sale.addItem', { saleId: id, code: 'PAR-001' });
    expect(sale.totals.total).toBe(3 * 16500 + 6500 + 17500 + 15000);
    expect(sale.totals.taxBreakdown.map((r) => [r.band, r.net, r.tax])).toEqual([
      ['A', 17500, 0],
      ['B', 42672, 6828],
      ['C', 6500, 0],
      ['E', 13889, 1111],
    ]);
    expect(sale.totals.taxTotal).toBe(6828 + 1111);
  });

  it('rings up a weighed item from a scale label (weight variant), each label its own line', () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: scaleLabel('00001', 1235) });
    const sale = t.till.call('sale.addItem', { saleId: id, code: scaleLabel('00001', 500) });
    expect(sale.lines.map((l) => [l.name, l.qtyMilli, l.gross, l.unit])).toEqual([
      ['Tomatoes (kg)', 1235, 14820, 'kg'],
      ['Tomatoes (kg)', 500, 6000, 'kg'],
    ]);
    expect(sale.lines[0]?.scannedCode).toBe(scaleLabel('00001', 1235));
  });

  it('rings up a weighed item from a price label (price variant)', () => {
    t.till.ledger.raw
      .prepare('update stores set weighed_layout = ?')
      .run(JSON.stringify({ valueKind: 'price', valueDecimals: 2 }));
    const id = startSale(t);
    const sale = t.till.call('sale.addItem', { saleId: id, code: scaleLabel('00002', 4000) });
    expect(sale.lines[0]).toMatchObject({ name: 'Bananas (kg)', qtyMilli: 500, gross: 4000 });
  });

  it('needs a weight for a weighed product added without a label; decimals are fine there', () => {
    const id = startSale(t);
    const before = t.snapshot();
    const err = errorOf(() =>
      t.till.call('sale.addItem', { saleId: id, productId: product(t, 'tomatoes').id }),
    );
    expect(err.code).toBe('WEIGHT_REQUIRED');
    expect(t.snapshot()).toEqual(before);
    const sale = t.till.call('sale.addItem', {
      saleId: id,
      productId: product(t, 'tomatoes').id,
      qtyMilli: 750,
    });
    expect(sale.lines[0]).toMatchObject({ qtyMilli: 750, gross: 9000 });
  });

  it('sells counted goods in whole units only', () => {
    const id = startSale(t);
    const err = errorOf(() => t.till.call('sale.addItem', { saleId: id, code: 'SUG-001', qtyMilli: 1500 }));
    expect(err.code).toBe('INVALID_QUANTITY');
    expect(err.message).toContain('whole units');
  });

  it('refuses an inactive product with PRODUCT_INACTIVE and writes nothing', () => {
    const id = startSale(t);
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('sale.addItem', { saleId: id, code: 'OLD-001' })).code).toBe(
      'PRODUCT_INACTIVE',
    );
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a bad check digit and an unknown code, leaving the sale as it was', () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: 'SUG-001' });
    const before = t.snapshot();
    expect(
      errorOf(() =>
        t.till.call('sale.addItem', { saleId: id, code: withBadCheckDigit(product(t, 'milk').barcode) }),
      ).code,
    ).toBe('BAD_CHECK_DIGIT');
    expect(errorOf(() => t.till.call('sale.addItem', { saleId: id, code: '4006381333931' })).code).toBe(
      'UNKNOWN_BARCODE',
    );
    expect(t.snapshot()).toEqual(before);
    expect(t.till.call('sale.get', { saleId: id })?.sale.lines).toHaveLength(1);
  });

  it('rejects malformed input with field errors and writes nothing', () => {
    const id = startSale(t);
    const before = t.snapshot();
    const both = errorOf(() =>
      t.till.call('sale.addItem', { saleId: id, code: 'SUG-001', productId: product(t, 'milk').id }),
    );
    expect(both.code).toBe('VALIDATION_FAILED');
    expect(both.fieldErrors).toHaveProperty('code');
    const zero = errorOf(() => t.till.call('sale.addItem', { saleId: id, code: 'SUG-001', qtyMilli: 0 }));
    expect(zero.fieldErrors).toHaveProperty('qtyMilli');
    expect(
      errorOf(() => t.till.call('sale.addItem', { saleId: 'not-a-uuid', code: 'SUG-001' })).fieldErrors,
    ).toHaveProperty('saleId');
    expect(
      errorOf(() => t.till.call('sale.addItem', { saleId: id, code: 'x', price: 1 } as never)).code,
    ).toBe('VALIDATION_FAILED');
    expect(t.snapshot()).toEqual(before);
  });

  it("emits 'sale.updated' after each change", () => {
    const id = startSale(t);
    const events = recordEvents(t);
    t.till.call('sale.addItem', { saleId: id, code: 'SUG-001' });
    expect(events).toEqual([{ type: 'sale.updated', payload: { saleId: id, status: 'open' } }]);
  });
});

describe('sale.setQuantity', () => {
  it('changes a line quantity, whole units for counted goods', () => {
    const id = startSale(t);
    const lineId = t.till.call('sale.addItem', { saleId: id, code: 'SOD-001' }).lines[0]!.id;
    expect(t.till.call('sale.setQuantity', { saleId: id, lineId, qtyMilli: 6000 }).totals.total).toBe(48000);
    expect(errorOf(() => t.till.call('sale.setQuantity', { saleId: id, lineId, qtyMilli: 2500 })).code).toBe(
      'INVALID_QUANTITY',
    );
    expect(
      errorOf(() => t.till.call('sale.setQuantity', { saleId: id, lineId: id, qtyMilli: 1000 })).code,
    ).toBe('NOT_FOUND');
  });
});

describe('sale.attachClient', () => {
  it('attaches and detaches a client', () => {
    const id = startSale(t);
    const mama = clientId(t, 'Mama Mboga Traders');
    const sale = t.till.call('sale.attachClient', { saleId: id, clientId: mama });
    expect(sale.client).toMatchObject({ id: mama, name: 'Mama Mboga Traders', creditLimit: 500000 });
    expect(t.till.call('sale.attachClient', { saleId: id, clientId: null }).client).toBeNull();
    expect(
      errorOf(() => t.till.call('sale.attachClient', { saleId: id, clientId: product(t, 'milk').id })).code,
    ).toBe('NOT_FOUND');
  });
});

describe('hold and recall', () => {
  it('holds a sale with a note, lists it, and recalls it into an empty till', () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: 'SUG-001', qtyMilli: 2000 });
    const held = t.till.call('sale.hold', { saleId: id, note: 'customer fetching wallet' });
    expect(held.status).toBe('held');
    expect(t.till.call('sale.listHeld', {})).toEqual([
      expect.objectContaining({
        id,
        holdNote: 'customer fetching wallet',
        lineCount: 1,
        total: 33000,
        cashierName: 'Achieng Cashier',
      }),
    ]);
    expect(errorOf(() => t.till.call('sale.addItem', { saleId: id, code: 'MLK-001' })).code).toBe(
      'SALE_NOT_OPEN',
    );

    const next = t.till.call('sale.start', {});
    expect(next.id).not.toBe(id);
    const recalled = t.till.call('sale.recall', { saleId: id });
    expect(recalled).toMatchObject({ id, status: 'open', holdNote: null });
    expect(recalled.lines).toHaveLength(1);
    expect(t.till.call('sale.listHeld', {})).toEqual([]);
    expect(rows(t, 'select id from carts')).toEqual([{ id }]);
  });

  it('refuses to recall while the operator has another open sale with items', () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: 'SUG-001' });
    t.till.call('sale.hold', { saleId: id });
    const other = t.till.call('sale.start', {}).id;
    t.till.call('sale.addItem', { saleId: other, code: 'MLK-001' });
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('sale.recall', { saleId: id })).code).toBe('CONFLICT');
    expect(t.snapshot()).toEqual(before);
    expect(errorOf(() => t.till.call('sale.recall', { saleId: other })).code).toBe('SALE_NOT_OPEN');
  });

  it('lets another cashier recall a held sale', () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: 'SUG-001' });
    t.till.call('sale.hold', { saleId: id });
    t.loginAs('manager');
    expect(t.till.call('sale.recall', { saleId: id }).userId).toBe(t.demo.users.manager.id);
  });

  it('refuses to hold an empty sale', () => {
    const id = startSale(t);
    expect(errorOf(() => t.till.call('sale.hold', { saleId: id })).code).toBe('SALE_EMPTY');
  });
});

describe('the open sale survives a restart', () => {
  it('comes back with the same lines, discounts and tenders after the process restarts', () => {
    const id = startSale(t);
    t.till.call('sale.addItem', { saleId: id, code: 'SUG-001', qtyMilli: 2000 });
    t.till.call('sale.addItem', { saleId: id, code: scaleLabel('00001', 1235) });
    t.till.call('sale.attachClient', { saleId: id, clientId: clientId(t, 'Mama Mboga Traders') });
    const before = t.till.call('sale.tender', {
      saleId: id,
      method: 'MPESA',
      amount: 10000,
      reference: 'QKX7Y8Z9AB',
    });

    t.restart();
    t.loginAs('cashier');
    const got = t.till.call('sale.get', {});
    expect(got?.sale).toEqual(before);
    const resumed = t.till.call('sale.start', {});
    expect(resumed.id).toBe(id);
    expect(resumed.lines).toEqual(before.lines);
    expect(resumed.tenders).toEqual(before.tenders);
    expect(resumed.payment.balance).toBe(33000 + 14820 - 10000);
  });
});

describe('sale.get', () => {
  it('returns null when the operator has no open sale, NOT_FOUND for an unknown id', () => {
    t.openSession();
    expect(t.till.call('sale.get', {})).toBeNull();
    expect(errorOf(() => t.till.call('sale.get', { saleId: product(t, 'milk').id })).code).toBe('NOT_FOUND');
  });

  it('needs a login', () => {
    expect(errorOf(() => t.till.call('sale.get', {})).code).toBe('NOT_AUTHENTICATED');
  });
});
