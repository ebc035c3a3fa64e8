// The printer's logo: a PNG configured per printer prints as one raster image at the top of the receipt,
// scaled to the paper; a path that is not a readable PNG is refused at configure time, and a logo that
// disappears later is left off (the receipt still prints) with the reason in the printer's status.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../../support/errors.js';
import type { PrintEvent } from '../../support/escpos/decoder.js';
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

/** A black bar on a transparent background, written as a real PNG file. */
function writeLogo(name: string, width: number, height: number): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = (y * width + x) * 4;
      const inside = y >= height / 4 && y < (3 * height) / 4;
      png.data[k] = 0;
      png.data[k + 1] = 0;
      png.data[k + 2] = 0;
      png.data[k + 3] = inside ? 255 : 0;
    }
  }
  const path = join(h.dir, name);
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

const tcpPrinter = (port: number, settings: Record<string, unknown> = {}) =>
  ({
    kind: 'printer',
    name: 'Front printer',
    connection: { type: 'tcp', host: '127.0.0.1', port },
    settings,
  }) as const;

/** The printout's first things: images and non-empty lines, in order. */
function opening(events: PrintEvent[], count: number): string[] {
  return events
    .flatMap((e) => {
      if (e.kind === 'image') return [`image ${String(e.width)}x${String(e.height)}`];
      if (e.kind === 'line' && e.text.trim() !== '') return [e.text.trim()];
      return [];
    })
    .slice(0, count);
}

function sellSoda(): void {
  completeSale(h.t, [{ product: 'soda' }], [{ method: 'CARD', amount: 80_00, reference: '1' }]);
}

describe('printer logo', () => {
  it('prints the logo as a raster image above the store header, padded to whole bytes', async () => {
    const logoPath = writeLogo('logo.png', 100, 30);
    await h.configure(tcpPrinter(printer.port, { logoPath, logoDither: 'threshold' }));
    h.t.openSession();
    sellSoda();
    await printer.waitForJobs(1);
    const receipt = decodeJob(printer.jobs[0]);
    expect(opening(receipt.events, 2)).toEqual(['image 104x32', 'Asiria Demo Duka']);
    expect(receipt.images).toEqual([{ width: 104, height: 32 }]);
    expect(receipt.text).toContain('TOTAL KES');
    expect(receipt.unknown).toEqual([]);
  });

  it('scales a wide logo down to the paper: 576 dots on 80 mm, 384 on 58 mm; test pages carry it too', async () => {
    const logoPath = writeLogo('wide.png', 800, 100);
    const wide = await h.configure(tcpPrinter(printer.port, { logoPath }));
    h.t.openSession();
    sellSoda();
    await printer.waitForJobs(1);
    expect(decodeJob(printer.jobs[0]).images).toEqual([{ width: 576, height: 72 }]);
    await eventually(
      () => h.t.till.call('device.printJobs', { status: 'pending' }).length === 0,
      'the receipt marked printed',
    );

    await h.configure({ ...tcpPrinter(printer.port, { logoPath, columns: 32 }), id: wide.id });
    h.t.loginAs('manager');
    h.t.till.call('device.test', { id: wide.id });
    await printer.waitForJobs(2);
    const testPage = decodeJob(printer.jobs[1]);
    expect(opening(testPage.events, 2)).toEqual(['image 384x48', 'TEST PAGE']);
  });

  it('refuses a path that is not a readable PNG with a field error, and changes nothing', async () => {
    const { id } = await h.configure(tcpPrinter(printer.port));
    const notPng = join(h.dir, 'logo.txt');
    writeFileSync(notPng, 'not an image');
    h.t.loginAs('manager');
    const before = h.t.snapshot();
    const listed = h.t.till.call('device.list', {}).configured;

    const missing = errorOf(() =>
      h.t.till.call('device.configure', {
        ...tcpPrinter(printer.port, { logoPath: join(h.dir, 'missing.png') }),
        id,
      }),
    );
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(missing.fieldErrors).toEqual({
      'settings.logoPath': [`no file at ${join(h.dir, 'missing.png')}`],
    });
    const text = errorOf(() =>
      h.t.till.call('device.configure', { ...tcpPrinter(printer.port, { logoPath: notPng }), id }),
    );
    expect(text.fieldErrors).toEqual({ 'settings.logoPath': ['the logo is not a PNG file'] });
    expect(text.message).toMatch(/logo/);

    expect(h.t.snapshot()).toEqual(before);
    expect(h.t.till.call('device.list', {}).configured.map((d) => d.settings)).toEqual(
      listed.map((d) => d.settings),
    );
  });

  it('prints without a logo that has gone since it was configured, and says why in the status', async () => {
    const logoPath = writeLogo('gone.png', 64, 16);
    const { id } = await h.configure(tcpPrinter(printer.port, { logoPath }));
    rmSync(logoPath);
    h.t.openSession();
    sellSoda();
    sellSoda();
    await printer.waitForJobs(2);
    const receipts = printer.jobs.map(decodeJob);
    expect(receipts.map((r) => r.images)).toEqual([[], []]);
    expect(opening(receipts[0]!.events, 1)).toEqual(['Asiria Demo Duka']);
    await eventually(
      () => h.t.till.call('device.list', {}).configured.some((d) => d.id === id && d.detail !== null),
      'the logo problem in the status',
    );
    expect(h.t.till.call('device.list', {}).configured).toMatchObject([
      { id, status: 'online', detail: `Logo not printed: no file at ${logoPath}.` },
    ]);
  });
});
