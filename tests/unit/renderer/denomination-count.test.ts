// The drawer count at close: typed counts per KES note/coin → the counted total, what is not a count, the
// counts session.close receives, and the variance in words.
import { describe, expect, it } from 'vitest';
import { KES_DENOMINATIONS } from '../../../src-shared/domain/cash-session.js';
import {
  countDrawer,
  liveReconciliation,
  parseCount,
  varianceWords,
} from '../../../src-renderer/screens/session/denomination-count.js';

const NOTE_1000 = 100_000;
const NOTE_200 = 20_000;
const NOTE_50 = 5_000;
const COIN_1 = 100;

describe('parseCount', () => {
  it('reads whole counts; an empty box is 0', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount(' 3 ')).toBe(3);
    expect(parseCount('')).toBe(0);
    expect(parseCount('0')).toBe(0);
  });

  it('refuses negative, fractional, non-numeric and absurd counts', () => {
    for (const text of ['-1', '2.5', 'abc', '1e3', '99999999']) expect(parseCount(text)).toBeNull();
  });
});

describe('countDrawer', () => {
  it('offers one row per domain denomination, largest first', () => {
    const count = countDrawer({});
    expect(count.rows.map((r) => r.denomination.value)).toEqual(KES_DENOMINATIONS.map((d) => d.value));
    expect(count.total).toBe(0);
    expect(count.denominations).toEqual([]);
    expect(count.invalid).toBe(false);
  });

  it('adds value × count for every note and coin, in cents', () => {
    const count = countDrawer({ [NOTE_1000]: '4', [NOTE_200]: '2', [NOTE_50]: '1', [COIN_1]: '7' });
    expect(count.total).toBe(445_700); // KES 4,457.00
    expect(count.rows.find((r) => r.denomination.value === NOTE_200)?.subtotal).toBe(40_000);
    expect(count.denominations).toEqual([
      { value: NOTE_1000, count: 4 },
      { value: NOTE_200, count: 2 },
      { value: NOTE_50, count: 1 },
      { value: COIN_1, count: 7 },
    ]);
  });

  it('marks a box that is not a count and leaves it out of the total', () => {
    const count = countDrawer({ [NOTE_1000]: '2', [NOTE_50]: 'x' });
    expect(count.invalid).toBe(true);
    expect(count.total).toBe(200_000);
    expect(count.rows.find((r) => r.denomination.value === NOTE_50)?.count).toBeNull();
  });
});

describe('variance in words', () => {
  it('says short, over or balanced with the unsigned amount', () => {
    expect(varianceWords(-5_000)).toEqual({ key: 'session.variance.short', amount: 5_000, tone: 'short' });
    expect(varianceWords(2_000)).toEqual({ key: 'session.variance.over', amount: 2_000, tone: 'over' });
    expect(varianceWords(0)).toEqual({ key: 'session.variance.balanced', amount: 0, tone: 'balanced' });
  });

  it('reconciles the count against the expected cash (counted − expected)', () => {
    expect(liveReconciliation(450_000, 445_000)).toMatchObject({ variance: -5_000, status: 'short' });
  });
});
