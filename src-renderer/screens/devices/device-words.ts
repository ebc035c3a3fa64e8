// How a configured device's connection reads on screen ("192.168.1.50:9100", "/dev/ttyUSB0 · 9600 baud",
// "USB 0x0c2e:0x0b61", "via Receipt printer") and which test each kind runs.
import type { DeviceKind, DeviceView } from '../../../src-shared/contract/device.js';

function hex(n: number): string {
  return `0x${n.toString(16).padStart(4, '0')}`;
}

export function connectionText(device: DeviceView, all: readonly DeviceView[]): string {
  const c = device.connection;
  switch (c.type) {
    case 'tcp':
      return `${c.host}:${String(c.port)}`;
    case 'serial':
      return `${c.path} · ${String(c.baudRate)}`;
    case 'usblp':
      return c.path;
    case 'hid':
      return `USB ${hex(c.vendorId)}:${hex(c.productId)}`;
    case 'printer':
      return all.find((d) => d.id === c.printerId)?.name ?? c.printerId;
  }
}

/** The i18n key of the test button for a device kind (printer: test print, drawer: open drawer, …). */
export function testLabelKey(kind: DeviceKind): string {
  return `devices.test.${kind}`;
}
