// Structural sharing of the sale the ledger returns: lines whose data did not change keep their previous
// objects (so memoised cart rows skip them), changed and new lines are the new ones, nothing is mutated.
import { describe, expect, it } from 'vitest';
import type { SaleLineView, SaleView } from '../../../src-shared/contract/sale.js';
import { reuseUnchangedLines, sameJson } from '../../../src-renderer/state/reuse-unchanged.js';

function line(id: string, qtyMilli: number, extra: Partial<SaleLineView> = {}): SaleLineView {
  return {
    id,
    lineNo: 1,
    productId: `p-${id}`,
    sku: `SKU-${id}`,
    name: `Item ${id}`,
    qtyMilli,
    unit: null,
    soldByWeight: false,
    scannedCode: null,
    listUnitPrice: 5000,
    unitPrice: 5000,
    overridden: false,
    overrideReason: null,
    discount: null,
    discountReason: null,
    extended: (5000 * qtyMilli) / 1000,
    lineDiscount: 0,
    cartDiscountShare: 0,
    discountTotal: 0,
    taxClass: 'standard',
    band: 'A',
    rateBp: 1600,
    net: 0,
    tax: 0,
    gross: (5000 * qtyMilli) / 1000,
    refundedQtyMilli: 0,
    ...extra,
  };
}

function sale(id: string, lines: SaleLineView[]): SaleView {
  return { id, lines } as unknown as SaleView;
}

/** A fresh copy, as a new answer parsed from JSON would be. */
const parsed = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('reuseUnchangedLines', () => {
  it('keeps unchanged lines as the previous objects and takes the changed one from the answer', () => {
    const before = sale('s1', [line('a', 1000), line('b', 1000), line('c', 1000)]);
    const answer = parsed(before);
    answer.lines[1] = line('b', 2000);
    const next = reuseUnchangedLines(before, answer);
    expect(next.lines[0]).toBe(before.lines[0]);
    expect(next.lines[1]).toBe(answer.lines[1]);
    expect(next.lines[2]).toBe(before.lines[2]);
    expect(next.lines.map((l) => l.qtyMilli)).toEqual([1000, 2000, 1000]);
  });

  it('adds a new line, notices a changed discount, and keeps the whole array when nothing changed', () => {
    const before = sale('s1', [line('a', 1000)]);
    const grown = reuseUnchangedLines(before, parsed(sale('s1', [line('a', 1000), line('b', 1000)])));
    expect(grown.lines).toHaveLength(2);
    expect(grown.lines[0]).toBe(before.lines[0]);

    const discounted = parsed(before);
    discounted.lines[0] = line('a', 1000, { discount: { kind: 'percent', basisPoints: 1000 } as never });
    expect(reuseUnchangedLines(before, discounted).lines[0]).not.toBe(before.lines[0]);

    const same = reuseUnchangedLines(before, parsed(before));
    expect(same.lines).toBe(before.lines);
  });

  it('shares nothing with another sale and never changes its inputs', () => {
    const before = sale('s1', [line('a', 1000)]);
    const other = parsed(sale('s2', [line('a', 1000)]));
    const copy = parsed(other);
    expect(reuseUnchangedLines(before, other)).toBe(other);
    expect(other).toEqual(copy);
    expect(reuseUnchangedLines(null, other)).toBe(other);
  });

  it('compares JSON data deeply', () => {
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameJson({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
