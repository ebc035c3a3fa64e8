// The chaos checker itself (invariants.ts): two snapshots that agree pass; each kind of divergence a sync bug
// would leave — a sale missing or counted twice, a payment off by a cent, a stock movement applied twice, a till
// behind the store head, a receipt printed for a sale that never committed — is named, with the till.
import { describe, expect, it } from 'vitest';
import { checkInvariants, formatViolations, type CloudSnapshot, type TillSnapshot } from './invariants.js';

const SALE = '00000000-0000-7000-8000-000000000001';
const PAY = '00000000-0000-7000-8000-000000000002';
const SESSION = '00000000-0000-7000-8000-000000000003';
const PRODUCT = '00000000-0000-7000-8000-000000000004';
const TERMINAL = '00000000-0000-7000-8000-000000000005';

function pair(): { till: TillSnapshot; cloud: CloudSnapshot } {
  const till: TillSnapshot = {
    name: 'till-1',
    terminalId: TERMINAL,
    sales: [{ id: SALE, receiptNumber: 'T01-000001', total: 150_00 }],
    salePayments: [{ id: PAY, parentId: SALE, method: 'MPESA', amount: 150_00 }],
    voidedSaleIds: [],
    refunds: [],
    refundPayments: [],
    sessions: [{ id: SESSION, closed: false }],
    cashMovements: [],
    movements: [{ referenceId: SALE, productId: PRODUCT, qtyMilli: -1000 }],
    onHand: new Map([[PRODUCT, 9000]]),
    prices: new Map([[PRODUCT, 150_00]]),
    unsentEvents: 0,
    lastWireSeq: 2,
    epoch: 1,
    pullCursor: 7,
    pullHead: 7,
    printedReceipts: ['T01-000001'],
  };
  const cloud: CloudSnapshot = {
    sales: [{ id: SALE, terminalId: TERMINAL, receiptNumber: 'T01-000001', total: 150_00, voided: false }],
    salePayments: [{ id: PAY, parentId: SALE, method: 'MPESA', amount: 150_00 }],
    refunds: [],
    refundPayments: [],
    sessions: [{ id: SESSION, terminalId: TERMINAL, closed: false }],
    cashMovements: [],
    movements: [{ referenceId: SALE, productId: PRODUCT, qtyMilli: -1000 }],
    onHand: new Map([[PRODUCT, 9000]]),
    prices: new Map([[PRODUCT, 150_00]]),
    headVersion: 7,
    ackedThrough: new Map([[`${TERMINAL}:1`, 2]]),
    quarantined: [],
  };
  return { till, cloud };
}

const broken = (till: TillSnapshot, cloud: CloudSnapshot) =>
  checkInvariants([till], cloud, { expectNoQuarantine: true }).map((v) => v.invariant);

describe('chaos invariants', () => {
  it('pass when the cloud holds exactly what the till completed', () => {
    const { till, cloud } = pair();
    expect(checkInvariants([till], cloud, { expectNoQuarantine: true })).toEqual([]);
  });

  it('name a sale missing from MySQL, and its money', () => {
    const { till, cloud } = pair();
    cloud.sales = [];
    cloud.salePayments = [];
    expect(broken(till, cloud)).toEqual(
      expect.arrayContaining(['sales: none missing', 'sale payments: none missing', 'sales total']),
    );
  });

  it('name a sale counted twice by its receipt number', () => {
    const { till, cloud } = pair();
    cloud.sales.push({ ...cloud.sales[0]!, id: '00000000-0000-7000-8000-0000000000ff' });
    expect(broken(till, cloud)).toEqual(expect.arrayContaining(['sales: none twice', 'sales total']));
  });

  it('name a payment off by one cent, a movement applied twice and stock that differs', () => {
    const { till, cloud } = pair();
    cloud.salePayments[0]!.amount += 1;
    cloud.movements.push({ referenceId: SALE, productId: PRODUCT, qtyMilli: -1000 });
    cloud.onHand.set(PRODUCT, 8000);
    expect(broken(till, cloud)).toEqual([
      'stock movements: each once',
      'payments by method',
      'stock on hand = cloud',
    ]);
  });

  it('name a till behind the head, an unsent event, a quarantined event and a ghost receipt', () => {
    const { till, cloud } = pair();
    till.pullCursor = 6;
    till.unsentEvents = 1;
    till.printedReceipts.push('T01-000002');
    cloud.quarantined.push({ eventId: SALE, type: 'sale.completed', reason: 'unknown product' });
    const violations = checkInvariants([till], cloud, { expectNoQuarantine: true });
    expect(violations.map((v) => v.invariant)).toEqual([
      'outbox acknowledged',
      'pull cursor at the head',
      'printed receipt = committed sale',
      'no event quarantined',
    ]);
    const report = formatViolations(99, violations);
    expect(report).toContain('T01-000002');
    expect(report).toContain('SYNC_CHAOS_SEED=99 npm run test:chaos');
  });
});
