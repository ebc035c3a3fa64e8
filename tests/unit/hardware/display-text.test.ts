import { describe, expect, it } from 'vitest';
import { displayBytes, displayLines } from '../../../src-main/hardware/display/display-text.js';

describe('customer display text (2×20)', () => {
  it('shows the last item with its price and the running total, each line exactly 20 characters', () => {
    const lines = displayLines(
      { kind: 'item', name: 'Jogoo Maize Flour 2kg', amount: 175_00, total: 1_240_50 },
      20,
    );
    expect(lines).toEqual(['Jogoo Maize F 175.00', 'TOTAL       1,240.50']);
    expect(lines.map((l) => l.length)).toEqual([20, 20]);
  });

  it('shows the change at the end and a centred welcome when idle', () => {
    expect(displayLines({ kind: 'paid', total: 230_00, change: 270_00 }, 20)).toEqual([
      'TOTAL         230.00',
      'Change:       270.00',
    ]);
    expect(displayLines({ kind: 'welcome', text: 'Karibu!' }, 20)[0]).toBe('      Karibu!       ');
  });

  it('clears the screen first in ESC/POS mode; plain mode sends CR LF lines', () => {
    const lines: [string, string] = ['a'.padEnd(20), 'b'.padEnd(20)];
    expect([...displayBytes(lines, 'escpos').subarray(0, 2)]).toEqual([0x0c, 0x0b]);
    expect(Buffer.from(displayBytes(lines, 'plain')).toString()).toBe(`${lines[0]}\r\n${lines[1]}\r\n`);
  });
});
