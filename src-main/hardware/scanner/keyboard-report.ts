// Keyboard-mode HID scanners claimed by vendor/product id: 8-byte boot keyboard reports
// ([modifiers, reserved, key1..key6]) turned back into the characters they type, Enter ending a scan.
// Pure; US layout (what scanners emulate by default).
const LOWER = 'abcdefghijklmnopqrstuvwxyz1234567890';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!@#$%^&*()';
const PUNCT: Record<number, [string, string]> = {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
};
const ENTER = 0x28;
const TAB = 0x2b;
const SHIFT = 0x22; // left (0x02) or right (0x20) shift

function charOf(usage: number, shift: boolean): string | null {
  if (usage >= 0x04 && usage <= 0x27) {
    const i = usage - 0x04;
    return (shift ? UPPER : LOWER)[i] ?? null;
  }
  const p = PUNCT[usage];
  return p ? p[shift ? 1 : 0] : null;
}

export class KeyboardReportDecoder {
  #text = '';
  #down = new Set<number>();

  /** Feeds one report; returns a finished scan at Enter/Tab. */
  push(report: Uint8Array): string | null {
    const r = report.length === 9 ? report.subarray(1) : report; // with a report id byte
    if (r.length < 3) return null;
    const shift = ((r[0] ?? 0) & SHIFT) !== 0;
    const keys = [...r.subarray(2)].filter((k) => k !== 0);
    let done: string | null = null;
    for (const key of keys) {
      if (this.#down.has(key)) continue; // still held from the previous report
      if (key === ENTER || key === TAB) {
        done = this.#text;
        this.#text = '';
        continue;
      }
      const c = charOf(key, shift);
      if (c) this.#text += c;
    }
    this.#down = new Set(keys);
    return done ? done : null;
  }
}
