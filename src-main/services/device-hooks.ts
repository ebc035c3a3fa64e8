// The seam between the till core and its hardware manager: services record what the hardware must do
// (a print job queued, a device reconfigured) and the manager — registered per runtime when the till
// opens with hardware — acts on it after the command's transaction has committed.
// Commands run synchronously inside one transaction, so a callback deferred with setImmediate always
// runs after the commit (or the rollback, when it finds nothing new to do).
import type { DetectedDevice, DeviceStatus } from '../../src-shared/contract/device.js';
import type { TillRuntime } from './context.js';

export interface HardwareHooks {
  /** A job was queued for this printer (or moved to it): drain its queue. */
  printQueued(printerId: string): void;
  /** A device was added, changed or removed: (re)start or stop its driver. */
  devicesChanged(): void;
  /** device.test on a drawer or display. */
  testDevice(deviceId: string): void;
  /** Live status of a configured device (unknown when the manager has not tried it). */
  statusOf(deviceId: string): { status: DeviceStatus; detail: string | null; at: string | null };
  /** The last detection scan; starts a new one in the background. */
  detected(): { devices: DetectedDevice[]; at: string | null };
}

const hooks = new WeakMap<TillRuntime, HardwareHooks>();

export function registerHardware(runtime: TillRuntime, hardware: HardwareHooks): () => void {
  hooks.set(runtime, hardware);
  return () => {
    if (hooks.get(runtime) === hardware) hooks.delete(runtime);
  };
}

export function hardwareOf(runtime: TillRuntime): HardwareHooks | undefined {
  return hooks.get(runtime);
}

/** Runs fn on the hardware manager once the current command has committed (no-op without hardware). */
export function afterCommit(runtime: TillRuntime, fn: (hardware: HardwareHooks) => void): void {
  const hardware = hooks.get(runtime);
  if (!hardware) return;
  setImmediate(() => {
    fn(hardware);
  });
}
