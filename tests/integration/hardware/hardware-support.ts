// Shared set-up of the hardware tests: a test till whose hardware manager retries fast, virtual devices
// in a temp folder, and device configuration through the real device.* API (as a manager).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceConfigInput, DeviceView } from '../../../src-shared/contract/device.js';
import type { TillEvent } from '../../../src-shared/contract/events.js';
import { startHardware, type HardwareManager } from '../../../src-main/hardware/manager.js';
import { createTestTill, type TestTill } from '../../support/test-till.js';
import { decodeEscPos, type Printout } from '../../support/escpos/decoder.js';
import type { ReceivedJob } from '../../support/escpos/virtual-printer.js';

export interface HardwareTill {
  t: TestTill;
  hardware: HardwareManager;
  dir: string;
  events: TillEvent[];
  /** device.configure as a manager; resolves once the manager has (re)started the device's driver. */
  configure(input: DeviceConfigInput): Promise<DeviceView>;
  close(): Promise<void>;
}

/** A test till with a fast-retrying hardware manager (the till's own one is swapped out). */
export async function hardwareTill(): Promise<HardwareTill> {
  const t = createTestTill();
  await t.till.hardware?.stop();
  const hardware = startHardware(t.till.runtime, {
    backoff: { minMs: 20, maxMs: 200 },
    idleAfterSaleMs: 60_000,
    sensorPollMs: 30,
  });
  const dir = mkdtempSync(join(tmpdir(), 'asiria-hw-'));
  const events: TillEvent[] = [];
  t.till.subscribe((e) => events.push(e));
  return {
    t,
    hardware,
    dir,
    events,
    async configure(input) {
      const operator = t.till.runtime.operator;
      t.loginAs('manager');
      const view = t.till.call('device.configure', input);
      if (operator) t.till.runtime.operator = operator;
      await new Promise((resolve) => setImmediate(resolve));
      return view;
    },
    async close() {
      await hardware.stop();
      t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function decodeJob(job: ReceivedJob | undefined): Printout {
  if (!job) throw new Error('no such print job');
  return decodeEscPos(job.bytes);
}

/** Waits until `check` is true, polling the event loop (hardware work is asynchronous). */
export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
