// The hardware manager: starts a driver for every enabled configured device, routes till events to
// them (drawer kicks, sale updates for the pole display), publishes scans and status changes, and drains
// print queues. With no device configured it reads one empty table at start and does nothing else.
import type { DeviceConfig, DetectedDevice } from '../../src-shared/contract/device.js';
import { DETECTED_DEVICES_EVENT_ID } from '../../src-shared/contract/device.js';
import type { TillEvent } from '../../src-shared/contract/events.js';
import type { TillRuntime } from '../services/context.js';
import { loadDevices } from '../services/device-config.js';
import { registerHardware, type HardwareHooks } from '../services/device-hooks.js';
import type { DrawerKick } from '../services/drawer.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { detectDevices } from './detect.js';
import { StatusBoard } from './device-status.js';
import { DisplayDriver } from './display/display-driver.js';
import { DrawerDriver } from './drawer-driver.js';
import { PrinterDriver } from './printer-driver.js';
import {
  startHidScanner,
  startSerialScanner,
  type ScannerCallbacks,
  type ScannerDriver,
} from './scanner/scanner-driver.js';

export interface HardwareOptions {
  /** Reconnect / retry backoff (default 250 ms doubling to 10 s). */
  backoff?: BackoffOptions;
  /** How long the pole display shows "Change: …" before the welcome line (default 15 s). */
  idleAfterSaleMs?: number;
  /** Drawer sensor poll while open (default 500 ms). */
  sensorPollMs?: number;
  /** Called after each print job's last byte was written. */
  onPrinted?: (jobId: string) => void;
}

export interface HardwareManager {
  /** Re-reads the configuration and (re)starts drivers whose configuration changed. */
  reload(): void;
  /** Stops every driver (closes ports); the till calls it on close. Idempotent. */
  stop(): Promise<void>;
}

interface Running {
  key: string;
  stop: () => Promise<void>;
}

export function startHardware(runtime: TillRuntime, options: HardwareOptions = {}): HardwareManager {
  const { ledger } = runtime;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const board = new StatusBoard(
    (deviceId, status) => {
      runtime.events.publish('device.status', { deviceId, status });
    },
    () => runtime.clock.now(),
  );
  const running = new Map<string, Running>();
  /** Devices whose old driver is still stopping: the new one starts after it (a printer's last job prints once). */
  const stopping = new Map<string, Promise<void>>();
  const printers = new Map<string, PrinterDriver>();
  const drawers = new Map<string, DrawerDriver>();
  const displays = new Map<string, DisplayDriver>();
  let unsubscribe: (() => void) | null = null;
  let stopped = false;
  let detection: { devices: DetectedDevice[]; at: string | null } = { devices: [], at: null };
  let detecting = false;

  const read = () => (ledger.raw.open ? ledger.read : null);

  const scannerCallbacks = (id: string): ScannerCallbacks => ({
    onScan: (scan) => {
      runtime.events.publish('scanner.scan', scan);
    },
    onStatus: (status, detail) => {
      board.set(id, status, detail);
    },
  });

  function start(config: DeviceConfig): Running['stop'] {
    switch (config.kind) {
      case 'printer': {
        const printer = new PrinterDriver(config, {
          ledger,
          board,
          now: () => runtime.clock.now(),
          backoff,
          ...(options.onPrinted ? { onPrinted: options.onPrinted } : {}),
        });
        printers.set(config.id, printer);
        return async () => {
          printers.delete(config.id);
          await printer.stop();
        };
      }
      case 'drawer': {
        const drawer = new DrawerDriver(config, {
          printer: (id) => printers.get(id),
          board,
          backoff,
          sensorPollMs: options.sensorPollMs ?? 500,
        });
        drawers.set(config.id, drawer);
        return async () => {
          drawers.delete(config.id);
          await drawer.stop();
        };
      }
      case 'scanner': {
        const c = config.connection;
        const driver: ScannerDriver =
          c.type === 'serial'
            ? startSerialScanner({ ...config, connection: c }, scannerCallbacks(config.id), backoff)
            : startHidScanner({ ...config, connection: c }, scannerCallbacks(config.id), backoff);
        return () => driver.stop();
      }
      case 'display': {
        const display = new DisplayDriver(config, {
          read,
          board,
          backoff,
          idleAfterSaleMs: options.idleAfterSaleMs ?? 15_000,
        });
        displays.set(config.id, display);
        return async () => {
          displays.delete(config.id);
          await display.stop();
        };
      }
    }
  }

  function onEvent(event: TillEvent): void {
    if (event.type === 'drawer.kick') {
      const kick = event.payload as DrawerKick;
      for (const drawer of drawers.values()) if (drawer.wants(kick.cause)) void drawer.kick();
    } else if (event.type === 'sale.updated') {
      const { saleId, status } = event.payload as TillEvent<'sale.updated'>['payload'];
      for (const display of displays.values()) display.onSaleUpdated(saleId, status);
    }
  }

  function reload(): void {
    const db = read();
    if (stopped || !db) return;
    const wanted = new Map(
      loadDevices(db)
        .filter((d) => d.config.enabled)
        .map((d) => [d.config.id, d.config]),
    );
    for (const [id, r] of running) {
      const config = wanted.get(id);
      if (!config || JSON.stringify(config) !== r.key) {
        running.delete(id);
        board.forget(id);
        stopping.set(
          id,
          r.stop().finally(() => {
            stopping.delete(id);
            if (!stopped) reload();
          }),
        );
      }
    }
    // Printers first: drawers look their printer up when they kick.
    const order = [...wanted.values()].sort(
      (a, b) => Number(b.kind === 'printer') - Number(a.kind === 'printer'),
    );
    for (const config of order) {
      if (running.has(config.id) || stopping.has(config.id)) continue;
      running.set(config.id, { key: JSON.stringify(config), stop: start(config) });
    }
    const needsEvents = drawers.size > 0 || displays.size > 0;
    if (needsEvents && !unsubscribe) unsubscribe = runtime.events.subscribe(onEvent);
    if (!needsEvents && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
    for (const printer of printers.values()) printer.wake();
  }

  function refreshDetection(): void {
    if (detecting || stopped) return;
    detecting = true;
    void detectDevices()
      .then((devices) => {
        const changed = JSON.stringify(devices) !== JSON.stringify(detection.devices);
        detection = { devices, at: runtime.clock.now().toISOString() };
        if (changed && !stopped) {
          runtime.events.publish('device.status', { deviceId: DETECTED_DEVICES_EVENT_ID, status: 'online' });
        }
      })
      .finally(() => {
        detecting = false;
      });
  }

  const hooks: HardwareHooks = {
    printQueued: (printerId) => {
      printers.get(printerId)?.wake();
    },
    devicesChanged: reload,
    testDevice: (deviceId) => {
      void drawers.get(deviceId)?.kick();
      displays.get(deviceId)?.show({ kind: 'welcome', text: 'AsiriaPOS test' });
    },
    statusOf: (deviceId) => board.get(deviceId),
    detected: () => {
      refreshDetection();
      return detection;
    },
  };
  const unregister = registerHardware(runtime, hooks);
  reload();

  return {
    reload,
    async stop() {
      if (stopped) return;
      stopped = true;
      unregister();
      unsubscribe?.();
      unsubscribe = null;
      const all = [...running.values()];
      running.clear();
      await Promise.all([...all.map((r) => r.stop()), ...stopping.values()]);
    },
  };
}
