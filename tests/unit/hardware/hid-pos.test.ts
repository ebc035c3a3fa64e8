// HID POS scanner reports (usage page 0x8C) from report bytes as scanners send them, and keyboard-mode
// scanner reports: what scan reaches the till.
import { describe, expect, it } from 'vitest';
import { HidPosAssembler, parseHidPosReport } from '../../../src-main/hardware/scanner/hid-pos.js';
import { KeyboardReportDecoder } from '../../../src-main/hardware/scanner/keyboard-report.js';
import { splitAim } from '../../../src-main/hardware/scanner/aim.js';

/** A 64-byte Scanned Data Report: id 2, length, AIM id, data, zero padding, continuation flag last. */
function report(data: string, aim: string | null, more = false): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = 0x02;
  r[1] = data.length;
  if (aim) r.set(Buffer.from(aim, 'latin1'), 2);
  r.set(Buffer.from(data, 'latin1'), 5);
  r[63] = more ? 1 : 0;
  return r;
}

describe('HID POS scanned data reports', () => {
  it('reads an EAN-13 scan with its AIM symbology identifier', () => {
    expect(parseHidPosReport(report('6161101234567', ']E0'))).toEqual({
      data: new Uint8Array(Buffer.from('6161101234567')),
      symbology: ']E0',
      more: false,
    });
    expect(new HidPosAssembler().push(report('6161101234567', ']E0'))).toEqual({
      data: '6161101234567',
      symbology: ']E0',
    });
  });

  it('reads the bytes of a Honeywell scanner answering in HID POS mode (report 2, length 56, "]X0")', () => {
    // Captured start of a Honeywell REVINF answer: 2, 56, ']', 'X', '0', then text.
    const head = [2, 56, 93, 88, 48, 80, 114, 111, 100, 117, 99, 116, 32, 78, 97, 109, 101, 58, 32];
    const bytes = new Uint8Array(64);
    bytes.set(head);
    bytes.fill(0x41, head.length, 61);
    const parsed = parseHidPosReport(bytes);
    expect(parsed?.symbology).toBe(']X0');
    expect(Buffer.from(parsed!.data).toString('latin1')).toMatch(/^Product Name: A+$/);
    expect(parsed?.data.length).toBe(56);
  });

  it('joins a long code sent in several reports, and has no symbology when the id bytes are zero', () => {
    const assembler = new HidPosAssembler();
    const gs1 = '(01)09501101530003(17)261231(10)ABC123456789(21)SERIAL000000000000000000001';
    expect(assembler.push(report(gs1.slice(0, 56), null, true))).toBeNull();
    expect(assembler.push(report(gs1.slice(56), null, false))).toEqual({ data: gs1, symbology: null });
  });

  it('ignores other reports and malformed ones', () => {
    expect(parseHidPosReport(Uint8Array.of(0x04, 0, 0, 0, 0, 0, 0))).toBeNull();
    expect(parseHidPosReport(Uint8Array.of(0x02, 60, 0, 0, 0, 0x41))).toBeNull();
    expect(parseHidPosReport(Uint8Array.of(0x02))).toBeNull();
  });
});

describe('keyboard-mode HID scanner reports', () => {
  const key = (usage: number, shift = false) => Uint8Array.of(shift ? 0x02 : 0, 0, usage, 0, 0, 0, 0, 0);
  const release = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0);

  it('types the code back and ends the scan at Enter', () => {
    const decoder = new KeyboardReportDecoder();
    const out: (string | null)[] = [];
    // "Ab-1" Enter, each key pressed then released.
    for (const [usage, shift] of [
      [0x04, true],
      [0x05, false],
      [0x2d, false],
      [0x1e, false],
      [0x28, false],
    ] as const) {
      out.push(decoder.push(key(usage, shift)), decoder.push(release));
    }
    expect(out.filter((s) => s !== null)).toEqual(['Ab-1']);
  });

  it('does not repeat a key held across two reports', () => {
    const decoder = new KeyboardReportDecoder();
    decoder.push(key(0x1f));
    decoder.push(key(0x1f));
    decoder.push(release);
    expect(decoder.push(key(0x28))).toBe('2');
  });
});

describe('AIM symbology identifiers', () => {
  it('splits ]xy off the data', () => {
    expect(splitAim(']E05901234123457')).toEqual({ data: '5901234123457', symbology: ']E0' });
    expect(splitAim(']C1010950110153000317')).toEqual({ data: '010950110153000317', symbology: ']C1' });
    expect(splitAim('5901234123457')).toEqual({ data: '5901234123457', symbology: null });
  });
});
