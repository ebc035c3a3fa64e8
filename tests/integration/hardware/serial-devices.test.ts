// Serial devices on socat pseudo-terminals: a scanner whose scans reach the sale, unplugged and plugged
// back in; a serial receipt printer; a serial cash drawer; the 2×20 customer display.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../src-shared/contract/events.js';
import { completeSale } from '../../support/sale-fixture.js';
import { decodeEscPos } from '../../support/escpos/decoder.js';
import { VirtualSerialDevice } from '../../support/virtual-serial.js';
import { eventually, hardwareTill, type HardwareTill } from './hardware-support.js';

let h: HardwareTill;
const devices: VirtualSerialDevice[] = [];

async function plug(name: string): Promise<VirtualSerialDevice> {
  const device = new VirtualSerialDevice(join(h.dir, name));
  devices.push(device);
  await device.start();
  return device;
}

beforeEach(async () => {
  h = await hardwareTill();
});
afterEach(async () => {
  await h.close();
  for (const d of devices.splice(0)) await d.stop();
});

const scans = () =>
  h.events.filter((e): e is TillEvent<'scanner.scan'> => e.type === 'scanner.scan').map((e) => e.payload);
const statusesOf = (deviceId: string) =>
  h.events.flatMap((e) =>
    e.type === 'device.status' && (e.payload as { deviceId: string }).deviceId === deviceId
      ? [(e.payload as { status: string }).status]
      : [],
  );

describe('serial scanner', () => {
  it('turns a scan into a scanner.scan event that adds the item to the sale, AIM identifier split off', async () => {
    const scanner = await plug('scanner');
    const { id } = await h.configure({
      kind: 'scanner',
      name: 'Counter scanner',
      connection: { type: 'serial', path: scanner.path, baudRate: 9600 },
      settings: { suffix: 'cr' },
    });
    await eventually(() => statusesOf(id).includes('online'), 'the scanner online');
    h.t.openSession();
    const saleId = h.t.till.call('sale.start', {}).id;
    // What the renderer does with a scan: exactly what it does with a keyboard-wedge scan.
    h.t.till.subscribe((e) => {
      if (e.type === 'scanner.scan') {
        h.t.till.call('sale.addItem', { saleId, code: (e.payload as { data: string }).data });
      }
    });
    const sugar = h.t.demo.products.sugar!;
    const milk = h.t.demo.products.milk!;
    scanner.send(`]E0${sugar.barcode}\r`);
    scanner.send(`${milk.barcode}\r`);
    await eventually(() => scans().length === 2, 'two scans');
    expect(scans()).toEqual([
      { data: sugar.barcode, symbology: ']E0' },
      { data: milk.barcode, symbology: null },
    ]);
    const sale = h.t.till.call('sale.get', { saleId })!.sale;
    expect(sale.lines.map((l) => [l.name, l.scannedCode])).toEqual([
      ['Kabras Sugar 1kg', sugar.barcode],
      ['Brookside Milk 500ml', milk.barcode],
    ]);
  });

  it('reconnects after being unplugged and plugged back in on the same path', async () => {
    const scanner = await plug('scanner');
    const { id } = await h.configure({
      kind: 'scanner',
      name: 'Counter scanner',
      connection: { type: 'serial', path: scanner.path },
      settings: { suffix: 'crlf' },
    });
    await eventually(() => statusesOf(id).includes('online'), 'the scanner online');
    await scanner.stop();
    await eventually(() => statusesOf(id).includes('offline'), 'the scanner offline');
    expect(h.t.till.call('device.list', {}).configured[0]).toMatchObject({ id, status: 'offline' });
    await scanner.start();
    await eventually(() => statusesOf(id).filter((s) => s === 'online').length === 2, 'back online');
    scanner.send('6161101234567\r\n');
    await eventually(() => scans().length === 1, 'a scan after replug');
    expect(scans()).toEqual([{ data: '6161101234567', symbology: null }]);
    expect(statusesOf(id)).toEqual(['connecting', 'online', 'offline', 'online']);
  });
});

describe('serial printer, drawer and customer display', () => {
  it('prints the receipt on a serial printer and kicks a serial drawer on pin 5 with its pulse', async () => {
    const printerPort = await plug('printer');
    const drawerPort = await plug('drawer');
    await h.configure({
      kind: 'printer',
      name: 'Serial printer',
      connection: { type: 'serial', path: printerPort.path, baudRate: 38400, flowControl: 'rtscts' },
      settings: { columns: 32, statusQuery: false },
    });
    await h.configure({
      kind: 'drawer',
      name: 'Serial drawer',
      connection: { type: 'serial', path: drawerPort.path },
      settings: { pin: 5, onMs: 60, offMs: 240 },
    });
    await new Promise((r) => setTimeout(r, 100));
    h.t.openSession();
    const sale = completeSale(
      h.t,
      [{ product: 'soda', qtyMilli: 3000 }],
      [{ method: 'CASH', amount: 500_00 }],
    );
    const bytes = await printerPort.waitFor((b) => decodeEscPos(b).cuts.length === 1);
    const receipt = decodeEscPos(bytes);
    expect(receipt.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Coca-Cola 500ml +B$/),
        expect.stringMatching(/^ {2}3 x 80\.00 +240\.00$/),
        expect.stringMatching(/^Change +260\.00$/),
      ]),
    );
    expect(Math.max(...receipt.lines.map((l) => l.length))).toBeLessThanOrEqual(32);
    expect(receipt.barcodes[0]?.data).toBe(sale.receiptNumber);
    const kick = await drawerPort.waitFor((b) => decodeEscPos(b).pulses.length === 1);
    expect(decodeEscPos(kick).pulses).toEqual([{ pin: 5, onMs: 60, offMs: 240 }]);
  });

  it('shows the last item and total, then TOTAL and Change on the pole display', async () => {
    const pole = await plug('display');
    const { id } = await h.configure({
      kind: 'display',
      name: 'Pole display',
      connection: { type: 'serial', path: pole.path },
      settings: { welcome: 'Karibu!' },
    });
    await eventually(() => statusesOf(id).includes('online'), 'the display online');
    const screen = () => {
      const all = pole.received().toString('latin1');
      const last = all.lastIndexOf('\x0c\x0b');
      const text = all.slice(last + 2);
      return [text.slice(0, 20), text.slice(20, 40)];
    };
    await eventually(() => screen()[0]?.trim() === 'Karibu!', 'the welcome line');
    h.t.openSession();
    const saleId = h.t.till.call('sale.start', {}).id;
    h.t.till.call('sale.addItem', { saleId, code: 'SUG-001' });
    h.t.till.call('sale.addItem', { saleId, code: 'MLK-001' });
    await eventually(() => screen()[0]?.startsWith('Brookside') === true, 'the last item');
    expect(screen()).toEqual(['Brookside Milk 65.00', 'TOTAL         230.00']);
    h.t.till.call('sale.tender', { saleId, method: 'CASH', amount: 500_00 });
    h.t.till.call('sale.complete', { saleId });
    await eventually(() => screen()[1]?.startsWith('Change') === true, 'the change');
    expect(screen()).toEqual(['TOTAL         230.00', 'Change:       270.00']);
  });
});
