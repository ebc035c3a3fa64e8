// Registering and revoking a till's device (issue 6 "Device registration"). Registering gives the terminal
// a new secret (returned once, only its hash kept) and a new epoch (its cursor starts at 0), so a
// reinstalled till whose outbox seq restarts at 1 is never taken for duplicates. Revoking clears the hash:
// the device's next sync call is a 401 saying so. Both run in the caller's transaction with their audit row.
import { eq } from 'drizzle-orm';
import { hashDeviceSecret, newDeviceSecret, type TerminalRow } from '../auth/device-credentials.js';
import { writeAudit, type AuditActor } from '../db/audit.js';
import { terminals } from '../db/schema/stores.js';
import type { Tx } from '../db/transaction.js';
import { notFound } from '../http/errors.js';

export interface DeviceRegistration {
  terminal: TerminalRow;
  /** Shown once; the cloud keeps only its hash. */
  deviceSecret: string;
  epoch: number;
}

async function lockTerminal(tx: Tx, terminalId: string): Promise<TerminalRow> {
  const [row] = await tx.select().from(terminals).where(eq(terminals.id, terminalId)).for('update');
  if (!row) throw notFound();
  return row;
}

/**
 * Registers (or re-registers) the device of terminal `terminalId`. A terminal never registered keeps
 * epoch 1; each later registration takes the next epoch.
 */
export async function registerDevice(
  tx: Tx,
  terminalId: string,
  actor: AuditActor & { userId: string },
): Promise<DeviceRegistration> {
  const current = await lockTerminal(tx, terminalId);
  const epoch = current.registeredAt === null ? current.epoch : current.epoch + 1;
  const deviceSecret = newDeviceSecret();
  const now = new Date();
  await tx
    .update(terminals)
    .set({
      deviceSecretHash: await hashDeviceSecret(deviceSecret),
      epoch,
      registeredBy: actor.userId,
      registeredAt: now,
      revokedAt: null,
      revokedBy: null,
      updatedAt: now,
    })
    .where(eq(terminals.id, current.id));
  await writeAudit(tx, actor, {
    action: current.registeredAt === null ? 'register_device' : 'reregister_device',
    modelName: 'terminal',
    objectId: current.id,
    storeId: current.storeId,
    before: { epoch: current.epoch, registered_at: current.registeredAt?.toISOString() ?? null },
    after: { epoch, registered_at: now.toISOString() },
  });
  return { terminal: await lockTerminal(tx, current.id), deviceSecret, epoch };
}

/** Revokes the terminal's device at once (idempotent: revoking twice keeps the first time). */
export async function revokeDevice(
  tx: Tx,
  terminalId: string,
  actor: AuditActor & { userId: string },
): Promise<TerminalRow> {
  const current = await lockTerminal(tx, terminalId);
  if (current.revokedAt !== null && current.deviceSecretHash === null) return current;
  const now = new Date();
  await tx
    .update(terminals)
    .set({ deviceSecretHash: null, revokedAt: now, revokedBy: actor.userId, updatedAt: now })
    .where(eq(terminals.id, current.id));
  await writeAudit(tx, actor, {
    action: 'revoke_device',
    modelName: 'terminal',
    objectId: current.id,
    storeId: current.storeId,
    before: { epoch: current.epoch, registered_at: current.registeredAt?.toISOString() ?? null },
    after: { revoked_at: now.toISOString() },
  });
  return lockTerminal(tx, current.id);
}
