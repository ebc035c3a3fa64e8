// Test harness: a real till core on a real SQLite file in a fresh temp folder, seeded with the demo store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoStore, type DemoRole, type DemoStore } from '../../src-main/ledger/seed/demo-store.js';
import type { Clock } from '../../src-main/services/clock.js';
import { openTill, type Till } from '../../src-main/till.js';
import type { TillSettings } from '../../src-main/services/context.js';

/** A clock tests can move. */
export class TestClock implements Clock {
  #ms: number;
  constructor(start = Date.parse('2026-11-25T08:00:00.000Z')) {
    this.#ms = start;
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
  set(iso: string): void {
    this.#ms = Date.parse(iso);
  }
}

export interface TestTill {
  till: Till;
  demo: DemoStore;
  clock: TestClock;
  dataDir: string;
  /** Password login as a demo user. */
  loginAs(role: DemoRole): void;
  /** Logs in as `role` (default cashier) and opens a cash session with `float` (default 5,000.00). */
  openSession(role?: DemoRole, float?: number): string;
  /** Row counts of every ledger table — to prove a failed call wrote nothing. */
  snapshot(): Record<string, number>;
  /** Reopen the same ledger as a fresh process would (operator logged out, state from disk). */
  restart(): void;
  close(): void;
}

export function createTestTill(
  options: { products?: number; settings?: Partial<TillSettings> } = {},
): TestTill {
  const dataDir = mkdtempSync(join(tmpdir(), 'asiria-test-'));
  const clock = new TestClock();
  const open = () =>
    openTill({
      dataDir,
      clock,
      checkpointer: false,
      ...(options.settings ? { settings: options.settings } : {}),
    });
  let till = open();
  const demo = seedDemoStore(till.ledger, {
    products: options.products ?? 40,
    fastHashes: true,
    now: clock.now(),
  });
  const harness: TestTill = {
    get till() {
      return till;
    },
    demo,
    clock,
    dataDir,
    loginAs(role) {
      const u = demo.users[role];
      till.call('auth.login', { phone: u.phone, password: u.password });
    },
    openSession(role = 'cashier', float = 5_000_00) {
      harness.loginAs(role);
      return till.call('session.open', { openingFloat: float }).id;
    },
    snapshot() {
      const tables = till.ledger.raw
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and name not like '__drizzle%'",
        )
        .all() as { name: string }[];
      return Object.fromEntries(
        tables.map(({ name }) => [
          name,
          (till.ledger.raw.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
        ]),
      );
    },
    restart() {
      till.close();
      till = open();
    },
    close() {
      till.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
