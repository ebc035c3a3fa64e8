// Scanner drivers: serial/USB-CDC (SerialLink + suffix framing) and HID (node-hid: HID POS reports or
// keyboard reports of a scanner claimed by vendor/product id). Both hand each scan to `onScan` with its
// AIM symbology split off, and reconnect after unplug/replug with capped backoff.
import type { HIDAsync } from 'node-hid';
import type { DeviceStatus, ScannerConfig } from '../../../src-shared/contract/device.js';
import { Backoff, unrefTimeout, type BackoffOptions } from '../backoff.js';
import { SerialLink } from '../transport/serial-link.js';
import { splitAim, type ScanText } from './aim.js';
import { HidPosAssembler } from './hid-pos.js';
import { KeyboardReportDecoder } from './keyboard-report.js';
import { SuffixFramer } from './suffix-framer.js';

export interface ScannerCallbacks {
  onScan: (scan: ScanText) => void;
  onStatus: (status: DeviceStatus, detail: string | null) => void;
}

export interface ScannerDriver {
  stop(): Promise<void>;
}

export function startSerialScanner(
  config: ScannerConfig & { connection: { type: 'serial' } },
  callbacks: ScannerCallbacks,
  backoff: BackoffOptions,
): ScannerDriver {
  const framer = new SuffixFramer(config.settings.suffix, config.settings.idleMs, (raw) => {
    callbacks.onScan(splitAim(raw));
  });
  const link = new SerialLink(
    config.connection,
    {
      onData: (chunk) => {
        framer.push(chunk);
      },
      onStatus: callbacks.onStatus,
    },
    backoff,
  );
  link.start();
  return {
    stop: async () => {
      framer.stop();
      await link.stop();
    },
  };
}

export function startHidScanner(
  config: ScannerConfig & { connection: { type: 'hid' } },
  callbacks: ScannerCallbacks,
  backoffOptions: BackoffOptions,
): ScannerDriver {
  const { vendorId, productId, mode } = config.connection;
  const backoff = new Backoff(backoffOptions);
  let device: HIDAsync | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const retry = (reason: string) => {
    device = null;
    if (stopped) return;
    callbacks.onStatus('offline', reason);
    timer ??= unrefTimeout(() => {
      timer = null;
      void open();
    }, backoff.next());
  };

  const open = async () => {
    try {
      const { HIDAsync } = await import('node-hid');
      const opened = await HIDAsync.open(vendorId, productId, { nonExclusive: false });
      if (stopped) {
        await opened.close();
        return;
      }
      device = opened;
      backoff.reset();
      callbacks.onStatus('online', null);
      const pos = new HidPosAssembler();
      const keyboard = new KeyboardReportDecoder();
      opened.on('data', (report: Buffer) => {
        if (mode === 'hidpos') {
          const scan = pos.push(report);
          if (scan) callbacks.onScan(scan.symbology ? scan : splitAim(scan.data));
        } else {
          const text = keyboard.push(report);
          if (text) callbacks.onScan(splitAim(text));
        }
      });
      opened.on('error', (error: unknown) => {
        void opened.close().catch(() => undefined);
        retry(error instanceof Error ? error.message : 'read error');
      });
    } catch (error) {
      retry(error instanceof Error ? error.message : String(error));
    }
  };

  void open();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const d = device;
      device = null;
      if (d) await d.close().catch(() => undefined);
    },
  };
}
