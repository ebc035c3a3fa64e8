// Quantities on screen: integer thousandths in, "2" / "1.235 kg" out; typed quantities back to thousandths.
import { formatQuantityDisplay, parseQuantity } from '../../src-shared/domain/quantity.js';

/** 2000 → "2"; 1235 with unit "kg" → "1.235 kg" (a piece count shows no unit). */
export function formatQty(qtyMilli: number, unit: string | null = null, soldByWeight = false): string {
  const text = formatQuantityDisplay(qtyMilli);
  return soldByWeight && unit ? `${text} ${unit}` : text;
}

/** "1.5" → 1500, "2" → 2000; null for anything that is not a positive quantity with ≤ 3 decimals. */
export function parseQtyInput(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{0,3})?$/.test(cleaned)) return null;
  try {
    const value = parseQuantity(cleaned.endsWith('.') ? cleaned.slice(0, -1) : cleaned);
    return value > 0 ? value : null;
  } catch {
    return null;
  }
}
