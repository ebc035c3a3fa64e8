// Reconfiguring a printer while it prints: the old driver finishes the job it is writing and marks it printed
// before the new driver starts, so the receipt prints once and the next job is the next document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualNetworkPrinter } from '../../support/escpos/virtual-printer.js';
import { completeSale } from '../../support/sale-fixture.js';
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

const tcpPrinter = (port: number, settings: Record<string, unknown> = {}) =>
  ({
    kind: 'printer',
    name: 'Front printer',
    connection: { type: 'tcp', host: '127.0.0.1', port },
    settings,
  }) as const;

describe('reconfiguring a printer mid-job', () => {
  it('prints the receipt once, then the test page', async () => {
    const { id } = await h.configure(tcpPrinter(printer.port));
    h.t.openSession();
    completeSale(h.t, [{ product: 'soda' }], [{ method: 'CARD', amount: 80_00, reference: '1' }]);
    // At once, while the receipt is being written: a new paper width replaces the driver.
    await h.configure({ ...tcpPrinter(printer.port, { columns: 32 }), id });
    h.t.loginAs('manager');
    h.t.till.call('device.test', { id });
    await printer.waitForJobs(2);
    await eventually(
      () => h.t.till.call('device.printJobs', { status: 'pending' }).length === 0,
      'the queue drained',
    );
    const printed = printer.jobs.map((job) => decodeJob(job).text);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('TOTAL KES');
    expect(printed[1]).toContain('TEST PAGE');
  });
});
