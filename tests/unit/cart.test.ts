import { describe, it, expect } from 'vitest';
import { discountAmount, priceCart } from '../../src-shared/domain/cart.js';
import type { CartLineInput } from '../../src-shared/domain/cart.js';
import { TAX_CLASS_CODES } from '../../src-shared/domain/tax.js';
import { expectDomainError, seededInt, seededRandom } from './expect-domain-error.js';

function line(
  overrides: Partial<CartLineInput> & Pick<CartLineInput, 'id' | 'unitPrice' | 'qtyMilli'>,
): CartLineInput {
  return { productId: `p-${overrides.id}`, name: `Item ${overrides.id}`, taxClass: 'standard', ...overrides };
}

describe('discountAmount', () => {
  it('returns an amount discount as is and rounds a percentage by the rule', () => {
    expect(discountAmount(50000, { kind: 'amount', amount: 5000 })).toBe(5000);
    expect(discountAmount(50000, { kind: 'percent', basisPoints: 1000 })).toBe(5000);
    expect(discountAmount(12345, { kind: 'percent', basisPoints: 1000 })).toBe(1235);
    expect(discountAmount(12344, { kind: 'percent', basisPoints: 1000 })).toBe(1234);
    expect(discountAmount(999, { kind: 'percent', basisPoints: 333 })).toBe(33);
    expect(discountAmount(12345, { kind: 'percent', basisPoints: 10000 })).toBe(12345);
    expect(discountAmount(12345, { kind: 'percent', basisPoints: 0 })).toBe(0);
    expect(discountAmount(0, { kind: 'amount', amount: 0 })).toBe(0);
  });

  it('does not cap an amount discount (callers compare it with what it applies to)', () => {
    expect(discountAmount(100, { kind: 'amount', amount: 500 })).toBe(500);
  });

  it('refuses invalid discounts', () => {
    expectDomainError(
      () => discountAmount(100, { kind: 'amount', amount: -1 }),
      'INVALID_DISCOUNT',
      /got -1/,
    );
    expectDomainError(() => discountAmount(100, { kind: 'amount', amount: 1.5 }), 'INVALID_DISCOUNT');
    expectDomainError(
      () => discountAmount(100, { kind: 'percent', basisPoints: 10001 }),
      'INVALID_DISCOUNT',
      /0 to 10000 basis points/,
    );
    expectDomainError(() => discountAmount(100, { kind: 'percent', basisPoints: -1 }), 'INVALID_DISCOUNT');
    expectDomainError(() => discountAmount(100, { kind: 'percent', basisPoints: 12.5 }), 'INVALID_DISCOUNT');
    expectDomainError(
      () =>
        discountAmount(100, { kind: 'coupon', amount: 1 } as unknown as { kind: 'amount'; amount: number }),
      'INVALID_DISCOUNT',
      'Unknown discount kind "coupon": use "amount" or "percent"',
    );
    expectDomainError(() => discountAmount(1.5, { kind: 'amount', amount: 1 }), 'INVALID_AMOUNT');
  });
});

describe('priceCart: empty and simple carts', () => {
  it('prices an empty cart to all zeros', () => {
    expect(priceCart({ lines: [], pricesIncludeTax: true })).toEqual({
      lines: [],
      subtotal: 0,
      lineDiscountTotal: 0,
      cartDiscountTotal: 0,
      discountTotal: 0,
      netTotal: 0,
      taxTotal: 0,
      total: 0,
      taxBreakdown: [],
      pricesIncludeTax: true,
    });
    expect(
      priceCart({ lines: [], cartDiscount: { kind: 'percent', basisPoints: 5000 }, pricesIncludeTax: false })
        .total,
    ).toBe(0);
  });

  it('prices one tax-inclusive line: 2 × 58.00 at 16 % → tax 16.00 in 116.00', () => {
    const cart = priceCart({
      lines: [line({ id: 'a', unitPrice: 5800, qtyMilli: 2000 })],
      pricesIncludeTax: true,
    });
    expect(cart.lines).toEqual([
      {
        id: 'a',
        productId: 'p-a',
        name: 'Item a',
        qtyMilli: 2000,
        taxClass: 'standard',
        band: 'B',
        rateBp: 1600,
        listUnitPrice: 5800,
        unitPrice: 5800,
        overridden: false,
        extended: 11600,
        lineDiscount: 0,
        cartDiscountShare: 0,
        discountTotal: 0,
        amount: 11600,
        net: 10000,
        tax: 1600,
        gross: 11600,
      },
    ]);
    expect(cart.subtotal).toBe(11600);
    expect(cart.netTotal).toBe(10000);
    expect(cart.taxTotal).toBe(1600);
    expect(cart.total).toBe(11600);
    expect(cart.taxBreakdown).toEqual([
      {
        taxClass: 'standard',
        band: 'B',
        rateBp: 1600,
        label: 'VAT 16%',
        net: 10000,
        tax: 1600,
        gross: 11600,
      },
    ]);
  });

  it('prices tax-exclusive lines: 16 % and 8 % added on top of the net', () => {
    const cart = priceCart({
      lines: [
        line({ id: 'a', unitPrice: 10000, qtyMilli: 1000 }),
        line({ id: 'b', unitPrice: 2500, qtyMilli: 2000, taxClass: 'reduced' }),
        line({ id: 'c', unitPrice: 7000, qtyMilli: 1000, taxClass: 'exempt' }),
      ],
      pricesIncludeTax: false,
    });
    expect(cart.lines.map((l) => [l.amount, l.net, l.tax, l.gross])).toEqual([
      [10000, 10000, 1600, 11600],
      [5000, 5000, 400, 5400],
      [7000, 7000, 0, 7000],
    ]);
    expect(cart.subtotal).toBe(22000);
    expect(cart.netTotal).toBe(22000);
    expect(cart.taxTotal).toBe(2000);
    expect(cart.total).toBe(24000);
    expect(cart.pricesIncludeTax).toBe(false);
    expect(cart.taxBreakdown.map((r) => [r.band, r.net, r.tax, r.gross])).toEqual([
      ['A', 7000, 0, 7000],
      ['B', 10000, 1600, 11600],
      ['E', 5000, 400, 5400],
    ]);
  });

  it('puts zero-rated, exempt and non-VAT lines in their own bands with no tax', () => {
    const cart = priceCart({
      lines: [
        line({ id: 'milk', unitPrice: 6500, qtyMilli: 1000, taxClass: 'zero' }),
        line({ id: 'bread', unitPrice: 6000, qtyMilli: 1000, taxClass: 'exempt' }),
        line({ id: 'fee', unitPrice: 3000, qtyMilli: 1000, taxClass: 'non_vat' }),
        line({ id: 'soda', unitPrice: 10000, qtyMilli: 1000 }),
      ],
      pricesIncludeTax: true,
    });
    expect(cart.taxBreakdown).toEqual([
      { taxClass: 'exempt', band: 'A', rateBp: 0, label: 'Exempt', net: 6000, tax: 0, gross: 6000 },
      { taxClass: 'standard', band: 'B', rateBp: 1600, label: 'VAT 16%', net: 8621, tax: 1379, gross: 10000 },
      { taxClass: 'zero', band: 'C', rateBp: 0, label: 'Zero-rated', net: 6500, tax: 0, gross: 6500 },
      { taxClass: 'non_vat', band: 'D', rateBp: 0, label: 'Non-VAT', net: 3000, tax: 0, gross: 3000 },
    ]);
    expect(cart.taxTotal).toBe(1379);
    expect(cart.total).toBe(25500);
  });
});

describe('priceCart: discounts', () => {
  it('applies a line % discount and a cart amount discount across 3 lines, summing exactly', () => {
    const cart = priceCart({
      lines: [
        line({
          id: 'sugar',
          unitPrice: 25000,
          qtyMilli: 2000,
          discount: { kind: 'percent', basisPoints: 1000 },
        }),
        line({ id: 'milk', unitPrice: 6500, qtyMilli: 3000 }),
        line({ id: 'flour', unitPrice: 6000, qtyMilli: 1000, taxClass: 'zero' }),
      ],
      cartDiscount: { kind: 'amount', amount: 10000 },
      pricesIncludeTax: true,
    });
    // post-line-discount amounts 450.00, 195.00, 60.00; 100.00 spread 63.83 / 27.66 / 8.51
    expect(
      cart.lines.map((l) => [l.extended, l.lineDiscount, l.cartDiscountShare, l.discountTotal, l.amount]),
    ).toEqual([
      [50000, 5000, 6383, 11383, 38617],
      [19500, 0, 2766, 2766, 16734],
      [6000, 0, 851, 851, 5149],
    ]);
    expect(cart.lines.map((l) => [l.net, l.tax, l.gross])).toEqual([
      [33291, 5326, 38617],
      [14426, 2308, 16734],
      [5149, 0, 5149],
    ]);
    expect(cart.lines.reduce((a, l) => a + l.cartDiscountShare, 0)).toBe(10000);
    expect(cart.subtotal).toBe(75500);
    expect(cart.lineDiscountTotal).toBe(5000);
    expect(cart.cartDiscountTotal).toBe(10000);
    expect(cart.discountTotal).toBe(15000);
    expect(cart.netTotal).toBe(52866);
    expect(cart.taxTotal).toBe(7634);
    expect(cart.total).toBe(60500);
    expect(cart.taxBreakdown).toEqual([
      {
        taxClass: 'standard',
        band: 'B',
        rateBp: 1600,
        label: 'VAT 16%',
        net: 47717,
        tax: 7634,
        gross: 55351,
      },
      { taxClass: 'zero', band: 'C', rateBp: 0, label: 'Zero-rated', net: 5149, tax: 0, gross: 5149 },
    ]);
  });

  it('applies a cart percentage to the post-line-discount sum', () => {
    const cart = priceCart({
      lines: [
        line({ id: 'a', unitPrice: 33333, qtyMilli: 1000, discount: { kind: 'amount', amount: 3333 } }),
        line({ id: 'b', unitPrice: 10001, qtyMilli: 1000 }),
      ],
      cartDiscount: { kind: 'percent', basisPoints: 1250 },
      pricesIncludeTax: true,
    });
    // (30000 + 10001) × 12.5 % = 5000.125 → 5000; spread 3750.0 / 1250.0
    expect(cart.cartDiscountTotal).toBe(5000);
    expect(cart.lines.map((l) => l.cartDiscountShare)).toEqual([3750, 1250]);
    expect(cart.lines.map((l) => l.amount)).toEqual([26250, 8751]);
    expect(cart.total).toBe(35001);
    expect(cart.discountTotal).toBe(8333);
  });

  it('a 100 % cart discount makes everything free', () => {
    const cart = priceCart({
      lines: [
        line({ id: 'a', unitPrice: 999, qtyMilli: 3000 }),
        line({ id: 'b', unitPrice: 1, qtyMilli: 1000 }),
      ],
      cartDiscount: { kind: 'percent', basisPoints: 10000 },
      pricesIncludeTax: true,
    });
    expect(cart.lines.map((l) => [l.cartDiscountShare, l.amount, l.tax])).toEqual([
      [2997, 0, 0],
      [1, 0, 0],
    ]);
    expect(cart.total).toBe(0);
    expect(cart.discountTotal).toBe(2998);
  });

  it('a cart discount equal to the total is allowed, one cent more is not', () => {
    const lines = [
      line({ id: 'a', unitPrice: 5000, qtyMilli: 1000, discount: { kind: 'amount', amount: 1000 } }),
    ];
    expect(
      priceCart({ lines, cartDiscount: { kind: 'amount', amount: 4000 }, pricesIncludeTax: true }).total,
    ).toBe(0);
    const error = expectDomainError(
      () => priceCart({ lines, cartDiscount: { kind: 'amount', amount: 4001 }, pricesIncludeTax: true }),
      'DISCOUNT_EXCEEDS_TOTAL',
      'The cart discount of 40.01 is more than the 40.00 being discounted',
    );
    expect(error.details).toEqual({ discount: 4001, total: 4000 });
  });

  it('a cart discount on an empty cart exceeds its total', () => {
    expectDomainError(
      () => priceCart({ lines: [], cartDiscount: { kind: 'amount', amount: 1 }, pricesIncludeTax: true }),
      'DISCOUNT_EXCEEDS_TOTAL',
    );
  });

  it('a line discount equal to the line is allowed, one cent more is not', () => {
    const free = priceCart({
      lines: [
        line({ id: 'a', unitPrice: 5000, qtyMilli: 2000, discount: { kind: 'amount', amount: 10000 } }),
      ],
      pricesIncludeTax: true,
    });
    expect(free.lines[0]?.amount).toBe(0);
    const error = expectDomainError(
      () =>
        priceCart({
          lines: [
            line({
              id: 'a',
              name: 'Sugar 1kg',
              unitPrice: 5000,
              qtyMilli: 2000,
              discount: { kind: 'amount', amount: 10001 },
            }),
          ],
          pricesIncludeTax: true,
        }),
      'DISCOUNT_EXCEEDS_LINE',
      'The discount of 100.01 on "Sugar 1kg" is more than the line\'s 100.00',
    );
    expect(error.details).toEqual({ lineId: 'a', discount: 10001, extended: 10000 });
  });

  it('zero-amount lines take no share of a cart discount', () => {
    const cart = priceCart({
      lines: [
        line({ id: 'free', unitPrice: 0, qtyMilli: 1000 }),
        line({ id: 'a', unitPrice: 1000, qtyMilli: 1000 }),
        line({ id: 'b', unitPrice: 2000, qtyMilli: 1000 }),
      ],
      cartDiscount: { kind: 'amount', amount: 100 },
      pricesIncludeTax: true,
    });
    expect(cart.lines.map((l) => l.cartDiscountShare)).toEqual([0, 33, 67]);
  });
});

describe('priceCart: weighed lines, overrides, zero prices', () => {
  it('prices 1.235 kg at 450.00/kg to 555.75', () => {
    const cart = priceCart({
      lines: [line({ id: 'beef', unitPrice: 45000, qtyMilli: 1235, taxClass: 'zero' })],
      pricesIncludeTax: true,
    });
    expect(cart.lines[0]?.extended).toBe(55575);
    expect(cart.total).toBe(55575);
  });

  it('rounds a weighed line by the rule: 0.125 kg at 36.20/kg = 4.525 → 4.53; 0.333 kg at 99.99 = 33.29667 → 33.30', () => {
    const cart = priceCart({
      lines: [
        line({ id: 'a', unitPrice: 3620, qtyMilli: 125 }),
        line({ id: 'b', unitPrice: 9999, qtyMilli: 333 }),
        line({ id: 'c', unitPrice: 9999, qtyMilli: 1 }),
      ],
      pricesIncludeTax: true,
    });
    expect(cart.lines.map((l) => l.extended)).toEqual([453, 3330, 10]);
    expect(cart.lines.map((l) => [l.net, l.tax])).toEqual([
      [391, 62],
      [2871, 459],
      [9, 1],
    ]);
    expect(cart.total).toBe(3793);
  });

  it('uses a price override instead of the list price and says so', () => {
    const cart = priceCart({
      lines: [
        line({ id: 'a', unitPrice: 10000, qtyMilli: 2000, priceOverride: 8000 }),
        line({ id: 'b', unitPrice: 10000, qtyMilli: 1000, priceOverride: null }),
        line({ id: 'c', unitPrice: 10000, qtyMilli: 1000, priceOverride: 0 }),
        line({ id: 'd', unitPrice: 10000, qtyMilli: 1000, priceOverride: 10000 }),
      ],
      pricesIncludeTax: true,
    });
    expect(cart.lines.map((l) => [l.listUnitPrice, l.unitPrice, l.overridden, l.extended])).toEqual([
      [10000, 8000, true, 16000],
      [10000, 10000, false, 10000],
      [10000, 0, true, 0],
      [10000, 10000, true, 10000],
    ]);
    expect(cart.total).toBe(36000);
  });

  it('allows zero-price lines', () => {
    const cart = priceCart({
      lines: [line({ id: 'bag', unitPrice: 0, qtyMilli: 1000 })],
      pricesIncludeTax: false,
    });
    expect(cart.lines[0]).toMatchObject({ extended: 0, amount: 0, net: 0, tax: 0, gross: 0 });
    expect(cart.total).toBe(0);
  });
});

describe('priceCart: errors', () => {
  it.each([[0], [-1000], [1.5], [Number.NaN]])('refuses quantity %s', (qtyMilli) => {
    expectDomainError(
      () => priceCart({ lines: [line({ id: 'x', unitPrice: 100, qtyMilli })], pricesIncludeTax: true }),
      'INVALID_QUANTITY',
      /quantity of line x must be a positive whole number of thousandths/,
    );
  });

  it('refuses negative or fractional prices and overrides', () => {
    expectDomainError(
      () => priceCart({ lines: [line({ id: 'x', unitPrice: -1, qtyMilli: 1000 })], pricesIncludeTax: true }),
      'INVALID_PRICE',
      'unitPrice of line x must be a whole number of cents ≥ 0, got -1',
    );
    expectDomainError(
      () =>
        priceCart({ lines: [line({ id: 'x', unitPrice: 10.5, qtyMilli: 1000 })], pricesIncludeTax: true }),
      'INVALID_PRICE',
    );
    expectDomainError(
      () =>
        priceCart({
          lines: [line({ id: 'x', unitPrice: 100, qtyMilli: 1000, priceOverride: -5 })],
          pricesIncludeTax: true,
        }),
      'INVALID_PRICE',
      /^priceOverride of line x/,
    );
  });

  it('refuses invalid discounts and unknown tax classes', () => {
    expectDomainError(
      () =>
        priceCart({
          lines: [
            line({
              id: 'x',
              unitPrice: 100,
              qtyMilli: 1000,
              discount: { kind: 'percent', basisPoints: 10001 },
            }),
          ],
          pricesIncludeTax: true,
        }),
      'INVALID_DISCOUNT',
    );
    expectDomainError(
      () =>
        priceCart({
          lines: [line({ id: 'x', unitPrice: 100, qtyMilli: 1000 })],
          cartDiscount: { kind: 'amount', amount: -100 },
          pricesIncludeTax: true,
        }),
      'INVALID_DISCOUNT',
    );
    expectDomainError(
      () =>
        priceCart({
          lines: [line({ id: 'x', unitPrice: 100, qtyMilli: 1000, taxClass: 'luxury' as 'standard' })],
          pricesIncludeTax: true,
        }),
      'UNKNOWN_TAX_CLASS',
    );
  });
});

describe('priceCart: invariants over random carts (seeded)', () => {
  it('totals always reconcile to the cent', () => {
    const random = seededRandom(0x5eed);
    let carts = 0;
    for (let run = 0; run < 1500; run++) {
      const lines = Array.from({ length: seededInt(random, 1, 8) }, (_, i) => {
        const unitPrice = seededInt(random, 0, 500_000);
        const qtyMilli = random() < 0.5 ? seededInt(random, 1, 10) * 1000 : seededInt(random, 1, 5000);
        const extended = Math.round((unitPrice * qtyMilli) / 1000);
        const r = random();
        const discount =
          r < 0.3
            ? { kind: 'percent' as const, basisPoints: seededInt(random, 0, 10000) }
            : r < 0.5
              ? { kind: 'amount' as const, amount: seededInt(random, 0, Math.max(0, extended - 1)) }
              : null;
        return line({
          id: String(i),
          unitPrice,
          qtyMilli,
          discount,
          taxClass: TAX_CLASS_CODES[seededInt(random, 0, TAX_CLASS_CODES.length - 1)]!,
        });
      });
      const pricesIncludeTax = random() < 0.7;
      const withoutCartDiscount = priceCart({ lines, pricesIncludeTax });
      const base = withoutCartDiscount.lines.reduce((a, l) => a + l.amount, 0);
      const cartDiscount =
        random() < 0.5
          ? { kind: 'percent' as const, basisPoints: seededInt(random, 0, 10000) }
          : { kind: 'amount' as const, amount: seededInt(random, 0, base) };
      const cart = priceCart({ lines, cartDiscount, pricesIncludeTax });

      const sum = (f: (l: (typeof cart.lines)[number]) => number): number =>
        cart.lines.reduce((a, l) => a + f(l), 0);
      expect(sum((l) => l.cartDiscountShare)).toBe(cart.cartDiscountTotal);
      expect(sum((l) => l.extended)).toBe(cart.subtotal);
      expect(cart.subtotal - cart.discountTotal).toBe(sum((l) => l.amount));
      expect(cart.netTotal + cart.taxTotal).toBe(cart.total);
      expect(cart.taxBreakdown.reduce((a, r) => a + r.gross, 0)).toBe(cart.total);
      expect(cart.taxBreakdown.reduce((a, r) => a + r.tax, 0)).toBe(cart.taxTotal);
      for (const l of cart.lines) {
        expect(l.amount).toBeGreaterThanOrEqual(0);
        expect(l.net + l.tax).toBe(l.gross);
        expect(pricesIncludeTax ? l.gross : l.net).toBe(l.amount);
        expect(l.discountTotal).toBe(l.lineDiscount + l.cartDiscountShare);
      }
      carts++;
    }
    expect(carts).toBe(1500);
  });
});
