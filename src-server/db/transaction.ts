// Every write goes through withTransaction: one InnoDB transaction, retried as a whole on deadlock (1213)
// or lock-wait timeout (1205) — in Galera a conflicting commit from another node fails with 1213 too.
// Before it commits, it writes the sync changes the transaction noted (services/sync-changes.ts) and not
// flushed yet, so no write path can lose a change a till must pull.
import type { MySqlTransactionConfig } from 'drizzle-orm/mysql-core';
import { discardChanges, flushChanges } from '../services/sync-changes.js';
import type { Db } from './client.js';
import { isRetryable } from './errors.js';

/** The handle inside a transaction: same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface RetryOptions {
  /** Attempts in all (default 4). */
  attempts?: number;
  /** Base delay before the 2nd attempt, doubled each time, with full jitter (default 20 ms). */
  baseDelayMs?: number;
  /** Isolation level of the transaction (default: the server's, REPEATABLE READ). */
  isolationLevel?: MySqlTransactionConfig['isolationLevel'];
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
    let handle: Tx | undefined;
    try {
      return await db.transaction(
        async (tx) => {
          handle = tx;
          const result = await fn(tx);
          await flushChanges(tx);
          return result;
        },
        options.isolationLevel ? { isolationLevel: options.isolationLevel } : undefined,
      );
    } catch (error) {
      if (handle) discardChanges(handle);
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(Math.random() * base * 2 ** (attempt - 1));
    }
  }
}
