// The renderer's one money formatter (integer cents → "KES 1,234.50") and the parsing of typed amounts and
// quantities back to integers — never through floats.
import { describe, expect, it } from 'vitest';
import {
  amountInputText,
  formatAmount,
  formatMoney,
  parseAmountInput,
} from '../../../src-renderer/format/money.js';
import { formatQty, parseQtyInput } from '../../../src-renderer/format/quantity.js';

describe('formatMoney', () => {
  it('formats cents as KES with thousands separators and two decimals', () => {
    expect(formatMoney(123450)).toBe('KES 1,234.50');
    expect(formatMoney(0)).toBe('KES 0.00');
    expect(formatMoney(5)).toBe('KES 0.05');
    expect(formatMoney(100_000_000_00)).toBe('KES 100,000,000.00');
    expect(formatMoney(-5000)).toBe('-KES 50.00');
  });

  it('is exact where floats are not (0.1 + 0.2, large amounts)', () => {
    expect(formatMoney(10 + 20)).toBe('KES 0.30');
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('KES 90,071,992,547,409.91');
  });

  it("uses the sale's currency and its minor digits", () => {
    expect(formatMoney(1500, 'UGX')).toBe('UGX 1,500');
    expect(formatMoney(1500, 'TZS')).toBe('TZS 15.00');
    expect(formatMoney(1500, 'XXX')).toBe('KES 15.00'); // unknown → the store's default
  });

  it('refuses a fractional number of cents instead of rounding it silently', () => {
    expect(() => formatMoney(12.5)).toThrow(/minor units/);
  });

  it('formats a bare amount for columns, and the editable text of an input', () => {
    expect(formatAmount(123450)).toBe('1,234.50');
    expect(formatAmount(-123450)).toBe('-1,234.50');
    expect(amountInputText(123450)).toBe('1234.50');
  });
});

describe('parseAmountInput', () => {
  it('reads what a cashier types into cents', () => {
    expect(parseAmountInput('500')).toBe(50000);
    expect(parseAmountInput('1,234.5')).toBe(123450);
    expect(parseAmountInput(' 20 ')).toBe(2000);
    expect(parseAmountInput('KES 500.00')).toBe(50000);
    expect(parseAmountInput('0.1')).toBe(10);
    expect(parseAmountInput('12.')).toBe(1200);
  });

  it('says null for anything that is not an amount', () => {
    for (const bad of ['', ' ', 'abc', '1.234', '-5', '1e3', '12.3.4', 'KES']) {
      expect(parseAmountInput(bad), bad).toBeNull();
    }
  });

  it('round-trips with the formatter', () => {
    for (const cents of [0, 1, 99, 100, 6500, 123450, 987654321]) {
      expect(parseAmountInput(formatMoney(cents))).toBe(cents);
      expect(parseAmountInput(amountInputText(cents))).toBe(cents);
    }
  });
});

describe('quantities', () => {
  it('shows counted goods as whole numbers and weighed goods with their unit', () => {
    expect(formatQty(2000)).toBe('2');
    expect(formatQty(1235, 'kg', true)).toBe('1.235 kg');
    expect(formatQty(1500, 'kg', true)).toBe('1.5 kg');
    expect(formatQty(3000, 'pc', false)).toBe('3');
  });

  it('reads typed quantities into thousandths', () => {
    expect(parseQtyInput('2')).toBe(2000);
    expect(parseQtyInput('1.235')).toBe(1235);
    expect(parseQtyInput('0,5')).toBe(500);
    for (const bad of ['', '0', '-1', '1.2345', 'two']) expect(parseQtyInput(bad), bad).toBeNull();
  });
});
