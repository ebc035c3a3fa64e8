// Refund quantities: what is left of a line (sold − already refunded) limits what can be typed; whole units
// for counted goods, grams for weighed ones; the selection refund.create receives.
import { describe, expect, it } from 'vitest';
import { formatQuantityDisplay } from '../../../src-shared/domain/quantity.js';
import {
  everythingLeft,
  refundableMilli,
  refundQty,
  refundSelection,
  type RefundLine,
} from '../../../src-renderer/screens/refund/refund-lines.js';

const sugar: RefundLine = { id: 'sugar', qtyMilli: 3000, refundedQtyMilli: 1000, soldByWeight: false };
const meat: RefundLine = { id: 'meat', qtyMilli: 1250, refundedQtyMilli: 0, soldByWeight: true };
const milk: RefundLine = { id: 'milk', qtyMilli: 1000, refundedQtyMilli: 1000, soldByWeight: false };

describe('refundQty', () => {
  it('is what was sold minus what was already refunded', () => {
    expect(refundableMilli(sugar)).toBe(2000);
    expect(refundableMilli(milk)).toBe(0);
  });

  it('accepts up to what is left, and nothing for an empty box', () => {
    expect(refundQty(sugar, '2')).toEqual({ qtyMilli: 2000, problem: null });
    expect(refundQty(sugar, '')).toEqual({ qtyMilli: 0, problem: null });
  });

  it('refuses more than is left', () => {
    expect(refundQty(sugar, '3')).toEqual({ qtyMilli: null, problem: 'exceeds' });
    expect(refundQty(meat, '1.251')).toEqual({ qtyMilli: null, problem: 'exceeds' });
  });

  it('takes fractions only for weighed goods', () => {
    expect(refundQty(sugar, '1.5')).toEqual({ qtyMilli: null, problem: 'fractional' });
    expect(refundQty(meat, '0.75')).toEqual({ qtyMilli: 750, problem: null });
  });

  it('says when a line is already fully refunded, or the box is not a quantity', () => {
    expect(refundQty(milk, '1')).toEqual({ qtyMilli: null, problem: 'nothingLeft' });
    expect(refundQty(sugar, 'two')).toEqual({ qtyMilli: null, problem: 'invalid' });
    expect(refundQty(sugar, '0')).toEqual({ qtyMilli: null, problem: 'invalid' });
  });
});

describe('refundSelection', () => {
  it('lists the chosen lines and is ready when nothing is wrong', () => {
    const selection = refundSelection([sugar, meat, milk], { sugar: '1', meat: '' });
    expect(selection).toEqual({
      lines: [{ saleLineId: 'sugar', qtyMilli: 1000 }],
      problems: {},
      ready: true,
    });
  });

  it('is not ready with nothing chosen or with a problem in any box', () => {
    expect(refundSelection([sugar, meat], {}).ready).toBe(false);
    const selection = refundSelection([sugar, meat], { sugar: '1', meat: '2' });
    expect(selection.ready).toBe(false);
    expect(selection.problems).toEqual({ meat: 'exceeds' });
  });

  it('"everything left" fills each line with its remaining quantity', () => {
    const texts = everythingLeft([sugar, meat, milk], formatQuantityDisplay);
    expect(texts).toEqual({ sugar: '2', meat: '1.25', milk: '' });
    expect(refundSelection([sugar, meat, milk], texts).lines).toEqual([
      { saleLineId: 'sugar', qtyMilli: 2000 },
      { saleLineId: 'meat', qtyMilli: 1250 },
    ]);
  });
});
