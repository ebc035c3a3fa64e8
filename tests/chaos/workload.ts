// What a cashier does at one till during a chaos run, drawn from a seeded PRNG: sales paid in cash, M-Pesa or
// both (with change), some refunds and voids, paid-in/paid-out, a session close and reopen. Each step goes
// through the till's HTTP RPC; when the till is SIGKILLed under it, the step is abandoned, the cashier waits for
// the till to come back, logs in again and cancels the cart left open. The till's SQLite file — not this
// driver's memory — is what the invariants compare with the cloud.
import type { SaleView } from '../../src-shared/contract/sale.js';
import type { Credentials } from './server-process.js';
import { TillRpcError, type ChaosTill } from './till-process.js';

export interface WorkloadStats {
  steps: number;
  sales: number;
  refunds: number;
  voids: number;
  cashMovements: number;
  closes: number;
  interrupted: number;
  /** Till errors by code (a refused step, e.g. a refund of a sale already refunded). */
  refused: Record<string, number>;
}

export interface Workload {
  till: ChaosTill;
  cashier: Credentials;
  random: () => number;
  productIds: () => string[];
  steps: number;
  /** Called after each step done (or refused): the harness schedules its kills by progress. */
  onStep?: () => void;
}

interface Completed {
  id: string;
  lines: { id: string; qtyMilli: number }[];
  done: boolean;
}

const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

async function waitUntilRunning(till: ChaosTill, afterGeneration: number): Promise<void> {
  const until = Date.now() + 120_000;
  while (!(till.running() && till.generation > afterGeneration)) {
    if (Date.now() > until) throw new Error(`${till.name} did not come back within 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Logged in, a cart left open by a crash cancelled, a session open. */
export async function prepareCashier(till: ChaosTill, cashier: Credentials): Promise<void> {
  await till.call('auth.login', { phone: cashier.phone, password: cashier.password });
  const open = await till.call('sale.get', {});
  if (open && (open.sale.status === 'open' || open.sale.status === 'held')) {
    await till.call('sale.void', { saleId: open.sale.id, reason: 'cart left open by a crash' });
  }
  if ((await till.call('session.current', {})) === null) {
    await till.call('session.open', { openingFloat: 5000_00 });
  }
}

async function ringSale(w: Workload, sold: Completed[]): Promise<void> {
  const { till, random } = w;
  let view: SaleView = await till.call('sale.start', {});
  const items = 1 + Math.floor(random() * 3);
  for (let i = 0; i < items; i++) {
    view = await till.call('sale.addItem', {
      saleId: view.id,
      productId: pick(random, w.productIds()),
      qtyMilli: (1 + Math.floor(random() * 3)) * 1000,
    });
  }
  const how = random();
  if (how < 0.3) {
    await till.call('sale.tender', {
      saleId: view.id,
      method: 'MPESA',
      amount: view.payment.due,
      reference: `QK${Math.floor(random() * 1e8)}`,
    });
  } else {
    if (how < 0.7 && view.payment.due > 2) {
      view = await till.call('sale.tender', {
        saleId: view.id,
        method: 'MPESA',
        amount: 1 + Math.floor(random() * (view.payment.due - 1)),
        reference: `QK${Math.floor(random() * 1e8)}`,
      });
    }
    // Cash for the rest, rounded up to the next 50 shillings (change given).
    const cash = Math.ceil((view.payment.balance + 1) / 50_00) * 50_00;
    await till.call('sale.tender', { saleId: view.id, method: 'CASH', amount: cash });
  }
  const completed = await till.call('sale.complete', { saleId: view.id });
  sold.push({
    id: completed.sale.id,
    lines: completed.sale.lines.map((l) => ({ id: l.id, qtyMilli: l.qtyMilli })),
    done: false,
  });
}

async function step(w: Workload, sold: Completed[], stats: WorkloadStats): Promise<void> {
  const { till, random } = w;
  const roll = random();
  const open = sold.filter((s) => !s.done);
  if (roll < 0.08 && open.length) {
    const sale = pick(random, open);
    sale.done = true;
    const line = pick(random, sale.lines);
    await till.call('refund.create', {
      saleId: sale.id,
      lines: [{ saleLineId: line.id, qtyMilli: line.qtyMilli }],
      tender: random() < 0.5 ? 'original' : 'cash',
      reason: 'chaos refund',
    });
    stats.refunds++;
  } else if (roll < 0.13 && open.length) {
    const sale = pick(random, open);
    sale.done = true;
    await till.call('sale.void', { saleId: sale.id, reason: 'chaos void' });
    stats.voids++;
  } else if (roll < 0.21) {
    await till.call('session.cashMovement', {
      kind: random() < 0.5 ? 'paid_in' : 'paid_out',
      amount: (1 + Math.floor(random() * 20)) * 50_00,
      reason: 'chaos petty cash',
    });
    stats.cashMovements++;
  } else if (roll < 0.24) {
    await till.call('session.close', { countedTotal: Math.floor(random() * 10_000_00), blind: false });
    await till.call('session.open', { openingFloat: 5000_00 });
    stats.closes++;
  } else {
    await ringSale(w, sold);
    stats.sales++;
  }
}

export async function runWorkload(w: Workload): Promise<WorkloadStats> {
  const stats: WorkloadStats = {
    steps: 0,
    sales: 0,
    refunds: 0,
    voids: 0,
    cashMovements: 0,
    closes: 0,
    interrupted: 0,
    refused: {},
  };
  const sold: Completed[] = [];
  let prepared = -1;
  while (stats.steps < w.steps) {
    const generation = w.till.generation;
    try {
      if (prepared !== generation) {
        await prepareCashier(w.till, w.cashier);
        prepared = generation;
      }
      await step(w, sold, stats);
      stats.steps++;
      w.onStep?.();
    } catch (error) {
      if (error instanceof TillRpcError) {
        stats.refused[`${error.method} ${error.code}`] =
          (stats.refused[`${error.method} ${error.code}`] ?? 0) + 1;
        stats.steps++;
        w.onStep?.();
        prepared = -1;
        continue;
      }
      // The till went away under the step (SIGKILL): wait for it to come back.
      stats.interrupted++;
      if (w.till.running() && w.till.generation === generation) {
        await new Promise((r) => setTimeout(r, 100)); // a hiccup, not a restart
      } else {
        await waitUntilRunning(w.till, generation);
      }
      prepared = -1;
    }
  }
  return stats;
}
