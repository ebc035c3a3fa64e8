import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { clientId, errorOf, onHand, recordEvents, rows, scaleLabel, startSale } from './sale-support.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

/** A sale of 2 × sugar (330.00) and 1 × milk (65.00), paid 100.00 by M-Pesa and 300.00 cash (change 5.00). */
function paidSale(): string {
  const saleId = t.till.call('sale.start', {}).id;
  t.till.call('sale.addItem', { saleId, code: 'SUG-001', qtyMilli: 2000 });
  t.till.call('sale.addItem', { saleId, code: 'MLK-001' });
  t.till.call('sale.tender', { saleId, method: 'MPESA', amount: 10000, reference: 'QKX7Y8Z9AB' });
  t.till.call('sale.tender', { saleId, method: 'CASH', amount: 30000 });
  return saleId;
}

const count = (table: string) => rows<{ n: number }>(t, `select count(*) as n from ${table}`)[0]!.n;

describe('sale.complete', () => {
  it('writes header, lines, payments, stock movements and one outbox event, and deletes the cart', () => {
    const sessionId = t.openSession();
    const saleId = paidSale();
    const { sale, receipt } = t.till.call('sale.complete', { saleId });

    expect(sale).toMatchObject({
      id: saleId,
      status: 'completed',
      receiptNumber: 'T01-000001',
      sessionId,
      businessDate: '2026-11-25',
    });
    expect(receipt.receiptNumber).toBe('T01-000001');
    expect(
      rows(
        t,
        'select id, receipt_number as n, session_id as s, business_date as d, total, paid_total as paid, change_given as change, tax_total as tax, user_id as u from sales',
      ),
    ).toEqual([
      {
        id: saleId,
        n: 'T01-000001',
        s: sessionId,
        d: '2026-11-25',
        total: 39500,
        paid: 40000,
        change: 500,
        tax: 4552,
        u: t.demo.users.cashier.id,
      },
    ]);
    expect(
      rows(
        t,
        'select line_no as no, sku, qty_milli as qty, unit_price as price, gross, tax, band from sale_lines order by line_no',
      ),
    ).toEqual([
      { no: 1, sku: 'SUG-001', qty: 2000, price: 16500, gross: 33000, tax: 4552, band: 'B' },
      { no: 2, sku: 'MLK-001', qty: 1000, price: 6500, gross: 6500, tax: 0, band: 'C' },
    ]);
    expect(rows(t, 'select method, amount, reference from sale_payments order by created_at, id')).toEqual([
      { method: 'MPESA', amount: 10000, reference: 'QKX7Y8Z9AB' },
      { method: 'CASH', amount: 30000, reference: null },
    ]);
    expect(
      rows(
        t,
        'select product_id as p, qty_delta_milli as q, reason, reference_type as rt, reference_id as ri from stock_movements order by qty_delta_milli',
      ),
    ).toEqual([
      { p: t.demo.products.sugar!.id, q: -2000, reason: 'sale', rt: 'sale', ri: saleId },
      { p: t.demo.products.milk!.id, q: -1000, reason: 'sale', rt: 'sale', ri: saleId },
    ]);
    const events = rows<{ type: string; payload: string }>(
      t,
      'select type, payload from outbox where event_id = ?',
      saleId,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('sale.completed');
    const payload = JSON.parse(events[0]!.payload) as {
      sale: { receiptNumber: string };
      lines: unknown[];
      payments: unknown[];
      movements: unknown[];
    };
    expect(payload.sale.receiptNumber).toBe('T01-000001');
    expect([payload.lines.length, payload.payments.length, payload.movements.length]).toEqual([2, 2, 2]);
    expect(count('carts')).toBe(0);
  });

  it('numbers receipts gaplessly: T01-000001, then T01-000002', () => {
    t.openSession();
    const first = t.till.call('sale.complete', { saleId: paidSale() });
    const second = t.till.call('sale.complete', { saleId: paidSale() });
    expect([first.sale.receiptNumber, second.sale.receiptNumber]).toEqual(['T01-000001', 'T01-000002']);
  });

  it('drops stock on hand (not for untracked items) and alerts on low, out and oversold stock', () => {
    const saleId = startSale(t);
    t.till.call('sale.addItem', { saleId, code: 'SUG-001', qtyMilli: 2000 });
    t.till.call('sale.addItem', { saleId, code: 'SOP-001' });
    t.till.call('sale.addItem', { saleId, code: 'BRD-001' });
    t.till.call('sale.addItem', { saleId, code: 'AIR-100' });
    t.till.call('sale.tender', { saleId, method: 'CASH', amount: 100000 });
    const events = recordEvents(t);
    t.till.call('sale.complete', { saleId });

    expect(onHand(t, 'sugar')).toBe(48_000);
    expect(onHand(t, 'soap')).toBe(2_000);
    expect(onHand(t, 'bread')).toBe(-1_000);
    expect(
      rows(t, 'select count(*) as n from stock_movements where product_id = ?', t.demo.products.airtime!.id),
    ).toEqual([{ n: 0 }]);
    const alerts = events.filter((e) => e.type === 'stock.alert').map((e) => e.payload);
    expect(alerts).toEqual(
      expect.arrayContaining([
        {
          productId: t.demo.products.soap!.id,
          sku: 'SOP-001',
          name: 'Omo Washing Powder 1kg',
          onHandMilli: 2000,
          reorderLevelMilli: 5000,
          kind: 'low',
        },
        expect.objectContaining({ sku: 'BRD-001', onHandMilli: -1000, kind: 'oversold' }),
      ]),
    );
    expect(alerts).toHaveLength(2);
    expect(events).toContainEqual({ type: 'sale.updated', payload: { saleId, status: 'completed' } });
  });

  it('refuses SALE_NOT_PAID while a balance is due, writing nothing', () => {
    const saleId = startSale(t);
    t.till.call('sale.addItem', { saleId, code: 'SUG-001' });
    t.till.call('sale.tender', { saleId, method: 'CASH', amount: 10000 });
    const before = t.snapshot();
    const err = errorOf(() => t.till.call('sale.complete', { saleId }));
    expect(err.code).toBe('SALE_NOT_PAID');
    expect(err.message).toContain('65.00');
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses an empty sale and a sale that is already completed', () => {
    const saleId = startSale(t);
    expect(errorOf(() => t.till.call('sale.complete', { saleId })).code).toBe('SALE_EMPTY');
    const done = paidSale();
    expect(done).toBe(saleId);
    t.till.call('sale.complete', { saleId });
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('sale.complete', { saleId })).code).toBe('NOT_FOUND');
    expect(t.snapshot()).toEqual(before);
  });

  it('is one transaction: when any write fails, nothing is written and the receipt number is not used', () => {
    t.openSession();
    const saleId = paidSale();
    // Something already holds the sale's outbox event id: the last write of complete will fail.
    t.till.ledger.raw
      .prepare(
        "insert into outbox (seq, epoch, event_id, type, payload, created_at) values (999, 1, ?, 'x', '{}', 'now')",
      )
      .run(saleId);
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('sale.complete', { saleId })).code).toBe('INTERNAL');
    expect(t.snapshot()).toEqual(before);
    expect(rows(t, "select count(*) as n from document_counters where kind = 'sale'")).toEqual([{ n: 0 }]);
    t.till.ledger.raw.prepare('delete from outbox where seq = 999').run();
    expect(t.till.call('sale.complete', { saleId }).sale.receiptNumber).toBe('T01-000001');
  });

  it('keeps override and discount details on the sale lines', () => {
    const saleId = startSale(t);
    const lineId = t.till.call('sale.addItem', { saleId, code: 'SUG-001' }).lines[0]!.id;
    t.till.call('sale.overridePrice', {
      saleId,
      lineId,
      unitPrice: 15000,
      reason: 'price match',
      approval: { managerId: t.demo.users.manager.id, pin: '2222' },
    });
    t.till.call('sale.tender', { saleId, method: 'CASH', amount: 15000 });
    t.till.call('sale.complete', { saleId });
    expect(
      rows(
        t,
        'select list_unit_price as l, unit_price as u, overridden as o, override_reason as r, override_approved_by as a from sale_lines',
      ),
    ).toEqual([{ l: 16500, u: 15000, o: 1, r: 'price match', a: t.demo.users.manager.id }]);
  });
});

describe('the receipt model', () => {
  it('has the store header, cashier, lines, VAT by band, tenders, change, barcode and QR', () => {
    t.openSession();
    const saleId = paidSale();
    t.till.call('sale.addItem', { saleId, code: scaleLabel('00001', 1235) });
    t.till.call('sale.tender', { saleId, method: 'CASH', amount: 20000 });
    t.till.call('sale.attachClient', { saleId, clientId: clientId(t, 'Juma Hardware') });
    const { receipt } = t.till.call('sale.complete', { saleId });
    expect(receipt).toMatchObject({
      kind: 'sale',
      documentId: saleId,
      receiptNumber: 'T01-000001',
      copy: false,
      voided: false,
      currency: 'KES',
      store: {
        name: 'Asiria Demo Duka',
        address: 'Moi Avenue, Nairobi',
        phone: '0700000000',
        kraPin: 'P051234567X',
      },
      terminalCode: 'T01',
      cashier: 'Achieng Cashier',
      timestamp: '2026-11-25T08:00:00.000Z',
      subtotal: 54320,
      total: 54320,
      rounding: 0,
      totalDue: 54320,
      taxTotal: 4552,
      paid: 60000,
      change: 5680,
      client: { name: 'Juma Hardware', phone: '0711000002', kraPin: 'P051111111A' },
      footer: 'Asante! Karibu tena.',
      barcode: 'T01-000001',
      qr: `asiria://receipt/${saleId}`,
    });
    expect(receipt.lines.map((l) => [l.name, l.qtyDisplay, l.unitPrice, l.lineTotal, l.band])).toEqual([
      ['Kabras Sugar 1kg', '2', 16500, 33000, 'B'],
      ['Brookside Milk 500ml', '1', 6500, 6500, 'C'],
      ['Tomatoes (kg)', '1.235 kg', 12000, 14820, 'A'],
    ]);
    expect(receipt.taxes.map((r) => [r.band, r.rateBp, r.net, r.tax])).toEqual([
      ['A', 0, 14820, 0],
      ['B', 1600, 28448, 4552],
      ['C', 0, 6500, 0],
    ]);
    expect(receipt.tenders).toEqual([
      { method: 'MPESA', label: 'M-Pesa', amount: 10000, reference: 'QKX7Y8Z9AB' },
      { method: 'CASH', label: 'Cash', amount: 30000, reference: null },
      { method: 'CASH', label: 'Cash', amount: 20000, reference: null },
    ]);
  });
});

describe('reading completed sales', () => {
  it('sale.get returns the completed sale with its receipt marked COPY', () => {
    t.openSession();
    const saleId = paidSale();
    const completed = t.till.call('sale.complete', { saleId });
    const got = t.till.call('sale.get', { saleId });
    expect(got?.sale).toEqual(completed.sale);
    expect(got?.receipt).toEqual({ ...completed.receipt, copy: true });
  });

  it('sale.findByReceipt finds a sale by receipt number with quantities already refunded per line', () => {
    const sessionId = t.openSession();
    const saleId = paidSale();
    const { sale } = t.till.call('sale.complete', { saleId });
    const sugarLine = sale.lines[0]!;
    const raw = t.till.ledger.raw;
    raw
      .prepare(
        `insert into refunds (id, refund_number, sale_id, store_id, terminal_id, session_id, business_date, user_id, approved_by, reason, net_total, tax_total, total, created_at)
         values ('r1', 'T01-R000001', ?, ?, ?, ?, '2026-11-25', 'u', 'm', 'broken', 14224, 2276, 16500, 'now')`,
      )
      .run(saleId, t.demo.storeId, t.demo.terminalId, sessionId);
    raw
      .prepare(
        `insert into refund_lines (id, refund_id, sale_line_id, product_id, qty_milli, tax_class, net, tax, gross)
         values ('rl1', 'r1', ?, ?, 1000, 'standard', 14224, 2276, 16500)`,
      )
      .run(sugarLine.id, sugarLine.productId);

    const found = t.till.call('sale.findByReceipt', { receiptNumber: ' t01-000001 ' });
    expect(found.sale.id).toBe(saleId);
    expect(found.sale.lines.map((l) => [l.sku, l.qtyMilli, l.refundedQtyMilli])).toEqual([
      ['SUG-001', 2000, 1000],
      ['MLK-001', 1000, 0],
    ]);
    expect(found.receipt?.copy).toBe(true);
    expect(errorOf(() => t.till.call('sale.findByReceipt', { receiptNumber: 'T01-999999' })).code).toBe(
      'NOT_FOUND',
    );
    expect(
      errorOf(() =>
        t.till.call('sale.void', {
          saleId,
          reason: 'wrong till',
          approval: { managerId: t.demo.users.manager.id, pin: '2222' },
        }),
      ).code,
    ).toBe('CONFLICT');
  });
});

describe('sale.void', () => {
  it('voids a completed sale by a manager: new void document, goods back in stock, audited, one outbox event', () => {
    t.openSession();
    const saleId = paidSale();
    t.till.call('sale.complete', { saleId });
    t.loginAs('manager');
    const events = recordEvents(t);
    const voided = t.till.call('sale.void', { saleId, reason: 'rang up the wrong customer' });

    expect(voided).toMatchObject({ id: saleId, status: 'voided', receiptNumber: 'T01-000001' });
    expect(voided.void).toMatchObject({
      reason: 'rang up the wrong customer',
      userId: t.demo.users.manager.id,
      approvedBy: t.demo.users.manager.id,
    });
    expect(onHand(t, 'sugar')).toBe(50_000);
    expect(onHand(t, 'milk')).toBe(80_000);
    expect(
      rows(
        t,
        "select qty_delta_milli as q, reference_type as rt, reference_id as ri from stock_movements where reason = 'void' order by q",
      ),
    ).toEqual([
      { q: 1000, rt: 'sale_void', ri: voided.void!.id },
      { q: 2000, rt: 'sale_void', ri: voided.void!.id },
    ]);
    expect(
      rows(t, "select object_id as o, reason, approved_by as a from audit_log where action = 'sale_void'"),
    ).toEqual([{ o: saleId, reason: 'rang up the wrong customer', a: t.demo.users.manager.id }]);
    expect(rows(t, "select event_id as e from outbox where type = 'sale.voided'")).toEqual([
      { e: voided.void!.id },
    ]);
    expect(rows(t, 'select count(*) as n from sales')).toEqual([{ n: 1 }]);
    expect(events).toContainEqual({ type: 'sale.updated', payload: { saleId, status: 'voided' } });
    expect(t.till.call('sale.get', { saleId })?.receipt?.voided).toBe(true);

    const before = t.snapshot();
    expect(errorOf(() => t.till.call('sale.void', { saleId, reason: 'again' })).code).toBe('ALREADY_VOIDED');
    expect(t.snapshot()).toEqual(before);
  });

  it('needs approval when an employee voids; with a manager PIN it goes through', () => {
    t.openSession();
    const saleId = paidSale();
    t.till.call('sale.complete', { saleId });
    const before = t.snapshot();
    expect(
      errorOf(() => t.till.call('sale.void', { saleId, reason: 'customer returned at once' })).code,
    ).toBe('APPROVAL_REQUIRED');
    expect(
      errorOf(() =>
        t.till.call('sale.void', {
          saleId,
          reason: 'customer returned at once',
          approval: { managerId: t.demo.users.manager.id, pin: '1234' },
        }),
      ).code,
    ).toBe('APPROVAL_INVALID');
    expect(t.snapshot()).toEqual(before);
    const voided = t.till.call('sale.void', {
      saleId,
      reason: 'customer returned at once',
      approval: { managerId: t.demo.users.manager.id, pin: '2222' },
    });
    expect(voided.void).toMatchObject({
      userId: t.demo.users.cashier.id,
      approvedBy: t.demo.users.manager.id,
    });
  });

  it('cancels an open cart with items (approval needed), deleting it and auditing sale_cancel', () => {
    const saleId = startSale(t);
    t.till.call('sale.addItem', { saleId, code: 'SUG-001' });
    expect(errorOf(() => t.till.call('sale.void', { saleId, reason: 'customer left' })).code).toBe(
      'APPROVAL_REQUIRED',
    );
    const cancelled = t.till.call('sale.void', {
      saleId,
      reason: 'customer left',
      approval: { managerId: t.demo.users.manager.id, pin: '2222' },
    });
    expect(cancelled).toMatchObject({ id: saleId, status: 'cancelled' });
    expect(count('carts')).toBe(0);
    expect(count('sales')).toBe(0);
    const audit = rows<{ reason: string; before: string }>(
      t,
      "select reason, before from audit_log where action = 'sale_cancel'",
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before)).toMatchObject({
      status: 'open',
      total: 16500,
      lines: [{ name: 'Kabras Sugar 1kg', qtyMilli: 1000, gross: 16500 }],
    });
    expect(errorOf(() => t.till.call('sale.get', { saleId })).code).toBe('NOT_FOUND');
  });

  it('cancels an empty cart without approval', () => {
    const saleId = startSale(t);
    expect(t.till.call('sale.void', { saleId, reason: 'mis-tap' }).status).toBe('cancelled');
    expect(t.till.call('sale.start', {}).id).not.toBe(saleId);
  });

  it('answers NOT_FOUND for an unknown sale', () => {
    t.loginAs('manager');
    expect(
      errorOf(() => t.till.call('sale.void', { saleId: t.demo.products.milk!.id, reason: 'nothing' })).code,
    ).toBe('NOT_FOUND');
  });
});
