// A quarantined event is never silent (issue 6 "Push"): when a push parks events in the quarantine, the
// store's managers and owners get a notification pointing at GET /api/sync/quarantine/.
import { newId } from '../../src-shared/domain/ids.js';
import { notifications } from '../db/schema/audit.js';
import type { Tx } from '../db/transaction.js';
import { storeManagers } from './store-managers.js';

export const QUARANTINED_EVENT_KIND = 'quarantined_event';

/**
 * Notifies the active managers and owners of `storeId` that `count` events from its tills were quarantined in
 * this push, with the first one's reason. In the push's transaction: no notification for a push that rolls back.
 */
export async function notifyQuarantined(
  tx: Tx,
  storeId: string,
  count: number,
  firstReason: string,
): Promise<void> {
  if (count <= 0) return;
  const recipients = await storeManagers(tx, [storeId]);
  if (recipients.length === 0) return;
  const title =
    count === 1 ? 'A till event could not be applied' : `${count} till events could not be applied`;
  const body =
    `The cloud parked ${count === 1 ? 'an event' : `${count} events`} from a till of this store in the ` +
    `quarantine instead of applying ${count === 1 ? 'it' : 'them'}. ${count === 1 ? 'Reason' : 'First reason'}: ` +
    `${firstReason} See Sync → Quarantine.`;
  await tx.insert(notifications).values(
    recipients.map((r) => ({
      id: newId(),
      userId: r.id,
      storeId,
      kind: QUARANTINED_EVENT_KIND,
      title,
      body,
      data: { count, first_reason: firstReason, url: '/api/sync/quarantine/' },
    })),
  );
}
