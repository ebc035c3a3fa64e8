// Push: one batch of unsent outbox events (seq order, at most SYNC_MAX_BATCH) to the cloud, then the
// acknowledgement in ONE short transaction: the events with wire seq ≤ ackedThroughSeq are marked sent, their
// stock movements acknowledged at the answer's storeVersion (still counted on top of the pulled level until a
// pull reaches that version), and the movements of quarantined events stop counting (the cloud never will).
// A crash between the answer and the commit just resends the batch: the cloud answers duplicates.
import type Database from 'better-sqlite3';
import { SYNC_MAX_BATCH, type PushEvent, type PushResponse } from '../../src-shared/contract/sync.js';
import type { CloudClient, Device } from './cloud-client.js';

interface OutboxRow {
  seq: number;
  eventId: string;
  type: string;
  payload: string;
  createdAt: string;
}

export interface PushOutcome {
  /** Events in the batch sent (0 = the outbox was drained). */
  sent: number;
  acked: number;
  response: PushResponse | null;
}

/** The ids of the stock movements an outbox event's payload carries (sale, void, refund, adjustment). */
export function movementIdsOf(payload: unknown): string[] {
  if (!payload || typeof payload !== 'object') return [];
  const p = payload as Record<string, unknown>;
  const ids: string[] = [];
  for (const key of ['movements', 'stockMovements', 'movement']) {
    const value = p[key];
    const list = Array.isArray(value) ? (value as unknown[]) : value ? [value] : [];
    for (const m of list) {
      const id = (m as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.push(id);
    }
  }
  return ids;
}

export function readBatch(db: Database.Database, seqBase: number, limit = SYNC_MAX_BATCH): OutboxRow[] {
  return db
    .prepare(
      `select seq, event_id as eventId, type, payload, created_at as createdAt from outbox
       where sent_at is null and seq > ? order by seq limit ?`,
    )
    .all(seqBase, limit) as OutboxRow[];
}

export async function pushOnce(
  db: Database.Database,
  client: CloudClient,
  device: Device,
  seqBase: number,
  now: () => string,
): Promise<PushOutcome> {
  const rows = readBatch(db, seqBase);
  if (rows.length === 0) return { sent: 0, acked: 0, response: null };
  const events: PushEvent[] = rows.map((r) => ({
    seq: r.seq - seqBase,
    eventId: r.eventId,
    type: r.type,
    payload: JSON.parse(r.payload) as unknown,
    createdAt: r.createdAt,
  }));
  const response = await client.push(device, events);
  const acked = recordAck(db, seqBase, response, now());
  return { sent: rows.length, acked, response };
}

/** Marks exactly the events with wire seq ≤ ackedThroughSeq sent, in one transaction. Returns how many. */
export function recordAck(
  db: Database.Database,
  seqBase: number,
  response: PushResponse,
  at: string,
): number {
  const quarantined = new Set(response.results.filter((r) => r.status === 'quarantined').map((r) => r.seq));
  const through = seqBase + response.ackedThroughSeq;
  const ackMovement = db.prepare(
    `update stock_movements set acked_at = coalesce(acked_at, @at), acked_version = @version,
       pending = case when @quarantined = 1 then 0
                      when @version <= (select pull_cursor from sync_state where id = 1) then 0
                      else pending end
     where id = @id`,
  );
  const markSent = db.prepare(
    'update outbox set sent_at = ? where seq > ? and seq <= ? and sent_at is null returning seq, payload',
  );
  return db
    .transaction(() => {
      const sent = markSent.all(at, seqBase, through) as { seq: number; payload: string }[];
      for (const row of sent) {
        const isQuarantined = quarantined.has(row.seq - seqBase) ? 1 : 0;
        for (const id of movementIdsOf(JSON.parse(row.payload))) {
          ackMovement.run({ at, version: response.storeVersion, quarantined: isQuarantined, id });
        }
      }
      return sent.length;
    })
    .immediate();
}
