// Every write goes through withTransaction: one InnoDB transaction, retried as a whole on deadlock (1213)
// or lock-wait timeout (1205) — in Galera a conflicting commit from another node fails with 1213 too.
import type { Db } from './client.js';
import { isRetryable } from './errors.js';

/** The handle inside a transaction: same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface RetryOptions {
  /** Attempts in all (default 4). */
  attempts?: number;
  /** Base delay before the 2nd attempt, doubled each time, with full jitter (default 20 ms). */
  baseDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` in a transaction and commits; on 1213/1205 rolls back and runs `fn` AGAIN from the start (so
 * `fn` must not have side effects outside the transaction). Any other error rolls back and is rethrown.
 */
export async function withTransaction<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 20;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(Math.random() * base * 2 ** (attempt - 1));
    }
  }
}
