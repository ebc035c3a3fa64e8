// What is plugged in: serial ports (SerialPort.list), HID devices (node-hid), USB printer-class
// devices (/dev/usb/lp*). Run in the background; device.list shows the last result.
import { readdir } from 'node:fs/promises';
import type { DetectedDevice } from '../../src-shared/contract/device.js';

const hex = (v: string | undefined) => (v ? Number.parseInt(v, 16) : null);

async function serialPorts(): Promise<DetectedDevice[]> {
  const { SerialPort } = await import('serialport');
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    type: 'serial' as const,
    path: p.path,
    vendorId: hex(p.vendorId),
    productId: hex(p.productId),
    manufacturer: p.manufacturer ?? null,
    product: null,
    serialNumber: p.serialNumber ?? null,
    usagePage: null,
    configuredAs: null,
  }));
}

async function hidDevices(): Promise<DetectedDevice[]> {
  const hid = await import('node-hid');
  const found = await hid.devicesAsync();
  return found.map((d) => ({
    type: 'hid' as const,
    path: d.path ?? null,
    vendorId: d.vendorId,
    productId: d.productId,
    manufacturer: d.manufacturer ?? null,
    product: d.product ?? null,
    serialNumber: d.serialNumber ?? null,
    usagePage: d.usagePage ?? null,
    configuredAs: null,
  }));
}

async function usbPrinters(): Promise<DetectedDevice[]> {
  const names = await readdir('/dev/usb').catch(() => [] as string[]);
  return names
    .filter((n) => /^lp\d+$/.test(n))
    .map((n) => ({
      type: 'usblp' as const,
      path: `/dev/usb/${n}`,
      vendorId: null,
      productId: null,
      manufacturer: null,
      product: null,
      serialNumber: null,
      usagePage: null,
      configuredAs: null,
    }));
}

/** Everything detected; a source that fails (no permission, no driver) contributes nothing. */
export async function detectDevices(): Promise<DetectedDevice[]> {
  const results = await Promise.allSettled([serialPorts(), hidDevices(), usbPrinters()]);
  return results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
}
