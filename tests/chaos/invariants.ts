// The end-of-run invariants of the chaos harness, as pure functions over two snapshots: what each till's
// SQLite file holds (TillSnapshot) and what MySQL holds (CloudSnapshot), both read after every till synced
// to quiescence. Each broken invariant is one Violation naming the till and exactly what differs.

export interface Money {
  id: string;
  amount: number;
}
export interface Payment extends Money {
  parentId: string;
  method: string;
}

export interface Movement {
  referenceId: string;
  productId: string;
  qtyMilli: number;
}

/** A document set as the till holds it: id → natural key (receipt number, refund number) and money. */
export interface TillSnapshot {
  name: string;
  terminalId: string;
  /** Completed sales: id, receipt number, what the customer owed (total incl. rounding). */
  sales: { id: string; receiptNumber: string; total: number }[];
  salePayments: Payment[];
  voidedSaleIds: string[];
  refunds: { id: string; refundNumber: string; total: number }[];
  refundPayments: Payment[];
  sessions: { id: string; closed: boolean }[];
  cashMovements: (Money & { kind: string })[];
  movements: Movement[];
  /** productId → stock on hand (pulled level + movements the pulled levels do not count yet). */
  onHand: Map<string, number>;
  /** productId → price. */
  prices: Map<string, number>;
  unsentEvents: number;
  /** Highest seq the till pushed under its current epoch (wire seq) and that epoch. */
  lastWireSeq: number;
  epoch: number;
  pullCursor: number;
  pullHead: number;
  /** Receipt numbers the virtual printer decoded from this till's printouts. */
  printedReceipts: string[];
}

export interface CloudSnapshot {
  sales: { id: string; terminalId: string; receiptNumber: string; total: number; voided: boolean }[];
  salePayments: Payment[];
  refunds: { id: string; terminalId: string; refundNumber: string; total: number }[];
  refundPayments: Payment[];
  sessions: { id: string; terminalId: string; closed: boolean }[];
  cashMovements: (Money & { kind: string; sessionId: string })[];
  /** Movements of till documents (the harness's own cloud-side stock seeding is left out). */
  movements: Movement[];
  onHand: Map<string, number>;
  prices: Map<string, number>;
  headVersion: number;
  /** `${terminalId}:${epoch}` → acked_through_seq. */
  ackedThrough: Map<string, number>;
  quarantined: { eventId: string; type: string; reason: string }[];
}

export interface Violation {
  invariant: string;
  till: string | null;
  detail: string;
}

export interface CheckOptions {
  /** A clean run quarantines nothing. */
  expectNoQuarantine: boolean;
}

const show = (values: readonly unknown[], max = 5) =>
  values.length <= max
    ? values.map(String).join(', ')
    : `${values.slice(0, max).map(String).join(', ')} … (${values.length} in all)`;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function sumBy<T>(items: readonly T[], key: (item: T) => string, amount: (item: T) => number) {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + amount(item));
  return sums;
}

function sameMap(a: Map<string, number>, b: Map<string, number>): string[] {
  const diffs: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    if (x !== y) diffs.push(`${k}: till ${x} ≠ cloud ${y}`);
  }
  return diffs;
}

/**
 * One document kind: the ids in the cloud for this till equal the till's — none missing, none extra, none twice
 * (by id, and by natural key when there is one).
 */
function sameDocuments(
  out: Violation[],
  till: string,
  kind: string,
  tillItems: readonly { id: string; key?: string }[],
  cloudItems: readonly { id: string; key?: string }[],
): void {
  const cloudIds = countBy(cloudItems, (i) => i.id);
  const tillIds = new Set(tillItems.map((i) => i.id));
  const missing = tillItems.filter((i) => !cloudIds.has(i.id)).map((i) => i.key ?? i.id);
  if (missing.length) {
    out.push({ invariant: `${kind}: none missing`, till, detail: `not in MySQL: ${show(missing)}` });
  }
  const extra = cloudItems.filter((i) => !tillIds.has(i.id)).map((i) => i.key ?? i.id);
  if (extra.length) {
    out.push({
      invariant: `${kind}: none extra`,
      till,
      detail: `in MySQL, not completed at the till: ${show(extra)}`,
    });
  }
  const twiceById = [...cloudIds].filter(([, n]) => n > 1).map(([id]) => id);
  const twiceByKey = [
    ...countBy(
      cloudItems.filter((i) => i.key !== undefined),
      (i) => i.key ?? '',
    ),
  ]
    .filter(([, n]) => n > 1)
    .map(([key]) => key);
  if (twiceById.length || twiceByKey.length) {
    out.push({
      invariant: `${kind}: none twice`,
      till,
      detail: `held more than once in MySQL: ${show([...twiceById, ...twiceByKey])}`,
    });
  }
}

export function checkInvariants(
  tills: readonly TillSnapshot[],
  cloud: CloudSnapshot,
  options: CheckOptions,
): Violation[] {
  const out: Violation[] = [];
  const allSaleIds = new Set<string>();
  const allRefundIds = new Set<string>();
  const allSessionIds = new Set<string>();

  for (const t of tills) {
    const saleIds = new Set(t.sales.map((s) => s.id));
    const refundIds = new Set(t.refunds.map((r) => r.id));
    const sessionIds = new Set(t.sessions.map((s) => s.id));
    for (const id of saleIds) allSaleIds.add(id);
    for (const id of refundIds) allRefundIds.add(id);
    for (const id of sessionIds) allSessionIds.add(id);

    const cloudSales = cloud.sales.filter((s) => s.terminalId === t.terminalId || saleIds.has(s.id));
    sameDocuments(
      out,
      t.name,
      'sales',
      t.sales.map((s) => ({ id: s.id, key: s.receiptNumber })),
      cloudSales.map((s) => ({ id: s.id, key: s.receiptNumber })),
    );
    const cloudSalePayments = cloud.salePayments.filter((p) => saleIds.has(p.parentId));
    sameDocuments(out, t.name, 'sale payments', t.salePayments, cloudSalePayments);
    const cloudRefunds = cloud.refunds.filter((r) => r.terminalId === t.terminalId || refundIds.has(r.id));
    sameDocuments(
      out,
      t.name,
      'refunds',
      t.refunds.map((r) => ({ id: r.id, key: r.refundNumber })),
      cloudRefunds.map((r) => ({ id: r.id, key: r.refundNumber })),
    );
    const cloudRefundPayments = cloud.refundPayments.filter((p) => refundIds.has(p.parentId));
    sameDocuments(out, t.name, 'refund payments', t.refundPayments, cloudRefundPayments);
    const cloudSessions = cloud.sessions.filter((s) => s.terminalId === t.terminalId || sessionIds.has(s.id));
    sameDocuments(out, t.name, 'cash sessions', t.sessions, cloudSessions);
    const cloudCash = cloud.cashMovements.filter((m) => sessionIds.has(m.sessionId));
    sameDocuments(out, t.name, 'cash movements', t.cashMovements, cloudCash);

    // Stock movements: the cloud keeps no till movement id, so compare (document, product, qty) as multisets.
    const docIds = new Set([...saleIds, ...refundIds, ...t.movements.map((m) => m.referenceId)]);
    const movementKey = (m: Movement) => `${m.referenceId}/${m.productId}/${m.qtyMilli}`;
    const movementDiffs = sameMap(
      countBy(t.movements, movementKey),
      countBy(
        cloud.movements.filter((m) => docIds.has(m.referenceId)),
        movementKey,
      ),
    );
    if (movementDiffs.length) {
      out.push({
        invariant: 'stock movements: each once',
        till: t.name,
        detail: `(document/product/qty: count) ${show(movementDiffs)}`,
      });
    }

    // Money to the cent.
    const tillTotal = t.sales.reduce((sum, s) => sum + s.total, 0);
    const cloudTotal = cloudSales.reduce((sum, s) => sum + s.total, 0);
    if (tillTotal !== cloudTotal) {
      out.push({ invariant: 'sales total', till: t.name, detail: `till ${tillTotal} ≠ cloud ${cloudTotal}` });
    }
    const byMethod = sameMap(
      sumBy(
        t.salePayments,
        (p) => p.method,
        (p) => p.amount,
      ),
      sumBy(
        cloudSalePayments,
        (p) => p.method,
        (p) => p.amount,
      ),
    );
    if (byMethod.length) {
      out.push({ invariant: 'payments by method', till: t.name, detail: show(byMethod) });
    }
    const refundTotals = sameMap(
      new Map([['refunds', t.refunds.reduce((s, r) => s + r.total, 0)]]),
      new Map([['refunds', cloudRefunds.reduce((s, r) => s + r.total, 0)]]),
    );
    const refundByMethod = sameMap(
      sumBy(
        t.refundPayments,
        (p) => p.method,
        (p) => p.amount,
      ),
      sumBy(
        cloudRefundPayments,
        (p) => p.method,
        (p) => p.amount,
      ),
    );
    if (refundTotals.length || refundByMethod.length) {
      out.push({
        invariant: 'refund totals',
        till: t.name,
        detail: show([...refundTotals, ...refundByMethod]),
      });
    }
    const cashByKind = sameMap(
      sumBy(
        t.cashMovements,
        (m) => m.kind,
        (m) => m.amount,
      ),
      sumBy(
        cloudCash,
        (m) => m.kind,
        (m) => m.amount,
      ),
    );
    if (cashByKind.length) {
      out.push({ invariant: 'paid in / paid out', till: t.name, detail: show(cashByKind) });
    }
    const voids = new Set(t.voidedSaleIds);
    const voidDiffs = cloudSales
      .filter((s) => s.voided !== voids.has(s.id))
      .map((s) => `${s.receiptNumber} ${s.voided ? 'voided only in the cloud' : 'voided only at the till'}`);
    if (voidDiffs.length) out.push({ invariant: 'voids', till: t.name, detail: show(voidDiffs) });
    const closeDiffs = t.sessions
      .filter((s) => cloudSessions.some((c) => c.id === s.id && c.closed !== s.closed))
      .map((s) => `${s.id} ${s.closed ? 'closed only at the till' : 'closed only in the cloud'}`);
    if (closeDiffs.length) out.push({ invariant: 'session closes', till: t.name, detail: show(closeDiffs) });

    // Stock and catalog converge.
    const stockDiffs: string[] = [];
    for (const [productId, level] of cloud.onHand) {
      const here = t.onHand.get(productId) ?? 0;
      if (here !== level) stockDiffs.push(`${productId}: till ${here} ≠ cloud ${level}`);
    }
    if (stockDiffs.length) {
      out.push({ invariant: 'stock on hand = cloud', till: t.name, detail: show(stockDiffs) });
    }
    const priceDiffs: string[] = [];
    for (const [productId, price] of cloud.prices) {
      const here = t.prices.get(productId);
      if (here !== price) priceDiffs.push(`${productId}: till ${String(here)} ≠ cloud ${price}`);
    }
    if (priceDiffs.length) out.push({ invariant: 'catalog = cloud', till: t.name, detail: show(priceDiffs) });

    // The queue and the cursor.
    if (t.unsentEvents !== 0) {
      out.push({ invariant: 'outbox acknowledged', till: t.name, detail: `${t.unsentEvents} events unsent` });
    }
    const acked = cloud.ackedThrough.get(`${t.terminalId}:${t.epoch}`) ?? 0;
    if (acked !== t.lastWireSeq) {
      out.push({
        invariant: 'cloud cursor = till outbox',
        till: t.name,
        detail: `cloud acked through seq ${acked}, the till's last event is seq ${t.lastWireSeq}`,
      });
    }
    if (t.pullCursor !== cloud.headVersion || t.pullHead !== cloud.headVersion) {
      out.push({
        invariant: 'pull cursor at the head',
        till: t.name,
        detail: `cursor ${t.pullCursor}, head seen ${t.pullHead}, cloud head ${cloud.headVersion}`,
      });
    }

    // A printed receipt belongs to a committed sale (or refund) of that till.
    const committed = new Set([
      ...t.sales.map((s) => s.receiptNumber),
      ...t.refunds.map((r) => r.refundNumber),
    ]);
    const ghosts = t.printedReceipts.filter((n) => !committed.has(n));
    if (ghosts.length) {
      out.push({
        invariant: 'printed receipt = committed sale',
        till: t.name,
        detail: `printed, not in the till's ledger: ${show(ghosts)}`,
      });
    }
  }

  const orphanSales = cloud.sales.filter((s) => !allSaleIds.has(s.id)).map((s) => s.receiptNumber);
  const orphanRefunds = cloud.refunds.filter((r) => !allRefundIds.has(r.id)).map((r) => r.refundNumber);
  const orphanSessions = cloud.sessions.filter((s) => !allSessionIds.has(s.id)).map((s) => s.id);
  if (orphanSales.length || orphanRefunds.length || orphanSessions.length) {
    out.push({
      invariant: 'nothing in MySQL that no till completed',
      till: null,
      detail: show([...orphanSales, ...orphanRefunds, ...orphanSessions]),
    });
  }
  if (options.expectNoQuarantine && cloud.quarantined.length) {
    out.push({
      invariant: 'no event quarantined',
      till: null,
      detail: show(
        cloud.quarantined.map((q) => `${q.type} ${q.eventId}: ${q.reason}`),
        3,
      ),
    });
  }
  return out;
}

export function formatViolations(seed: number, violations: readonly Violation[]): string {
  const lines = violations.map((v) => `  ✗ ${v.invariant}${v.till ? ` [${v.till}]` : ''}: ${v.detail}`);
  return (
    `chaos run seed ${seed}: ${violations.length} invariant(s) broken\n${lines.join('\n')}\n` +
    `  replay: SYNC_CHAOS_SEED=${seed} npm run test:chaos`
  );
}
