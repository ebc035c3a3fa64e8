// The open cash session a write books money against (a sale, its payments, a client receipt, an expense).
// The session row is held with a SHARED lock until the write commits: such writes run side by side (one
// busy till's payments no longer queue behind each other on its session row), while the close, which
// takes the row FOR UPDATE before summing by session_id, waits for them and they wait for it — so a close
// either sees a write or the write sees "closed". The store's row comes along under the same shared lock
// (its cash rounding step then cannot change under a payment; only an edit of the store waits, briefly).
// LOCK IN SHARE MODE is understood by MySQL 8 (a synonym of FOR SHARE) and MariaDB (which has no FOR SHARE).
import { sql } from 'drizzle-orm';
import { cashSessions } from '../db/schema/cash.js';
import { stores } from '../db/schema/stores.js';
import type { Tx } from '../db/transaction.js';
import { fieldError, invalidPk } from '../http/errors.js';

export interface HeldSession {
  id: string;
  storeId: string;
  terminalId: string | null;
  businessDate: string;
  /** The store's cash rounding step (minor units; 0 = none). */
  cashRoundingStep: number;
}

interface SessionRow {
  store_id: string;
  terminal_id: string | null;
  status: string;
  business_date: string | Date;
  cash_rounding_step: number | string;
}

export const SESSION_CLOSED = 'This cash session is closed.';

/**
 * Holds session `sessionId` (shared lock) and returns it; a 400 on `session` unless it exists, belongs to
 * `storeId` and is open (`closedMessage` is the message for a closed one).
 */
export async function holdOpenSession(
  tx: Tx,
  sessionId: string,
  storeId: string,
  closedMessage = SESSION_CLOSED,
): Promise<HeldSession> {
  const [rows] = (await tx.execute(
    sql`select ${cashSessions.storeId} as store_id, ${cashSessions.terminalId} as terminal_id,
          ${cashSessions.status} as status, ${cashSessions.businessDate} as business_date,
          ${stores.cashRoundingStep} as cash_rounding_step
        from ${cashSessions} join ${stores} on ${stores.id} = ${cashSessions.storeId}
        where ${cashSessions.id} = ${sessionId} lock in share mode`,
  )) as unknown as [SessionRow[]];
  const row = rows[0];
  if (!row || row.store_id !== storeId) throw fieldError('session', invalidPk(sessionId));
  if (row.status !== 'open') throw fieldError('session', closedMessage);
  const date = row.business_date;
  return {
    id: sessionId,
    storeId: row.store_id,
    terminalId: row.terminal_id,
    businessDate: typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10),
    cashRoundingStep: Number(row.cash_rounding_step),
  };
}
