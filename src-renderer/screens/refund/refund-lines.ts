// Which quantities of a completed sale's lines may be refunded: sold minus already refunded, typed as whole
// units (or up to 3 decimals for weighed goods) and never more than what is left. Pure: tested in
// tests/unit/renderer/refund-lines.test.ts. The till checks again (REFUND_EXCEEDS_SOLD).
import type { SaleLineView } from '../../../src-shared/contract/sale.js';
import { parseQtyInput } from '../../format/quantity.js';

export type RefundLine = Pick<SaleLineView, 'id' | 'qtyMilli' | 'refundedQtyMilli' | 'soldByWeight'>;

/** Line id → the quantity typed for it. */
export type RefundQtyTexts = Readonly<Record<string, string>>;

export type RefundQtyProblem = 'invalid' | 'exceeds' | 'fractional' | 'nothingLeft';

export interface RefundQty {
  /** What to refund (0 for an empty box); null when the box holds a problem. */
  qtyMilli: number | null;
  problem: RefundQtyProblem | null;
}

/** What is left to refund of a line (never negative). */
export function refundableMilli(line: RefundLine): number {
  return Math.max(line.qtyMilli - line.refundedQtyMilli, 0);
}

export function refundQty(line: RefundLine, text: string): RefundQty {
  if (text.trim() === '') return { qtyMilli: 0, problem: null };
  const left = refundableMilli(line);
  if (left === 0) return { qtyMilli: null, problem: 'nothingLeft' };
  const qtyMilli = parseQtyInput(text);
  if (qtyMilli === null) return { qtyMilli: null, problem: 'invalid' };
  if (!line.soldByWeight && qtyMilli % 1000 !== 0) return { qtyMilli: null, problem: 'fractional' };
  if (qtyMilli > left) return { qtyMilli: null, problem: 'exceeds' };
  return { qtyMilli, problem: null };
}

export interface RefundSelection {
  /** The lines to refund, as refund.create takes them. */
  lines: { saleLineId: string; qtyMilli: number }[];
  /** Line id → what is wrong with its box. */
  problems: Record<string, RefundQtyProblem>;
  /** At least one line chosen and no box with a problem. */
  ready: boolean;
}

export function refundSelection(lines: readonly RefundLine[], texts: RefundQtyTexts): RefundSelection {
  const chosen: RefundSelection['lines'] = [];
  const problems: Record<string, RefundQtyProblem> = {};
  for (const line of lines) {
    const { qtyMilli, problem } = refundQty(line, texts[line.id] ?? '');
    if (problem) problems[line.id] = problem;
    else if (qtyMilli !== null && qtyMilli > 0) chosen.push({ saleLineId: line.id, qtyMilli });
  }
  return { lines: chosen, problems, ready: chosen.length > 0 && Object.keys(problems).length === 0 };
}

/** Every line's remaining quantity typed in (the "refund everything left" button). */
export function everythingLeft(
  lines: readonly RefundLine[],
  format: (qtyMilli: number) => string,
): RefundQtyTexts {
  const texts: Record<string, string> = {};
  for (const line of lines) {
    const left = refundableMilli(line);
    texts[line.id] = left > 0 ? format(left) : '';
  }
  return texts;
}
