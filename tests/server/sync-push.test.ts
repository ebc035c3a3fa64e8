// POST /api/sync/push/ with what a REAL till writes: sales, voids, refunds, cash movements and sessions rung
// on a real till ledger (tests/support/test-till.ts), its outbox rows pushed as they are, into a real
// MariaDB. What a manager would notice: the till's documents under the REST resources, money and stock
// right, resends changing nothing, a gap never skipped, a bad event parked where managers can see it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { cashSessions } from '../../src-server/db/schema/cash.js';
import { salesDetails, salesHeaders, salesPayments } from '../../src-server/db/schema/sales.js';
import { stockMovements } from '../../src-server/db/schema/stock.js';
import { cashMovements, refunds, syncEvents } from '../../src-server/db/schema/sync.js';
import {
  SYNC_EVENT_PAYLOADS,
  SYNC_PROTOCOL_VERSION,
  isSyncEventType,
  type PushEvent,
} from '../../src-shared/contract/sync.js';
import { newId } from '../../src-shared/domain/ids.js';
import { completeSale, voidSale } from '../support/sale-fixture.js';
import { moneySum, onHand, registerAgain, rowCount, syncedTill, type SyncedTill } from './sync-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('POST /api/sync/push/', () => {
  let t: TestServer;
  let s: SyncedTill;
  beforeAll(async () => {
    t = await startTestServer();
    // Soda is on the till but not (yet) on the cloud: a sale of it cannot be applied.
    s = await syncedTill(t, { skipProducts: ['soda'], initialStockMilli: 50_000 });
  });
  afterAll(async () => {
    s.close();
    await t.close();
  });

  const product = (key: string) => {
    const found = s.tt.demo.products[key];
    if (!found) throw new Error(`no demo product ${key}`);
    return found;
  };
  const statuses = (body: { results: { status: string }[] }) => body.results.map((r) => r.status);
  const lastSeq = (events: PushEvent[]) => events.at(-1)?.seq ?? 0;

  /** What must not change when a push is a pure resend. */
  const ledgerFigures = async () => ({
    headers: await rowCount(t, salesHeaders),
    details: await rowCount(t, salesDetails),
    payments: await rowCount(t, salesPayments),
    movements: await rowCount(t, stockMovements),
    audits: await rowCount(t, auditLogs, eq(auditLogs.storeId, s.tt.demo.storeId)),
    sessions: await rowCount(t, cashSessions),
    events: await rowCount(t, syncEvents),
    salesTotal: await moneySum(t, salesHeaders, salesHeaders.total.getSQL()),
    paid: await moneySum(t, salesPayments, salesPayments.amount.getSQL()),
    sugar: await onHand(t, s.tt.demo.storeId, product('sugar').id),
  });

  let acked = 0;
  let saleId = '';

  it("every event the till writes matches the protocol's schema for its type", () => {
    s.tt.openSession('cashier');
    const sale = completeSale(
      s.tt,
      [{ product: 'sugar', qtyMilli: 2000 }, { product: 'milk' }],
      [
        { method: 'MPESA', amount: 10_000, reference: 'QK12AB34CD' },
        { method: 'CASH', amount: 50_000 },
      ],
    );
    saleId = sale.id;
    const events = s.outbox();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['session.opened', 'sale.completed']));
    for (const e of events) {
      expect(isSyncEventType(e.type), e.type).toBe(true);
      if (!isSyncEventType(e.type)) continue;
      const parsed = SYNC_EVENT_PAYLOADS[e.type].safeParse(e.payload);
      expect(parsed.success, `${e.type}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it("applies a till's session and sale: header, lines, payments, stock movements and level", async () => {
    const events = s.outbox();
    const res = await s.push(events);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ackedThroughSeq: lastSeq(events), serverTime: expect.any(String) });
    expect(statuses(res.body)).toEqual(events.map(() => 'applied'));
    acked = res.body.ackedThroughSeq as number;

    const header = await t.call('GET', `/api/salesheaders/${saleId}/`, { as: 'manager' });
    expect(header.status).toBe(200);
    // 2 kg sugar at 165.00 + 1 milk at 65.00 = 395.00; 100.00 by M-Pesa, 500.00 cash → 205.00 change.
    expect(header.body).toMatchObject({
      store: s.tt.demo.storeId,
      terminal: s.tt.demo.terminalId,
      receipt_number: 'T01-000001',
      total: '395.00',
      paid_total: '395.00',
      change_given: '205.00',
      balance_due: '0.00',
      payment_status: 'paid',
      status: 'completed',
    });
    expect(header.body.details.map((d: { sku: string; quantity: string }) => [d.sku, d.quantity])).toEqual([
      ['SUG-001', '2.000'],
      ['MLK-001', '1.000'],
    ]);
    const payments = await t.call('GET', `/api/sales-payments/?sales_header=${saleId}`, { as: 'manager' });
    expect(
      payments.body.results
        .map((p: { method: string; amount: string; change_due: string }) => [
          p.method,
          p.amount,
          p.change_due,
        ])
        .sort(),
    ).toEqual([
      ['CASH', '500.00', '205.00'],
      ['MPESA', '100.00', '0.00'],
    ]);
    const moves = await t.call('GET', `/api/stock-movements/?reference_id=${saleId}`, { as: 'manager' });
    expect(moves.body.count).toBe(2);
    // The same facts under the same ids and times as at the till.
    const tillMoves = s.tt.till.ledger.raw
      .prepare('select id, created_at from stock_movements where reference_id = ? order by id')
      .all(saleId) as { id: string; created_at: string }[];
    expect(
      moves.body.results
        .map((m: { id: string; created_at: string }) => ({ id: m.id, created_at: m.created_at }))
        .sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)),
    ).toEqual(tillMoves);
    expect(await onHand(t, s.tt.demo.storeId, product('sugar').id)).toBe(48_000);
    const session = await t.call('GET', `/api/cash-sessions/?terminal=${s.tt.demo.terminalId}`, {
      as: 'manager',
    });
    expect(session.body.results).toMatchObject([{ status: 'open', opening_float: '5000.00' }]);
    const audit = await t.call('GET', `/api/audit-logs/?store=${s.tt.demo.storeId}&action=session_open`, {
      as: 'manager',
    });
    expect(audit.body.count).toBe(1);
  });

  it('acknowledges the same batch resent as duplicates and changes nothing', async () => {
    const before = await ledgerFigures();
    const events = s.outbox();
    const res = await s.push(events);
    expect(res.status).toBe(200);
    expect(res.body.ackedThroughSeq).toBe(acked);
    expect(statuses(res.body)).toEqual(events.map(() => 'duplicate'));
    expect(await ledgerFigures()).toEqual(before);
  });

  it('applies up to a gap in seq only, then the rest once the missing event arrives', async () => {
    completeSale(s.tt, [{ product: 'flour' }], [{ method: 'CASH', amount: 100_000 }]);
    completeSale(s.tt, [{ product: 'sugar' }], [{ method: 'CARD', amount: 16_500, reference: 'AUTH42' }]);
    const events = s.outbox(acked);
    const saleEvents = events.filter((e) => e.type === 'sale.completed');
    expect(saleEvents).toHaveLength(2);
    const missing = saleEvents[0];
    if (!missing) throw new Error('no first sale');
    const withGap = events.filter((e) => e.seq !== missing.seq);
    const before = await ledgerFigures();

    const res = await s.push(withGap);
    expect(res.status).toBe(200);
    expect(res.body.ackedThroughSeq).toBe(missing.seq - 1);
    expect(res.body.results.every((r: { seq: number }) => r.seq < missing.seq)).toBe(true);
    // Neither sale is on the cloud: the second one lies beyond the gap.
    const after = await ledgerFigures();
    expect(after.headers).toBe(before.headers);
    expect(after.sugar).toBe(before.sugar);

    const rest = await s.push(events.filter((e) => e.seq > res.body.ackedThroughSeq));
    expect(rest.body.ackedThroughSeq).toBe(lastSeq(events));
    expect(statuses(rest.body).every((x: string) => x === 'applied')).toBe(true);
    expect(await rowCount(t, salesHeaders)).toBe(before.headers + 2);
    expect(await onHand(t, s.tt.demo.storeId, product('sugar').id)).toBe(before.sugar - 1000);
    acked = rest.body.ackedThroughSeq as number;
  });

  it('quarantines what cannot be applied, lists it for managers, and the queue moves on', async () => {
    const sodaSale = completeSale(s.tt, [{ product: 'soda' }], [{ method: 'CASH', amount: 10_000 }]);
    s.tt.till.call('session.cashMovement', {
      kind: 'paid_out',
      amount: 20_000,
      reason: 'Bought milk crates',
    });
    const events = s.outbox(acked);
    const paidOut = events.find((e) => e.type === 'cash.movement');
    if (!paidOut) throw new Error('no cash.movement event');
    // A payload that fails its schema (fractional cents), as a damaged or foreign till might send it.
    const damaged = events.map((e) =>
      e === paidOut ? { ...e, payload: { ...(e.payload as object), amount: 200.5 } } : e,
    );
    const headersBefore = await rowCount(t, salesHeaders);

    const res = await s.push(damaged);
    expect(res.status).toBe(200);
    expect(res.body.ackedThroughSeq).toBe(lastSeq(events));
    const bySeq = new Map(res.body.results.map((r: { seq: number }) => [r.seq, r]));
    const saleEvent = events.find((e) => e.type === 'sale.completed');
    expect(bySeq.get(saleEvent?.seq)).toMatchObject({
      status: 'quarantined',
      reason: expect.stringContaining(`Unknown product ${product('soda').id}`),
    });
    expect(bySeq.get(paidOut.seq)).toMatchObject({
      status: 'quarantined',
      reason: expect.stringMatching(/Invalid cash\.movement payload[\s\S]*amount/),
    });
    // The other events of the batch (audit entries) went through.
    expect(statuses(res.body).filter((x: string) => x === 'applied').length).toBe(events.length - 2);
    expect(await rowCount(t, salesHeaders)).toBe(headersBefore);
    expect(await rowCount(t, cashMovements)).toBe(0);

    const list = await t.call('GET', '/api/sync/quarantine/', { as: 'manager' });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ count: 2, next: null, previous: null });
    const listed = list.body.results.find((q: { event_id: string }) => q.event_id === sodaSale.id);
    expect(listed).toMatchObject({
      terminal: s.tt.demo.terminalId,
      store: s.tt.demo.storeId,
      type: 'sale.completed',
      seq: saleEvent?.seq,
      event: { eventId: sodaSale.id, type: 'sale.completed', payload: { sale: { id: sodaSale.id } } },
    });
    expect((await t.call('GET', '/api/sync/quarantine/', { as: 'employee' })).status).toBe(403);
    expect((await t.call('GET', '/api/sync/quarantine/', { as: 'outsider' })).body.count).toBe(0);

    // Sent again, the quarantined events are duplicates: not parked twice.
    const again = await s.push(damaged);
    expect(statuses(again.body).every((x: string) => x === 'duplicate')).toBe(true);
    expect((await t.call('GET', '/api/sync/quarantine/', { as: 'manager' })).body.count).toBe(2);

    // The next event is applied as usual.
    completeSale(s.tt, [{ product: 'milk' }], [{ method: 'CASH', amount: 6_500 }]);
    const next = await s.push(s.outbox(lastSeq(events)));
    expect(statuses(next.body).every((x: string) => x === 'applied')).toBe(true);
    acked = next.body.ackedThroughSeq as number;
  });

  it('quarantines an event the database refuses and still applies the rest of its batch', async () => {
    const first = completeSale(s.tt, [{ product: 'bread' }], [{ method: 'CASH', amount: 10_000 }]);
    const second = completeSale(s.tt, [{ product: 'soap' }], [{ method: 'CASH', amount: 40_000 }]);
    const firstLine = first.lines[0];
    if (!firstLine) throw new Error('no line');
    // A till bug no schema catches: the second sale reuses the first sale's line id (a primary key).
    const events = s.outbox(acked).map((e) => {
      if (e.eventId !== second.id) return e;
      const payload = e.payload as { lines: { id: string }[] };
      return { ...e, payload: { ...payload, lines: payload.lines.map((l) => ({ ...l, id: firstLine.id })) } };
    });
    const res = await s.push(events);
    expect(res.status).toBe(200);
    expect(res.body.ackedThroughSeq).toBe(lastSeq(events));
    const result = (saleId: string) =>
      res.body.results.find((r: { seq: number }) => r.seq === events.find((e) => e.eventId === saleId)?.seq);
    expect(result(first.id)).toMatchObject({ status: 'applied' });
    expect(result(second.id)).toMatchObject({
      status: 'quarantined',
      reason: expect.stringMatching(/could not apply this event: Duplicate entry/),
    });
    expect((await t.call('GET', `/api/salesheaders/${first.id}/`, { as: 'manager' })).status).toBe(200);
    expect((await t.call('GET', `/api/salesheaders/${second.id}/`, { as: 'manager' })).status).toBe(404);
    acked = res.body.ackedThroughSeq as number;
  });

  it("takes a till's credit sale off the client's account when it is voided or refunded to the account", async () => {
    const [mama] = s.tt.till.call('catalog.clients', { query: 'mama', limit: 1 });
    if (!mama) throw new Error('no demo client');
    const balance = async () =>
      (await t.call('GET', `/api/clients/${mama.id}/`, { as: 'manager' })).body.balance as string;
    const creditSale = (qtyMilli: number, payments: { method: 'CREDIT' | 'CASH'; amount: number }[]) => {
      const saleId = s.tt.till.call('sale.start', {}).id;
      s.tt.till.call('sale.attachClient', { saleId, clientId: mama.id });
      s.tt.till.call('sale.addItem', { saleId, productId: product('sugar').id, qtyMilli });
      for (const p of payments) s.tt.till.call('sale.tender', { saleId, ...p });
      return s.tt.till.call('sale.complete', { saleId }).sale;
    };
    const pushAll = async () => {
      const events = s.outbox(acked);
      const res = await s.push(events);
      expect(statuses(res.body)).toEqual(events.map(() => 'applied'));
      acked = res.body.ackedThroughSeq as number;
    };
    expect(await balance()).toBe('0.00');

    // 2 kg of sugar, 330.00: 200.00 on the account and 130.00 cash; pushed, then voided and pushed.
    const first = creditSale(2000, [
      { method: 'CREDIT', amount: 200_00 },
      { method: 'CASH', amount: 130_00 },
    ]);
    await pushAll();
    expect(await balance()).toBe('200.00');
    voidSale(s.tt, first.id);
    await pushAll();
    expect(await balance()).toBe('0.00');

    // 3 kg, 495.00, all on the account, and 1 kg of it refunded to the account, pushed in one batch.
    const second = creditSale(3000, [{ method: 'CREDIT', amount: 495_00 }]);
    const line = second.lines[0];
    if (!line) throw new Error('no line');
    const refund = s.tt.till.call('refund.create', {
      saleId: second.id,
      lines: [{ saleLineId: line.id, qtyMilli: 1000 }],
      reason: 'Bag was torn',
      approval: { managerId: s.tt.demo.users.manager.id, pin: s.tt.demo.users.manager.pin },
    });
    expect(refund.payments.map((p) => [p.method, p.amount])).toEqual([['CREDIT', 165_00]]);
    await pushAll();
    expect(await balance()).toBe('330.00');
  });

  it('applies voids, refunds, paid-outs and the session close where the REST API shows them', async () => {
    const toVoid = completeSale(
      s.tt,
      [{ product: 'flour', qtyMilli: 2000 }],
      [{ method: 'CASH', amount: 50_000 }],
    );
    voidSale(s.tt, toVoid.id);
    const toRefund = completeSale(
      s.tt,
      [{ product: 'sugar', qtyMilli: 3000 }],
      [{ method: 'CASH', amount: 49_500 }],
    );
    const line = toRefund.lines[0];
    if (!line) throw new Error('no line');
    s.tt.till.call('refund.create', {
      saleId: toRefund.id,
      lines: [{ saleLineId: line.id, qtyMilli: 1000 }],
      reason: 'Bag was torn',
      approval: { managerId: s.tt.demo.users.manager.id, pin: s.tt.demo.users.manager.pin },
    });
    s.tt.till.call('session.cashMovement', { kind: 'paid_in', amount: 10_000, reason: 'Float top-up' });
    const z = s.tt.till.call('session.close', { countedTotal: 5_000_00 });
    const flourBefore = await onHand(t, s.tt.demo.storeId, product('flour').id);
    const sugarBefore = await onHand(t, s.tt.demo.storeId, product('sugar').id);

    const events = s.outbox(acked);
    const res = await s.push(events);
    expect(statuses(res.body)).toEqual(events.map(() => 'applied'));

    const voided = await t.call('GET', `/api/salesheaders/${toVoid.id}/`, { as: 'manager' });
    expect(voided.body).toMatchObject({ status: 'voided', void_reason: 'customer changed mind' });
    // The void gave the flour back; the refund one of the three sugars.
    expect(await onHand(t, s.tt.demo.storeId, product('flour').id)).toBe(flourBefore);
    expect(await onHand(t, s.tt.demo.storeId, product('sugar').id)).toBe(sugarBefore - 2000);
    const [refund] = await t.database.db.select().from(refunds).where(eq(refunds.headerId, toRefund.id));
    expect(refund).toMatchObject({ total: 16_500, reason: 'Bag was torn', storeId: s.tt.demo.storeId });
    expect(await rowCount(t, cashMovements, eq(cashMovements.kind, 'paid_in'))).toBe(1);

    const session = await t.call('GET', `/api/cash-sessions/${z.sessionId}/`, { as: 'manager' });
    expect(session.body).toMatchObject({
      status: 'closed',
      closing_total: '5000.00',
      expected_total: (z.expected / 100).toFixed(2),
      variance: (z.variance / 100).toFixed(2),
    });
    acked = res.body.ackedThroughSeq as number;
  });

  it("refuses another till's seq space and a foreign terminal id in the body", async () => {
    const res = await t.call('POST', '/api/sync/push/', {
      headers: { authorization: `Device ${s.device.terminalId}:${s.device.secret}` },
      body: { protocol: SYNC_PROTOCOL_VERSION, terminalId: newId(), epoch: s.device.epoch, events: [] },
    });
    expect(res).toMatchObject({ status: 400, body: { terminalId: [expect.any(String)] } });
  });

  it('after re-registration, seq 1 of the new epoch is applied, not taken for a duplicate', async () => {
    const old = s.device;
    const fresh = await registerAgain(t, s.device.terminalId);
    expect(fresh.epoch).toBe(old.epoch + 1);
    expect((await s.push([], { device: old })).status).toBe(401);
    const stale = await s.push([], { device: fresh, epoch: old.epoch });
    expect(stale).toMatchObject({ status: 409, body: { code: 'EPOCH_MISMATCH', epoch: fresh.epoch } });

    // A reinstalled till numbers its outbox from 1 again under the new epoch (the till's side of
    // re-registration comes later: here its next events are renumbered as it will do).
    s.tt.openSession('cashier');
    const sale = completeSale(
      s.tt,
      [{ product: 'milk', qtyMilli: 2000 }],
      [{ method: 'CASH', amount: 13_000 }],
    );
    const events = s.outbox(acked).map((e, i) => ({ ...e, seq: i + 1 }));
    expect(events.length).toBeLessThanOrEqual(acked);
    const res = await s.push(events, { device: fresh });
    expect(res.status).toBe(200);
    expect(res.body.ackedThroughSeq).toBe(events.length);
    expect(statuses(res.body)).toEqual(events.map(() => 'applied'));
    expect((await t.call('GET', `/api/salesheaders/${sale.id}/`, { as: 'manager' })).status).toBe(200);
    const held = await rowCount(
      t,
      syncEvents,
      and(eq(syncEvents.terminalId, fresh.terminalId), eq(syncEvents.epoch, fresh.epoch)),
    );
    expect(held).toBe(events.length);
    s.device = fresh;
  });

  it('tells a till too old for the cloud to update (426), and a newer one that the cloud must be updated', async () => {
    const before = await rowCount(t, syncEvents);
    const old = await s.push(s.outbox(), { protocol: 0 });
    expect(old.status).toBe(426);
    expect(old.body).toEqual({
      detail: expect.stringMatching(/^Update this till/),
      code: 'PROTOCOL_TOO_OLD',
      minProtocol: 1,
    });
    const newer = await s.push([], { protocol: SYNC_PROTOCOL_VERSION + 1 });
    expect(newer).toMatchObject({ status: 400, body: { code: 'PROTOCOL_TOO_NEW' } });
    expect(await rowCount(t, syncEvents)).toBe(before);
  });
});
