// The renderer's ONE money formatter: integer minor units in, "KES 1,234.50" out (ISO code, comma-grouped,
// the currency's minor digits). Built on the domain's integer/string helpers — no float arithmetic anywhere.
// Typed amounts go the other way through parseAmountInput (also integer-exact).
import {
  currencyInfo,
  formatMoneyDisplay,
  KES,
  parseMoney,
  type CurrencyInfo,
} from '../../src-shared/domain/money.js';

function displayCurrency(code: string): CurrencyInfo {
  let info: CurrencyInfo;
  try {
    info = currencyInfo(code);
  } catch {
    info = KES;
  }
  return { ...info, symbol: info.code };
}

/** 123450 → "KES 1,234.50"; -5000 → "-KES 50.00"; UGX 1500 → "UGX 1,500". */
export function formatMoney(minor: number, currency = 'KES'): string {
  return formatMoneyDisplay(minor, displayCurrency(currency));
}

/** The amount without the currency code: 123450 → "1,234.50" (for columns under a KES header). */
export function formatAmount(minor: number, currency = 'KES'): string {
  return formatMoneyDisplay(minor, { ...displayCurrency(currency), symbol: '' }).replace(/^(-?) /, '$1');
}

/**
 * What a cashier typed as an amount → minor units, or null if it is not one: "1,234.5" → 123450,
 * "KES 500" → 50000, " 20 " → 2000. Grouping commas and spaces and a leading currency code are allowed.
 */
export function parseAmountInput(text: string, currency = 'KES'): number | null {
  const info = displayCurrency(currency);
  const cleaned = text
    .trim()
    .replace(new RegExp(`^${info.code}`, 'i'), '')
    .replace(/[\s,]/g, '');
  if (cleaned === '' || !/^\d+(\.\d*)?$/.test(cleaned)) return null;
  try {
    return parseMoney(cleaned.endsWith('.') ? cleaned.slice(0, -1) : cleaned, info.minorDigits);
  } catch {
    return null;
  }
}

/** An amount as the editable text of an input: 123450 → "1234.50" (no grouping, no code). */
export function amountInputText(minor: number, currency = 'KES'): string {
  return formatAmount(minor, currency).replace(/,/g, '');
}
