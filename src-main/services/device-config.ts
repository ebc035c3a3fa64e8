// Persisted device configuration (the `devices` table): stored as the validated device.configure input,
// re-validated when read so a row written by an older version can never crash a driver.
import { asc, eq } from 'drizzle-orm';
import { deviceConfigSchema, type DeviceConfig } from '../../src-shared/contract/device.js';
import type { ReadDb } from '../ledger/connection.js';
import { devices } from '../ledger/schema/hardware.js';

export type DeviceRow = typeof devices.$inferSelect;

export interface StoredDevice {
  config: DeviceConfig;
  createdAt: string;
  updatedAt: string;
}

function fromRow(row: DeviceRow): StoredDevice | null {
  const parsed = deviceConfigSchema.safeParse(row.config);
  if (!parsed.success) return null;
  return {
    config: { ...parsed.data, id: row.id, name: row.name, enabled: row.enabled },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Every configured device (unreadable rows are skipped), oldest first. */
export function loadDevices(db: ReadDb): StoredDevice[] {
  return db
    .select()
    .from(devices)
    .orderBy(asc(devices.createdAt), asc(devices.id))
    .all()
    .map(fromRow)
    .filter((d): d is StoredDevice => d !== null);
}

export function loadDevice(db: ReadDb, id: string): StoredDevice | null {
  const row = db.select().from(devices).where(eq(devices.id, id)).get();
  return row ? fromRow(row) : null;
}

export function printerNames(db: ReadDb): Map<string, string> {
  return new Map(
    db
      .select({ id: devices.id, name: devices.name })
      .from(devices)
      .where(eq(devices.kind, 'printer'))
      .all()
      .map((r) => [r.id, r.name]),
  );
}
