// What the 2×20 customer display shows, as two lines of exactly `columns` characters. Pure.
import { money, twoColumns } from '../escpos/layout.js';

export type DisplayScreen =
  | { kind: 'welcome'; text: string }
  | { kind: 'item'; name: string; amount: number; total: number }
  | { kind: 'paid'; total: number; change: number };

function fit(text: string, columns: number): string {
  return text.length > columns ? text.slice(0, columns) : text.padEnd(columns);
}

function centre(text: string, columns: number): string {
  const t = text.slice(0, columns);
  const left = Math.floor((columns - t.length) / 2);
  return fit(' '.repeat(left) + t, columns);
}

export function displayLines(screen: DisplayScreen, columns: number, minorDigits = 2): [string, string] {
  switch (screen.kind) {
    case 'welcome':
      return [centre(screen.text, columns), fit('', columns)];
    case 'item':
      return [
        twoColumns(screen.name, money(screen.amount, minorDigits), columns),
        twoColumns('TOTAL', money(screen.total, minorDigits), columns),
      ];
    case 'paid':
      return [
        twoColumns('TOTAL', money(screen.total, minorDigits), columns),
        twoColumns('Change:', money(screen.change, minorDigits), columns),
      ];
  }
}

/** Display bytes: ESC/POS mode clears (FF) and homes (VT), then both lines; plain mode sends CR LF lines. */
export function displayBytes(lines: [string, string], protocol: 'escpos' | 'plain'): Uint8Array {
  const text = Buffer.from(lines.join(protocol === 'plain' ? '\r\n' : ''), 'latin1');
  if (protocol === 'plain') return Buffer.concat([text, Buffer.from('\r\n')]);
  return Buffer.concat([Uint8Array.of(0x0c, 0x0b), text]);
}
