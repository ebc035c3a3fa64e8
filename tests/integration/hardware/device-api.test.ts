// device.* through the till API: who may configure, what is validated, what is persisted, and the print
// queue: reports and the session close slip, moving a waiting job to another printer, cancelling.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsbLpPrinterTransport } from '../../../src-main/hardware/transport/usblp-printer.js';
import { completeSale } from '../../support/sale-fixture.js';
import { errorOf } from '../../support/errors.js';
import { decodeEscPos } from '../../support/escpos/decoder.js';
import { VirtualNetworkPrinter } from '../../support/escpos/virtual-printer.js';
import { decodeJob, eventually, hardwareTill, type HardwareTill } from './hardware-support.js';

let h: HardwareTill;
let printer: VirtualNetworkPrinter;
beforeEach(async () => {
  h = await hardwareTill();
  printer = new VirtualNetworkPrinter();
  await printer.on();
});
afterEach(async () => {
  await h.close();
  await printer.off();
});

const tcpPrinter = (port: number, name = 'Front printer') =>
  ({ kind: 'printer', name, connection: { type: 'tcp', host: '127.0.0.1', port } }) as const;

describe('device configuration', () => {
  it('is for managers: a cashier may list devices but not configure, test or remove them', async () => {
    const { id } = await h.configure(tcpPrinter(printer.port));
    h.t.loginAs('cashier');
    const before = h.t.snapshot();
    expect(errorOf(() => h.t.till.call('device.configure', tcpPrinter(printer.port))).code).toBe('FORBIDDEN');
    expect(errorOf(() => h.t.till.call('device.test', { id })).code).toBe('FORBIDDEN');
    expect(errorOf(() => h.t.till.call('device.remove', { id })).code).toBe('FORBIDDEN');
    expect(h.t.snapshot()).toEqual(before);
    expect(h.t.till.call('device.list', {}).configured).toMatchObject([
      { id, kind: 'printer', name: 'Front printer', settings: { columns: 48, codepage: 'cp858' } },
    ]);
  });

  it('rejects bad input with field errors and writes nothing', () => {
    h.t.loginAs('manager');
    const before = h.t.snapshot();
    const bad = errorOf(() =>
      h.t.till.call('device.configure', {
        kind: 'printer',
        name: '',
        connection: { type: 'usblp', path: '/etc/passwd' },
      }),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['connection.path', 'name']);
    const orphan = errorOf(() =>
      h.t.till.call('device.configure', {
        kind: 'drawer',
        name: 'Drawer',
        connection: { type: 'printer', printerId: '01900000-0000-7000-8000-000000000000' },
      }),
    );
    expect(orphan.fieldErrors).toEqual({ printerId: ['not a configured printer'] });
    expect(h.t.snapshot()).toEqual(before);
  });

  it('persists across a restart and audits changes; removing a device stops it', async () => {
    const { id } = await h.configure(tcpPrinter(printer.port));
    await h.configure({ ...tcpPrinter(printer.port, 'Renamed'), id, settings: { columns: 32 } });
    h.t.restart();
    h.t.loginAs('manager');
    expect(h.t.till.call('device.list', {}).configured).toMatchObject([
      { id, name: 'Renamed', settings: { columns: 32 } },
    ]);
    const audit = h.t.till.call('audit.list', { action: 'device_configure' }).items;
    expect(audit.map((a) => a.objectId)).toEqual([id, id]);
    h.t.till.call('device.remove', { id });
    expect(h.t.till.call('device.list', {}).configured).toEqual([]);
  });
});

describe('the print queue', () => {
  it('prints the session close slip with the Z report, and an X report on request', async () => {
    await h.configure(tcpPrinter(printer.port));
    h.t.openSession();
    completeSale(h.t, [{ product: 'soda' }], [{ method: 'CASH', amount: 100_00 }]);
    h.t.till.call('device.reprint', { kind: 'x_report' });
    h.t.till.call('session.close', { countedTotal: 5_080_00, blind: false });
    await printer.waitForJobs(3);
    const [, x, close] = printer.jobs.map(decodeJob);
    expect(x!.text).toContain('X REPORT');
    expect(x!.lines).toContainEqual(expect.stringMatching(/^Expected in drawer +5,080\.00$/));
    expect(close!.text).toContain('SESSION CLOSE');
    expect(close!.lines).toContainEqual(expect.stringMatching(/^Counted +5,080\.00$/));
    expect(close!.lines).toContainEqual(expect.stringMatching(/^Variance \(balanced\) +0\.00$/));
    expect(close!.text).toContain('Z report T01-Z0001');
    expect(close!.lines).toContainEqual(expect.stringMatching(/^NET SALES +80\.00$/));
  });

  it('moves a waiting job to another printer on request, where it prints once; cancelling needs a manager', async () => {
    const { id: deadId } = await h.configure(tcpPrinter(1, 'Broken printer'));
    const { id: otherId } = await h.configure({
      ...tcpPrinter(printer.port, 'Back office'),
      settings: { receipts: false },
    });
    h.t.openSession();
    const sale = completeSale(
      h.t,
      [{ product: 'soda' }],
      [{ method: 'CARD', amount: 80_00, reference: '9' }],
    );
    await eventually(
      () => h.t.till.call('device.printJobs', { status: 'pending' })[0]?.attempts !== 0,
      'a failure',
    );
    const [job] = h.t.till.call('device.printJobs', { status: 'pending' });
    expect(job).toMatchObject({ printerId: deadId, printerName: 'Broken printer' });
    h.t.till.call('device.retry', { jobId: job!.id, printerId: otherId });
    await printer.waitForJobs(1);
    expect(decodeJob(printer.jobs[0]).barcodes[0]?.data).toBe(sale.receiptNumber);
    await eventually(() => h.t.till.call('device.printJobs', { status: 'printed' }).length === 1, 'printed');
    expect(errorOf(() => h.t.till.call('device.retry', { jobId: job!.id })).code).toBe('CONFLICT');

    completeSale(h.t, [{ product: 'milk' }], [{ method: 'CARD', amount: 65_00, reference: '8' }]);
    const [waiting] = h.t.till.call('device.printJobs', { status: 'pending' });
    expect(errorOf(() => h.t.till.call('device.cancelJob', { jobId: waiting!.id })).code).toBe('FORBIDDEN');
    h.t.loginAs('manager');
    expect(h.t.till.call('device.cancelJob', { jobId: waiting!.id }).status).toBe('cancelled');
    expect(h.t.till.call('device.printJobs', { status: 'pending' })).toEqual([]);
  });

  it('queues nothing when no printer is configured, and a reprint says so', () => {
    h.t.openSession();
    completeSale(h.t, [{ product: 'soda' }], [{ method: 'CASH', amount: 80_00 }]);
    expect(h.t.till.call('device.printJobs', {})).toEqual([]);
    expect(
      errorOf(() => h.t.till.call('device.reprint', { kind: 'sale', number: 'T01-000001' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'no_printer' },
    });
  });

  it('test page on a printer; the USB printer-class transport writes the whole job to the device file', async () => {
    const { id } = await h.configure(tcpPrinter(printer.port));
    h.t.loginAs('manager');
    expect(h.t.till.call('device.test', { id })).toMatchObject({ deviceId: id, action: 'test_page' });
    await printer.waitForJobs(1);
    const page = decodeJob(printer.jobs[0]);
    expect(page.lines).toContain('Printer: Front printer');
    expect(page.lines).toContain('Crème brûlée · Señor Ñandú · 5 €');

    const file = join(h.dir, 'lp0');
    writeFileSync(file, '');
    const lp = new UsbLpPrinterTransport(file);
    const bytes = Buffer.from(printer.jobs[0]!.bytes);
    await lp.session((s) => s.write(bytes));
    expect(decodeEscPos(readFileSync(file)).text).toBe(page.text);
    await expect(
      new UsbLpPrinterTransport(join(h.dir, 'lp9')).session((s) => s.write(bytes)),
    ).rejects.toThrow(/ENOENT/);
  });
});
