// POST /api/sync/push/ (DESIGN.md "Sync" → Push): one MySQL transaction per push, under a lock on the till's
// cursor row (terminal, epoch; created by its first push), so pushes of one till never interleave. Resends are recognised by key —
// the held event at (terminal, epoch, seq) or the event id held anywhere — and change nothing; a gap in seq
// stops the batch (seq N+2 is never applied before N+1); each new event is applied or quarantined (both
// acknowledged, so one bad event never blocks the queue); the answer is built only from what commits.
//
// New events are applied as one batch (multi-row INSERTs). If the batch fails for a reason the planner did
// not foresee, the transaction is rolled back and run again applying event by event, each in a savepoint:
// the events that fail are quarantined with the database's reason and the rest are applied.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PushEvent, PushRequest, PushResponse, PushResult } from '../../src-shared/contract/sync.js';
import type { TerminalRow } from '../auth/device-credentials.js';
import type { Db } from '../db/client.js';
import { driverError, isRetryable } from '../db/errors.js';
import { terminals } from '../db/schema/stores.js';
import { syncCursors, syncEvents, syncQuarantine } from '../db/schema/sync.js';
import { withTransaction, type Tx } from '../db/transaction.js';
import { ApiError } from '../http/errors.js';
import { insertRows } from './bulk-insert.js';
import { applyPlan } from './sync-apply.js';
import { flushChanges, storeHeadVersion } from './sync-changes.js';
import { plantedBug } from '../planted-bug.js';
import { notifyQuarantined } from './sync-notify.js';
import { planEvents, type PushingTerminal } from './sync-plan.js';
import { applyStockDeltas, type StockLevelDeltas } from './stock.js';

type Mode = 'batch' | 'event-by-event';

/** Thrown out of a batch-mode transaction (after rollback) to run the push again event by event. */
class BatchFailed extends Error {}

interface Held {
  /** seq → event id held at that position. */
  bySeq: Map<number, string>;
  /** Event ids held anywhere (applied, quarantined, or quarantined as a reused seq). */
  ids: Set<string>;
}

async function heldKeys(tx: Tx, terminal: PushingTerminal, epoch: number, events: readonly PushEvent[]) {
  if (events.length === 0) return { bySeq: new Map(), ids: new Set() } satisfies Held;
  const eventIds = events.map((e) => e.eventId);
  const [atSeq, withId, quarantined] = await Promise.all([
    tx
      .select({ seq: syncEvents.seq, eventId: syncEvents.eventId })
      .from(syncEvents)
      .where(
        and(
          eq(syncEvents.terminalId, terminal.id),
          eq(syncEvents.epoch, epoch),
          inArray(
            syncEvents.seq,
            events.map((e) => e.seq),
          ),
        ),
      ),
    tx.select({ eventId: syncEvents.eventId }).from(syncEvents).where(inArray(syncEvents.eventId, eventIds)),
    tx
      .select({ eventId: syncQuarantine.eventId })
      .from(syncQuarantine)
      .where(inArray(syncQuarantine.eventId, eventIds)),
  ]);
  return {
    bySeq: new Map(atSeq.map((r) => [r.seq, r.eventId])),
    ids: new Set([...withId, ...quarantined].map((r) => r.eventId)),
  } satisfies Held;
}

function messageOf(error: unknown): string {
  const driver = driverError(error);
  if (driver?.sqlMessage) return driver.sqlMessage;
  return error instanceof Error ? error.message : String(error);
}

interface Applied {
  /** Per event id: null = applied, else why it is quarantined. */
  verdicts: Map<string, string | null>;
  /** Level changes of a batch-mode apply, still to be written (last, see pushOnce). */
  stock: StockLevelDeltas | null;
}

/** Plans and applies the new events; returns each one's quarantine reason (null = applied). */
async function applyNew(
  tx: Tx,
  terminal: PushingTerminal,
  events: readonly PushEvent[],
  mode: Mode,
): Promise<Applied> {
  if (mode === 'batch') {
    const { plan, verdicts } = await planEvents(tx, terminal, events);
    const stock = await asBatch(() => applyPlan(tx, plan));
    return { verdicts, stock };
  }
  const verdicts = new Map<string, string | null>();
  for (const event of events) {
    try {
      const reason = await tx.transaction(async (savepoint) => {
        const planned = await planEvents(savepoint, terminal, [event]);
        const verdict = planned.verdicts.get(event.eventId) ?? null;
        if (verdict === null) await applyStockDeltas(savepoint, await applyPlan(savepoint, planned.plan));
        return verdict;
      });
      verdicts.set(event.eventId, reason);
    } catch (error) {
      if (isRetryable(error)) throw error;
      verdicts.set(event.eventId, `The cloud could not apply this event: ${messageOf(error)}`);
    }
  }
  return { verdicts, stock: null };
}

/** Runs a step of a batch-mode apply: a failure the planner did not foresee runs the push event by event. */
async function asBatch<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isRetryable(error)) throw error;
    throw new BatchFailed(messageOf(error), { cause: error });
  }
}

const epochMismatch = (given: number, current: number) =>
  new ApiError(409, {
    detail:
      `This till pushes under epoch ${given} but its current registration is epoch ${current}: ` +
      'it was registered again elsewhere; register this till again.',
    code: 'EPOCH_MISMATCH',
    epoch: current,
  });

async function pushOnce(
  db: Db,
  terminal: TerminalRow,
  request: PushRequest,
  mode: Mode,
): Promise<PushResponse> {
  const pushing: PushingTerminal = { id: terminal.id, storeId: terminal.storeId };
  return withTransaction(db, async (tx) => {
    if (request.epoch !== terminal.epoch) throw epochMismatch(request.epoch, terminal.epoch);
    // The cursor row of this registration appears at its first push (a no-op when it exists), then is
    // locked for the rest of the transaction.
    await tx
      .insert(syncCursors)
      .values({ terminalId: terminal.id, epoch: request.epoch, storeId: terminal.storeId })
      .onDuplicateKeyUpdate({ set: { terminalId: sql`${syncCursors.terminalId}` } });
    const [cursor] = await tx
      .select()
      .from(syncCursors)
      .where(and(eq(syncCursors.terminalId, terminal.id), eq(syncCursors.epoch, request.epoch)))
      .for('update');
    if (!cursor) throw new Error('sync cursor row missing after upsert');

    const held = await heldKeys(tx, pushing, request.epoch, request.events);
    const acked = cursor.ackedThroughSeq;
    let next = acked + 1;
    const decided = new Map<number, PushResult>();
    const fresh: PushEvent[] = [];
    const reused: { event: PushEvent; reason: string }[] = [];
    const seen = new Set<string>();
    const processed: PushEvent[] = [];

    for (const event of request.events) {
      if (event.seq > next) break; // a gap: nothing from here on is applied before the missing seq arrives
      processed.push(event);
      const isHeld =
        !plantedBug('skip-duplicate-check') && (held.ids.has(event.eventId) || seen.has(event.eventId));
      seen.add(event.eventId);
      if (event.seq <= acked && !plantedBug('skip-duplicate-check')) {
        if (held.bySeq.get(event.seq) === event.eventId || isHeld) {
          decided.set(event.seq, { seq: event.seq, status: 'duplicate' });
        } else {
          const reason =
            `Seq ${event.seq} of this till (epoch ${request.epoch}) was already used by another event: ` +
            'was the till restored from an old copy of its ledger?';
          reused.push({ event, reason });
          decided.set(event.seq, { seq: event.seq, status: 'quarantined', reason });
        }
        continue;
      }
      next = event.seq + 1;
      if (isHeld) decided.set(event.seq, { seq: event.seq, status: 'duplicate' });
      else fresh.push(event);
    }

    const { verdicts, stock } = await applyNew(tx, pushing, fresh, mode);
    const now = new Date();
    const quarantine = [...reused];
    for (const event of fresh) {
      const reason = verdicts.get(event.eventId) ?? null;
      if (reason !== null) quarantine.push({ event, reason });
      decided.set(
        event.seq,
        reason === null
          ? { seq: event.seq, status: 'applied' }
          : { seq: event.seq, status: 'quarantined', reason },
      );
    }
    if (fresh.length > 0) {
      await insertRows(
        tx,
        syncEvents,
        fresh.map((event) => ({
          terminalId: terminal.id,
          epoch: request.epoch,
          seq: event.seq,
          eventId: event.eventId,
          type: event.type,
          status: verdicts.get(event.eventId) == null ? ('applied' as const) : ('quarantined' as const),
          createdAt: new Date(event.createdAt),
          receivedAt: now,
        })),
      );
    }
    if (quarantine.length > 0) {
      await tx.insert(syncQuarantine).values(
        quarantine.map(({ event, reason }) => ({
          eventId: event.eventId,
          storeId: terminal.storeId,
          terminalId: terminal.id,
          epoch: request.epoch,
          seq: event.seq,
          type: event.type,
          reason,
          event,
          createdAt: now,
        })),
      );
      await notifyQuarantined(tx, terminal.storeId, quarantine.length, quarantine[0]?.reason ?? '');
    }
    const ackedThroughSeq = next - 1;
    await tx
      .update(syncCursors)
      .set({ ackedThroughSeq, lastPushAt: now })
      .where(and(eq(syncCursors.terminalId, terminal.id), eq(syncCursors.epoch, request.epoch)));
    await tx.update(terminals).set({ lastSeenAt: now }).where(eq(terminals.id, terminal.id));
    // Last but the change log: the store's level rows (shared by all its tills) and then its change-log
    // counter stay locked only from here to the commit.
    if (stock) await asBatch(() => applyStockDeltas(tx, stock));
    const flushed = await flushChanges(tx);
    const storeVersion = flushed.get(terminal.storeId) ?? (await storeHeadVersion(tx, terminal.storeId));
    return {
      ackedThroughSeq: plantedBug('ack-too-far') ? ackedThroughSeq + 1 : ackedThroughSeq,
      storeVersion,
      results: processed.flatMap((e) => decided.get(e.seq) ?? []),
      serverTime: now.toISOString(),
    };
  });
}

/** Applies a push from `terminal` (already authenticated); the answer describes what committed. */
export async function applyPush(db: Db, terminal: TerminalRow, request: PushRequest): Promise<PushResponse> {
  try {
    return await pushOnce(db, terminal, request, 'batch');
  } catch (error) {
    if (!(error instanceof BatchFailed)) throw error;
    return pushOnce(db, terminal, request, 'event-by-event');
  }
}

export const quarantineOut = z.object({
  id: z.uuid(),
  event_id: z.uuid(),
  store: z.uuid(),
  terminal: z.uuid(),
  epoch: z.number().int(),
  seq: z.number().int(),
  type: z.string(),
  reason: z.string(),
  event: z.unknown().meta({ description: 'The event exactly as the till sent it' }),
  created_at: z.iso.datetime(),
});
export type QuarantineRow = typeof syncQuarantine.$inferSelect;

export function toApiQuarantine(row: QuarantineRow): z.infer<typeof quarantineOut> {
  return {
    id: row.id,
    event_id: row.eventId,
    store: row.storeId,
    terminal: row.terminalId,
    epoch: row.epoch,
    seq: row.seq,
    type: row.type,
    reason: row.reason,
    event: row.event,
    created_at: row.createdAt.toISOString(),
  };
}
