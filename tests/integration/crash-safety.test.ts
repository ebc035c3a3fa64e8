// Crash safety: a child process completes sales in a loop and is killed with SIGKILL at random moments.
// After every kill the ledger must be intact: each sale complete or absent, receipts gapless, outbox 1:1.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerPath } from '../../src-main/config/data-dir.js';
import { openLedger } from '../../src-main/ledger/connection.js';
import { seedDemoStore } from '../../src-main/ledger/seed/demo-store.js';

const ITERATIONS = Number(process.env.ASIRIA_CRASH_ITERATIONS ?? 50);
const CHILD = join(import.meta.dirname, '../support/crash-child.ts');

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'asiria-crash-'));
  const ledger = openLedger(ledgerPath(dataDir));
  seedDemoStore(ledger, { products: 60, fastHashes: true });
  ledger.close();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Random-ish but reproducible kill delays (ms after the child said ready). */
function killDelay(i: number): number {
  return 20 + ((i * 7919) % 280);
}

/** Runs the child, kills it with SIGKILL `delayMs` after it is ready; returns the receipts it acknowledged. */
function runAndKill(delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: string[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line.startsWith('done ')) acknowledged.push(line.slice(5));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself (${String(signal)}): ${stderr}`));
      else resolve(acknowledged);
    });
  });
}

interface Check {
  sales: number;
  problems: string[];
}

function checkLedger(acknowledged: ReadonlySet<string>): Check {
  const db = new Database(ledgerPath(dataDir));
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} violations`);

    const sales = db
      .prepare('select id, receipt_number, total, paid_total, change_given, rounding_adjustment from sales')
      .all() as {
      id: string;
      receipt_number: string;
      total: number;
      paid_total: number;
      change_given: number;
      rounding_adjustment: number;
    }[];
    const linesBySale = new Map(
      (
        db
          .prepare(
            'select sale_id, count(*) n, sum(gross) gross, sum(case when p.track_stock then 1 else 0 end) tracked from sale_lines l join products p on p.id = l.product_id group by sale_id',
          )
          .all() as {
          sale_id: string;
          n: number;
          gross: number;
          tracked: number;
        }[]
      ).map((r) => [r.sale_id, r]),
    );
    const paymentsBySale = new Map(
      (
        db.prepare('select sale_id, sum(amount) amount from sale_payments group by sale_id').all() as {
          sale_id: string;
          amount: number;
        }[]
      ).map((r) => [r.sale_id, r.amount]),
    );
    const movementsBySale = new Map(
      (
        db
          .prepare(
            "select reference_id, count(*) n from stock_movements where reason = 'sale' group by reference_id",
          )
          .all() as { reference_id: string; n: number }[]
      ).map((r) => [r.reference_id, r.n]),
    );
    const events = db.prepare("select event_id, payload from outbox where type = 'sale.completed'").all() as {
      event_id: string;
      payload: string;
    }[];
    const eventIds = new Map(events.map((e) => [e.event_id, e.payload]));

    for (const s of sales) {
      const lines = linesBySale.get(s.id);
      if (!lines) {
        problems.push(`${s.receipt_number}: header without lines`);
        continue;
      }
      if (lines.gross + s.rounding_adjustment !== s.total)
        problems.push(`${s.receipt_number}: lines ${lines.gross} ≠ total ${s.total}`);
      if ((paymentsBySale.get(s.id) ?? 0) !== s.paid_total)
        problems.push(`${s.receipt_number}: payments ≠ paid_total`);
      if (s.paid_total - s.change_given !== s.total)
        problems.push(`${s.receipt_number}: paid − change ≠ total`);
      if ((movementsBySale.get(s.id) ?? 0) !== lines.tracked)
        problems.push(
          `${s.receipt_number}: ${movementsBySale.get(s.id) ?? 0} movements for ${lines.tracked} tracked lines`,
        );
      const payload = eventIds.get(s.id);
      if (!payload) problems.push(`${s.receipt_number}: no outbox event`);
      else if (!payload.includes(s.receipt_number))
        problems.push(`${s.receipt_number}: outbox payload is not this sale`);
    }
    if (events.length !== sales.length)
      problems.push(`outbox has ${events.length} sale events for ${sales.length} sales`);
    const orphanLines = db
      .prepare('select count(*) n from sale_lines where sale_id not in (select id from sales)')
      .get() as { n: number };
    if (orphanLines.n) problems.push(`${orphanLines.n} lines without a sale`);

    const numbers = sales.map((s) => Number(s.receipt_number.split('-')[1])).sort((a, b) => a - b);
    numbers.forEach((n, i) => {
      if (n !== i + 1) problems.push(`receipt numbers not gapless at ${i + 1} (found ${n})`);
    });
    const counter = db.prepare("select last from document_counters where kind = 'sale'").get() as
      { last: number } | undefined;
    if ((counter?.last ?? 0) !== sales.length)
      problems.push(`receipt counter ${counter?.last ?? 0} ≠ ${sales.length} sales`);

    const seqs = db.prepare('select min(seq) lo, max(seq) hi, count(*) n from outbox').get() as {
      lo: number;
      hi: number;
      n: number;
    };
    if (seqs.n && (seqs.lo !== 1 || seqs.hi !== seqs.n))
      problems.push(`outbox seq not gapless: ${seqs.lo}..${seqs.hi} for ${seqs.n}`);

    const receipts = new Set(sales.map((s) => s.receipt_number));
    for (const r of acknowledged) if (!receipts.has(r)) problems.push(`acknowledged sale ${r} is lost`);
    return { sales: sales.length, problems: [...new Set(problems)].slice(0, 10) };
  } finally {
    db.close();
  }
}

describe('crash safety under SIGKILL', () => {
  it(
    `keeps every sale whole across ${ITERATIONS} kills at random moments`,
    async () => {
      const acknowledged = new Set<string>();
      let lastCount = 0;
      let killsAfterCommit = 0;
      for (let i = 0; i < ITERATIONS; i++) {
        const ackedNow = await runAndKill(killDelay(i));
        for (const r of ackedNow) acknowledged.add(r);
        const check = checkLedger(acknowledged);
        expect(check.problems, `after kill ${i + 1}`).toEqual([]);
        expect(check.sales).toBeGreaterThanOrEqual(lastCount);
        // A sale committed whose acknowledgement never reached us: the kill fell between commit and print.
        if (check.sales - lastCount > ackedNow.length) killsAfterCommit++;
        lastCount = check.sales;
      }
      // The loop really sold: many sales, acknowledged ones all present (checked above).
      expect(lastCount).toBeGreaterThan(ITERATIONS);
      console.info(
        `crash safety: ${ITERATIONS} kills, ${lastCount} sales, ${killsAfterCommit} kills between a commit and its acknowledgement`,
      );
    },
    ITERATIONS * 5_000 + 60_000,
  );
});
