// device.* handlers: device configuration (persisted, audited), live status and detection from the
// hardware manager, the print queue (list, reprint, retry, cancel) and device tests.
import { eq } from 'drizzle-orm';
import {
  deviceMethods,
  type DeviceConfig,
  type DeviceTestResult,
  type DeviceView,
} from '../../src-shared/contract/device.js';
import { TillError } from '../../src-shared/contract/errors.js';
import type { PrinterSettings } from '../hardware/escpos/encoder.js';
import { logoFileSchema } from '../hardware/escpos/logo.js';
import { newId } from '../../src-shared/domain/ids.js';
import type { ReadDb } from '../ledger/connection.js';
import { devices, printJobs } from '../ledger/schema/hardware.js';
import type { TillRuntime } from './context.js';
import { loadDevice, loadDevices, printerNames, type StoredDevice } from './device-config.js';
import { afterCommit, hardwareOf } from './device-hooks.js';
import { enqueuePrint, findJob, jobView, listJobs, type PrintJobRow } from './device-print-queue.js';
import { reprint } from './device-reprint.js';
import { handlersFor } from './handler.js';
import { writeAudit } from './ledger-writes.js';

function viewOf(runtime: TillRuntime, stored: StoredDevice): DeviceView {
  const live = hardwareOf(runtime)?.statusOf(stored.config.id);
  const status = !stored.config.enabled ? 'disabled' : (live?.status ?? 'unknown');
  return {
    ...stored.config,
    status,
    detail: live?.detail ?? null,
    statusAt: live?.at ?? null,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

function requireDevice(db: ReadDb, id: string): StoredDevice {
  const stored = loadDevice(db, id);
  if (!stored) throw new TillError('NOT_FOUND', 'No device with that id.');
  return stored;
}

function requirePrinter(db: ReadDb, id: string): StoredDevice {
  const stored = loadDevice(db, id);
  if (stored?.config.kind !== 'printer') {
    throw new TillError('VALIDATION_FAILED', 'That is not a configured printer.', {
      fieldErrors: { printerId: ['not a configured printer'] },
    });
  }
  return stored;
}

/** A printer's logo must be a readable PNG when configured (the driver would otherwise print without it). */
function requireReadableLogo(settings: PrinterSettings): void {
  if (!settings.logoPath) return;
  const checked = logoFileSchema(settings.columns).safeParse(settings.logoPath);
  if (checked.success) return;
  const messages = checked.error.issues.map((issue) => issue.message);
  throw new TillError('VALIDATION_FAILED', `The logo cannot be used: ${messages.join('; ')}.`, {
    fieldErrors: { 'settings.logoPath': messages },
  });
}

function requirePendingJob(db: ReadDb, jobId: string): PrintJobRow {
  const job = findJob(db, jobId);
  if (!job) throw new TillError('NOT_FOUND', 'No print job with that id.');
  if (job.status !== 'pending') {
    throw new TillError('CONFLICT', `This job is already ${job.status}: reprint the document instead.`);
  }
  return job;
}

export const deviceHandlers = handlersFor(deviceMethods)({
  'device.list': {
    kind: 'query',
    access: 'employee',
    run(ctx) {
      const configured = loadDevices(ctx.db).map((d) => viewOf(ctx.runtime, d));
      const scan = hardwareOf(ctx.runtime)?.detected() ?? { devices: [], at: null };
      const users = new Map<string, string>();
      for (const d of configured) {
        const c = d.connection;
        if (c.type === 'serial' || c.type === 'usblp') users.set(c.path, d.id);
        if (c.type === 'hid') users.set(`hid:${String(c.vendorId)}:${String(c.productId)}`, d.id);
      }
      const detected = scan.devices.map((found) => ({
        ...found,
        configuredAs:
          (found.type === 'hid'
            ? users.get(`hid:${String(found.vendorId)}:${String(found.productId)}`)
            : found.path === null
              ? undefined
              : users.get(found.path)) ?? null,
      }));
      return { configured, detected, detectedAt: scan.at };
    },
  },
  'device.configure': {
    kind: 'command',
    access: 'manager',
    run(ctx, input) {
      const existing = input.id ? requireDevice(ctx.db, input.id) : null;
      if (existing && existing.config.kind !== input.kind) {
        throw new TillError(
          'VALIDATION_FAILED',
          'A device cannot change kind: remove it and add a new one.',
          {
            fieldErrors: { kind: [`this device is a ${existing.config.kind}`] },
          },
        );
      }
      if (input.kind === 'printer') requireReadableLogo(input.settings);
      if (input.kind === 'drawer' && input.connection.type === 'printer') {
        requirePrinter(ctx.db, input.connection.printerId);
      }
      const id = existing?.config.id ?? newId();
      const config: DeviceConfig = { ...input, id };
      const row = {
        id,
        kind: config.kind,
        name: config.name,
        enabled: config.enabled,
        config,
        createdAt: existing?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      };
      if (existing) ctx.db.update(devices).set(row).where(eq(devices.id, id)).run();
      else ctx.db.insert(devices).values(row).run();
      writeAudit(ctx, {
        action: 'device_configure',
        model: 'device',
        objectId: id,
        before: existing?.config ?? null,
        after: config,
      });
      afterCommit(ctx.runtime, (hardware) => {
        hardware.devicesChanged();
      });
      return viewOf(ctx.runtime, { config, createdAt: row.createdAt, updatedAt: row.updatedAt });
    },
  },
  'device.remove': {
    kind: 'command',
    access: 'manager',
    run(ctx, input) {
      const existing = requireDevice(ctx.db, input.id);
      ctx.db.delete(devices).where(eq(devices.id, input.id)).run();
      writeAudit(ctx, {
        action: 'device_remove',
        model: 'device',
        objectId: input.id,
        before: existing.config,
      });
      afterCommit(ctx.runtime, (hardware) => {
        hardware.devicesChanged();
      });
      return { removed: true as const, id: input.id };
    },
  },
  'device.test': {
    kind: 'command',
    access: 'manager',
    run(ctx, input): DeviceTestResult {
      const { config } = requireDevice(ctx.db, input.id);
      let action: DeviceTestResult['action'];
      let jobId: string | null = null;
      switch (config.kind) {
        case 'printer': {
          action = 'test_page';
          jobId =
            enqueuePrint(ctx, {
              kind: 'test',
              documentId: null,
              label: 'Test page',
              copy: false,
              payload: { type: 'test', printerName: config.name, at: ctx.now },
              printerId: config.id,
            })?.id ?? null;
          break;
        }
        case 'drawer':
        case 'display':
          action = config.kind === 'drawer' ? 'kick' : 'display_text';
          afterCommit(ctx.runtime, (hardware) => {
            hardware.testDevice(config.id);
          });
          break;
        case 'scanner':
          action = 'listen';
          break;
      }
      writeAudit(ctx, { action: 'device_test', model: 'device', objectId: config.id, after: { action } });
      return { deviceId: config.id, action, jobId, at: ctx.now };
    },
  },
  'device.printJobs': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      const names = printerNames(ctx.db);
      return listJobs(ctx.db, input.status, input.limit).map((row) => jobView(row, names));
    },
  },
  'device.reprint': {
    kind: 'command',
    access: 'employee',
    run(ctx, input) {
      if (input.printerId) requirePrinter(ctx.db, input.printerId);
      return jobView(reprint(ctx, input), printerNames(ctx.db));
    },
  },
  'device.retry': {
    kind: 'command',
    access: 'employee',
    run(ctx, input) {
      const job = requirePendingJob(ctx.db, input.jobId);
      const printerId = input.printerId ?? job.printerId;
      if (input.printerId) requirePrinter(ctx.db, input.printerId);
      ctx.db.update(printJobs).set({ printerId, lastError: null }).where(eq(printJobs.id, job.id)).run();
      afterCommit(ctx.runtime, (hardware) => {
        hardware.printQueued(printerId);
      });
      return jobView({ ...job, printerId, lastError: null }, printerNames(ctx.db));
    },
  },
  'device.cancelJob': {
    kind: 'command',
    access: 'manager',
    run(ctx, input) {
      const job = requirePendingJob(ctx.db, input.jobId);
      ctx.db.update(printJobs).set({ status: 'cancelled' }).where(eq(printJobs.id, job.id)).run();
      writeAudit(ctx, {
        action: 'print_cancel',
        model: 'print_job',
        objectId: job.id,
        after: { label: job.label },
      });
      return jobView({ ...job, status: 'cancelled' }, printerNames(ctx.db));
    },
  },
});
