// The receipt printer on raw TCP: what the customer reads on a split-tender sale with three tax classes,
// the drawer kick on cash, non-ASCII names on the codepage, and a printer that is off and comes back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSale } from '../../support/sale-fixture.js';
import { VirtualNetworkPrinter } from '../../support/escpos/virtual-printer.js';
import { decodeJob, eventually, hardwareTill, type HardwareTill } from './hardware-support.js';

let h: HardwareTill;
let printer: VirtualNetworkPrinter;
let printerId: string;

beforeEach(async () => {
  h = await hardwareTill();
  printer = new VirtualNetworkPrinter();
  await printer.on();
  printerId = (
    await h.configure({
      kind: 'printer',
      name: 'Front printer',
      connection: { type: 'tcp', host: '127.0.0.1', port: printer.port },
    })
  ).id;
});
afterEach(async () => {
  await h.close();
  await printer.off();
});

const receiptJobs = () => printer.jobs.map(decodeJob).filter((p) => p.lines.length > 0);

describe('network receipt printer', () => {
  it('prints what the customer paid: lines, tax by class, each tender, change, barcode and QR', async () => {
    await h.configure({ kind: 'drawer', name: 'Drawer', connection: { type: 'printer', printerId } });
    h.t.openSession();
    const sale = completeSale(
      h.t,
      [{ product: 'sugar', qtyMilli: 2000 }, { product: 'milk' }, { product: 'flour' }],
      [
        { method: 'MPESA', amount: 300_00, reference: 'QK12ABC345' },
        { method: 'CASH', amount: 300_00 },
      ],
    );
    await printer.waitForJobs(2);
    const [receipt] = receiptJobs();
    expect(receipt).toBeDefined();
    const lines = receipt!.lines;
    const text = receipt!.text;
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^Receipt: ${sale.receiptNumber} +25/11/2026 11:00$`)),
    );
    expect(text).toContain('Cashier: ');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Kabras Sugar 1kg +B$/),
        expect.stringMatching(/^ {2}2 x 165\.00 +330\.00$/),
        expect.stringMatching(/^Brookside Milk 500ml +C$/),
        expect.stringMatching(/^Jogoo Maize Flour 2kg +A$/),
        expect.stringMatching(/^TOTAL KES +570\.00$/),
        expect.stringMatching(/^M-Pesa QK12ABC345 +300\.00$/),
        expect.stringMatching(/^Cash +300\.00$/),
        expect.stringMatching(/^Change +30\.00$/),
        expect.stringMatching(/^B VAT 16% +284\.48 +45\.52 +330\.00$/),
        expect.stringMatching(/^C Zero-rated +65\.00 +0\.00 +65\.00$/),
        expect.stringMatching(/^A Exempt +175\.00 +0\.00 +175\.00$/),
      ]),
    );
    expect(text).not.toContain('COPY');
    expect(receipt!.barcodes).toEqual([{ type: 0x49, data: sale.receiptNumber }]);
    expect(receipt!.qrCodes).toEqual([`asiria://receipt/${sale.id}`]);
    expect(receipt!.cuts).toEqual(['partial']);
    expect(receipt!.unknown).toEqual([]);

    const pulses = printer.jobs.map(decodeJob).flatMap((p) => p.pulses);
    expect(pulses).toEqual([{ pin: 2, onMs: 100, offMs: 500 }]);
    await eventually(
      () => h.t.till.call('device.printJobs', {}).some((j) => j.status === 'printed'),
      'the job marked printed',
    );
    expect(h.t.till.call('device.printJobs', {})).toMatchObject([
      { label: `Receipt ${sale.receiptNumber}`, status: 'printed', kind: 'sale', copy: false, attempts: 1 },
    ]);
  });

  it('prints accented and special characters on codepage 858, and no drawer kick without cash', async () => {
    await h.configure({ kind: 'drawer', name: 'Drawer', connection: { type: 'printer', printerId } });
    const sugar = h.t.demo.products.sugar!;
    h.t.till.ledger.raw
      .prepare('update products set name = ? where id = ?')
      .run('Crème brûlée Ñandú €', sugar.id);
    h.t.openSession();
    completeSale(h.t, [{ product: 'sugar' }], [{ method: 'CARD', amount: 165_00, reference: '123456' }]);
    await printer.waitForJobs(1);
    const [receipt] = receiptJobs();
    expect(receipt!.codepages).toContain('cp858');
    expect(receipt!.lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Crème brûlée Ñandú € +B$/)]),
    );
    expect(printer.jobs.map(decodeJob).flatMap((p) => p.pulses)).toEqual([]);
  });

  it('keeps receipts while the printer is off and prints each once, in order, when it is back', async () => {
    await printer.off();
    h.t.openSession();
    const first = completeSale(
      h.t,
      [{ product: 'soda' }],
      [{ method: 'CARD', amount: 80_00, reference: '1' }],
    );
    const second = completeSale(
      h.t,
      [{ product: 'milk' }],
      [{ method: 'CARD', amount: 65_00, reference: '2' }],
    );
    await eventually(
      () => h.t.till.call('device.printJobs', { status: 'pending' }).some((j) => j.attempts > 0),
      'a failed attempt',
    );
    const pending = h.t.till.call('device.printJobs', { status: 'pending' });
    expect(pending.map((j) => j.label)).toEqual([
      `Receipt ${second.receiptNumber}`,
      `Receipt ${first.receiptNumber}`,
    ]);
    expect(pending[1]!.lastError).toMatch(/ECONNREFUSED|refused/);
    expect(h.events).toContainEqual({
      type: 'device.status',
      payload: { deviceId: printerId, status: 'offline' },
    });

    await printer.on();
    await printer.waitForJobs(2);
    await eventually(
      () => h.t.till.call('device.printJobs', { status: 'pending' }).length === 0,
      'the queue drained',
    );
    await new Promise((r) => setTimeout(r, 300));
    const printed = receiptJobs().map((p) => p.barcodes[0]?.data);
    expect(printed).toEqual([first.receiptNumber, second.receiptNumber]);
    expect(h.events).toContainEqual({
      type: 'device.status',
      payload: { deviceId: printerId, status: 'online' },
    });
  });

  it('waits while the printer reports paper out, then prints; a reprint says COPY', async () => {
    printer.state.paperOut = true;
    h.t.openSession();
    const sale = completeSale(
      h.t,
      [{ product: 'soda' }],
      [{ method: 'CARD', amount: 80_00, reference: '1' }],
    );
    await eventually(
      () => h.t.till.call('device.list', {}).configured[0]?.status === 'paper_out',
      'paper out status',
    );
    expect(printer.jobs).toEqual([]);
    printer.state.paperOut = false;
    await printer.waitForJobs(1);
    h.t.till.call('device.reprint', { kind: 'sale', number: sale.receiptNumber });
    await printer.waitForJobs(2);
    const [original, copy] = receiptJobs();
    expect(original!.text).not.toContain('COPY');
    expect(copy!.lines).toContainEqual(expect.stringMatching(/^ *\*\*\* COPY \*\*\*$/));
    expect(copy!.barcodes).toEqual(original!.barcodes);
  });
});
