// A stock adjustment's quantity as typed: "+5", "5" (found / received), "-2" (damaged, expired, missing) →
// signed thousandths of a unit; null for zero or anything that is not a quantity (≤ 3 decimals).
import { parseQtyInput } from '../../format/quantity.js';

export function parseSignedQty(text: string): number | null {
  const cleaned = text.trim().replace(/^([+-])\s+/, '$1');
  const negative = cleaned.startsWith('-') || cleaned.startsWith('−');
  const unsigned = parseQtyInput(cleaned.replace(/^[+\-−]/, ''));
  if (unsigned === null) return null;
  return negative ? -unsigned : unsigned;
}
