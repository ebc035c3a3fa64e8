// Small rules of the back-office screens: which menu entries a role sees, and stock adjustment quantities.
import { describe, expect, it } from 'vitest';
import { isManager, menuEntriesFor } from '../../../src-renderer/screens/menu/menu-entries.js';
import { parseSignedQty } from '../../../src-renderer/screens/stock/adjustment-qty.js';

describe('menu entries by role', () => {
  it('a cashier sees refund, cash session and stock, not devices or sync', () => {
    expect(menuEntriesFor('employee').map((e) => e.route)).toEqual(['refund', 'session', 'stock']);
    expect(isManager('employee')).toBe(false);
  });

  it('managers and owners also see devices and cloud sync', () => {
    expect(menuEntriesFor('manager').map((e) => e.route)).toEqual([
      'refund',
      'session',
      'stock',
      'devices',
      'sync',
    ]);
    expect(menuEntriesFor('owner').map((e) => e.route)).toContain('devices');
    expect(isManager('owner')).toBe(true);
  });

  it('gives every entry its own key', () => {
    const keys = menuEntriesFor('owner').map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('parseSignedQty', () => {
  it('reads removals and additions in thousandths', () => {
    expect(parseSignedQty('-2')).toBe(-2000);
    expect(parseSignedQty('+5')).toBe(5000);
    expect(parseSignedQty('5')).toBe(5000);
    expect(parseSignedQty('- 0.25')).toBe(-250);
  });

  it('refuses zero and what is not a quantity', () => {
    for (const text of ['0', '-0', '', 'abc', '1.2345']) expect(parseSignedQty(text)).toBeNull();
  });
});
