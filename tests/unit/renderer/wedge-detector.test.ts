// Keyboard-wedge scan detection by keystroke timing: a scanner's burst (~11–14 ms per key, Enter suffix) is a
// scan; a person typing the same digits (~120 ms per key) is a search.
import { describe, expect, it } from 'vitest';
import { classifyEntry, WedgeTracker, type Keystroke } from '../../../src-renderer/scanner/wedge-detector.js';

function strokes(text: string, gapMs: number | readonly number[], start = 1000): Keystroke[] {
  let at = start;
  return text.split('').map((key, i) => {
    if (i > 0) at += typeof gapMs === 'number' ? gapMs : (gapMs[i - 1] ?? 0);
    return { key, at };
  });
}

const EAN = '6160000000012';

describe('classifyEntry', () => {
  it('calls a 13-digit burst at 11–14 ms per key with a prompt Enter a scan', () => {
    const keys = strokes(EAN, [11, 14, 12, 13, 11, 12, 14, 13, 12, 11, 12, 13]);
    expect(classifyEntry(keys, keys.at(-1)!.at + 12)).toBe('scan');
  });

  it('calls the same digits typed by a person (~120 ms per key) a search', () => {
    const keys = strokes(EAN, 120);
    expect(classifyEntry(keys, keys.at(-1)!.at + 150)).toBe('typed');
  });

  it('is not fooled by a person who types most keys fast but pauses once', () => {
    const gaps = [12, 12, 12, 12, 12, 90, 12, 12, 12, 12, 12, 12];
    const keys = strokes(EAN, gaps);
    expect(classifyEntry(keys, keys.at(-1)!.at + 10)).toBe('typed');
  });

  it('wants the Enter to follow the burst promptly (a burst, then a person pressing Enter, is typed)', () => {
    const keys = strokes(EAN, 12);
    expect(classifyEntry(keys, keys.at(-1)!.at + 400)).toBe('typed');
  });

  it('never calls a very short entry a scan, however fast', () => {
    const keys = strokes('12', 5);
    expect(classifyEntry(keys, keys.at(-1)!.at + 5)).toBe('typed');
    expect(classifyEntry([], 1000)).toBe('typed');
  });

  it('accepts the shortest codes (EAN-8, 4-character SKUs) from a scanner', () => {
    const ean8 = strokes('96385074', 13);
    expect(classifyEntry(ean8, ean8.at(-1)!.at + 13)).toBe('scan');
    const sku = strokes('A100', 12);
    expect(classifyEntry(sku, sku.at(-1)!.at + 12)).toBe('scan');
  });

  it('treats timestamps going backwards as not a scan', () => {
    const keys: Keystroke[] = [
      { key: '1', at: 100 },
      { key: '2', at: 90 },
      { key: '3', at: 100 },
      { key: '4', at: 110 },
    ];
    expect(classifyEntry(keys, 120)).toBe('typed');
  });

  it('uses the configured limits', () => {
    const keys = strokes('123456', 70);
    expect(classifyEntry(keys, keys.at(-1)!.at + 70)).toBe('typed');
    expect(classifyEntry(keys, keys.at(-1)!.at + 70, { maxGapMs: 80, minLength: 4 })).toBe('scan');
  });
});

describe('WedgeTracker', () => {
  it('records printable keys, spells the text, and starts over after each Enter', () => {
    const tracker = new WedgeTracker();
    let at = 0;
    for (const key of EAN.split('')) tracker.key(key, (at += 12));
    tracker.key('Shift', at + 1); // not a character: ignored
    expect(tracker.text()).toBe(EAN);
    expect(tracker.enter(at + 12)).toBe('scan');
    expect(tracker.text()).toBe('');
    for (const key of EAN.split('')) tracker.key(key, (at += 120));
    expect(tracker.enter(at + 120)).toBe('typed');
  });

  it('forgets a burst when the field is edited (reset), so typed text after it is judged alone', () => {
    const tracker = new WedgeTracker();
    let at = 0;
    for (const key of '6160') tracker.key(key, (at += 12));
    tracker.reset();
    for (const key of 'sugar') tracker.key(key, (at += 130));
    expect(tracker.enter(at + 130)).toBe('typed');
  });
});
