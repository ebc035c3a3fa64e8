// Fixed-width text layout for receipts: columns of a 32- or 48-character line, money, local times.
import { formatMoney } from '../../../src-shared/domain/money.js';

/** "left ........ right" across `width` columns; the left side is cut when both do not fit. */
export function twoColumns(left: string, right: string, width: number): string {
  const room = width - right.length - 1;
  if (room <= 0) return right.slice(0, width);
  const l = left.length > room ? left.slice(0, room) : left;
  return l + ' '.repeat(width - l.length - right.length) + right;
}

/** Splits text into lines of at most `width` characters at spaces (hard-cuts longer words). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > width) {
      if (current) lines.push(current);
      current = '';
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!current) current = w;
    else if (current.length + 1 + w.length <= width) current += ` ${w}`;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** Columns of fixed widths: text left-aligned in the first, right-aligned in the others. */
export function columnsRow(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => {
      const w = widths[i] ?? c.length;
      const cut = c.length > w ? c.slice(0, w) : c;
      return i === 0 ? cut.padEnd(w) : cut.padStart(w);
    })
    .join(' ');
}

/** 123450 → "1,234.50"; −5000 → "-50.00". */
export function money(minor: number, minorDigits: number): string {
  const plain = formatMoney(minor, minorDigits);
  const negative = plain.startsWith('-');
  const unsigned = negative ? plain.slice(1) : plain;
  const dot = unsigned.indexOf('.');
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${dot === -1 ? '' : unsigned.slice(dot)}`;
}

const localTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Nairobi',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "25/11/2026 11:00" in the store's time zone (Africa/Nairobi). */
export function receiptTime(iso: string): string {
  return localTime.format(new Date(iso)).replace(',', '');
}

export function rule(width: number, char = '-'): string {
  return char.repeat(width);
}
