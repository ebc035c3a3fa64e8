/**
 * Cart pricing: list/override prices × quantities, line discounts, a cart discount spread over the
 * lines, and per-line tax (see THE TAX RULE in ./tax.ts). Pure and deterministic: the same input always
 * prices to the same cents, so the till UI, the sale service and the cloud agree.
 *
 * Order of operations, per line:
 *   extended   = round(unitPrice × qtyMilli / 1000)               unitPrice = override ?? list price
 *   lineDisc   = the line's discount on `extended` (percent rounded by the rule), ≤ extended
 *   cartShare  = the line's share of the cart discount, allocated over the post-line-discount amounts
 *                with the largest-remainder method, so the shares sum exactly to the cart discount
 *   amount     = extended − lineDisc − cartShare                  (gross if prices include tax, else net)
 *   net/tax/gross = splitTax(amount, rate, pricesIncludeTax)
 */
import { DomainError } from './errors.js';
import {
  allocateProportionally,
  assertMinor,
  formatMoney,
  multiplyByQty,
  percentOfAmount,
  sumMinor,
} from './money.js';
import type { Minor } from './money.js';
import { splitTax, taxBreakdown, taxClass } from './tax.js';
import type { EtimsBand, TaxBreakdownRow, TaxClass, TaxClassCode } from './tax.js';

export type Discount = { kind: 'amount'; amount: Minor } | { kind: 'percent'; basisPoints: number };

export interface CartLineInput {
  id: string;
  productId: string;
  name: string;
  unitPrice: Minor;
  qtyMilli: number;
  taxClass: TaxClassCode;
  priceOverride?: Minor | null;
  discount?: Discount | null;
}

export interface CartInput {
  lines: readonly CartLineInput[];
  cartDiscount?: Discount | null;
  pricesIncludeTax: boolean;
}

export interface PricedLine {
  id: string;
  productId: string;
  name: string;
  qtyMilli: number;
  taxClass: TaxClassCode;
  band: EtimsBand;
  rateBp: number;
  listUnitPrice: Minor;
  /** The override when one is given, else the list price. */
  unitPrice: Minor;
  /** True when a price override was given (even one equal to the list price). */
  overridden: boolean;
  /** unitPrice × qty, rounded by the rule. */
  extended: Minor;
  lineDiscount: Minor;
  cartDiscountShare: Minor;
  discountTotal: Minor;
  /** extended − discounts: the line's price basis (gross if prices include tax, net otherwise). */
  amount: Minor;
  net: Minor;
  tax: Minor;
  /** What the customer pays for the line. */
  gross: Minor;
}

export interface PricedCart {
  lines: PricedLine[];
  /** Σ extended. */
  subtotal: Minor;
  lineDiscountTotal: Minor;
  cartDiscountTotal: Minor;
  discountTotal: Minor;
  netTotal: Minor;
  taxTotal: Minor;
  /** Σ gross: what the customer pays. */
  total: Minor;
  taxBreakdown: TaxBreakdownRow[];
  pricesIncludeTax: boolean;
}

export const MAX_DISCOUNT_BP = 10_000;

/**
 * The discount in minor units on `base`: an amount discount is its amount; a percent discount is
 * round(base × basisPoints / 10000) by the rule. Does not cap: callers compare with what it applies to.
 * Negative amounts, percentages outside 0..10000 bp or unknown kinds → DomainError('INVALID_DISCOUNT').
 */
export function discountAmount(base: Minor, discount: Discount): Minor {
  assertMinor(base, 'base');
  const d: { kind?: unknown; amount?: unknown; basisPoints?: unknown } = discount;
  if (d.kind === 'amount') {
    if (typeof d.amount !== 'number' || !Number.isSafeInteger(d.amount) || d.amount < 0) {
      throw new DomainError(
        'INVALID_DISCOUNT',
        `A discount amount must be a whole number of cents ≥ 0, got ${String(d.amount)}`,
        { discount },
      );
    }
    return d.amount;
  }
  if (d.kind === 'percent') {
    if (
      typeof d.basisPoints !== 'number' ||
      !Number.isSafeInteger(d.basisPoints) ||
      d.basisPoints < 0 ||
      d.basisPoints > MAX_DISCOUNT_BP
    ) {
      throw new DomainError(
        'INVALID_DISCOUNT',
        `A percentage discount must be 0 to 10000 basis points (0–100 %), got ${String(d.basisPoints)}`,
        { discount },
      );
    }
    return percentOfAmount(base, d.basisPoints);
  }
  const kind = typeof d.kind === 'string' ? `"${d.kind}"` : typeof d.kind;
  throw new DomainError('INVALID_DISCOUNT', `Unknown discount kind ${kind}: use "amount" or "percent"`, {
    discount,
  });
}

interface LineBeforeCartDiscount {
  input: CartLineInput;
  cls: TaxClass;
  listUnitPrice: Minor;
  unitPrice: Minor;
  overridden: boolean;
  extended: Minor;
  lineDiscount: Minor;
  afterLineDiscount: Minor;
}

function assertPrice(value: unknown, field: string, lineId: string): Minor {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DomainError(
      'INVALID_PRICE',
      `${field} of line ${lineId} must be a whole number of cents ≥ 0, got ${String(value)}`,
      {
        lineId,
        field,
        value,
      },
    );
  }
  return value;
}

function priceLineBeforeCartDiscount(line: CartLineInput): LineBeforeCartDiscount {
  const qty: unknown = line.qtyMilli;
  if (typeof qty !== 'number' || !Number.isSafeInteger(qty) || qty <= 0) {
    throw new DomainError(
      'INVALID_QUANTITY',
      `The quantity of line ${line.id} must be a positive whole number of thousandths, got ${String(qty)}`,
      { lineId: line.id, qtyMilli: qty },
    );
  }
  const cls = taxClass(line.taxClass);
  const listUnitPrice = assertPrice(line.unitPrice, 'unitPrice', line.id);
  const overridden = line.priceOverride !== undefined && line.priceOverride !== null;
  const unitPrice = overridden ? assertPrice(line.priceOverride, 'priceOverride', line.id) : listUnitPrice;
  const extended = multiplyByQty(unitPrice, qty);
  const lineDiscount = line.discount ? discountAmount(extended, line.discount) : 0;
  if (lineDiscount > extended) {
    throw new DomainError(
      'DISCOUNT_EXCEEDS_LINE',
      `The discount of ${formatMoney(lineDiscount)} on "${line.name}" is more than the line's ${formatMoney(extended)}`,
      { lineId: line.id, discount: lineDiscount, extended },
    );
  }
  return {
    input: line,
    cls,
    listUnitPrice,
    unitPrice,
    overridden,
    extended,
    lineDiscount,
    afterLineDiscount: extended - lineDiscount,
  };
}

/** Prices a cart (see the module header for the order of operations). An empty cart is all zeros. */
export function priceCart(input: CartInput): PricedCart {
  const staged = input.lines.map(priceLineBeforeCartDiscount);
  const afterLineDiscounts = staged.map((l) => l.afterLineDiscount);
  const discountBase = sumMinor(afterLineDiscounts);
  const cartDiscountTotal = input.cartDiscount ? discountAmount(discountBase, input.cartDiscount) : 0;
  if (cartDiscountTotal > discountBase) {
    throw new DomainError(
      'DISCOUNT_EXCEEDS_TOTAL',
      `The cart discount of ${formatMoney(cartDiscountTotal)} is more than the ${formatMoney(discountBase)} being discounted`,
      { discount: cartDiscountTotal, total: discountBase },
    );
  }
  const shares = allocateProportionally(cartDiscountTotal, afterLineDiscounts);

  const lines = staged.map((l, i): PricedLine => {
    const { cls } = l;
    const cartDiscountShare = shares[i] ?? 0;
    const amount = l.afterLineDiscount - cartDiscountShare;
    const { net, tax, gross } = splitTax(amount, cls.rateBp, input.pricesIncludeTax);
    return {
      id: l.input.id,
      productId: l.input.productId,
      name: l.input.name,
      qtyMilli: l.input.qtyMilli,
      taxClass: cls.code,
      band: cls.band,
      rateBp: cls.rateBp,
      listUnitPrice: l.listUnitPrice,
      unitPrice: l.unitPrice,
      overridden: l.overridden,
      extended: l.extended,
      lineDiscount: l.lineDiscount,
      cartDiscountShare,
      discountTotal: l.lineDiscount + cartDiscountShare,
      amount,
      net,
      tax,
      gross,
    };
  });

  const lineDiscountTotal = sumMinor(lines.map((l) => l.lineDiscount));
  return {
    lines,
    subtotal: sumMinor(lines.map((l) => l.extended)),
    lineDiscountTotal,
    cartDiscountTotal,
    discountTotal: lineDiscountTotal + cartDiscountTotal,
    netTotal: sumMinor(lines.map((l) => l.net)),
    taxTotal: sumMinor(lines.map((l) => l.tax)),
    total: sumMinor(lines.map((l) => l.gross)),
    taxBreakdown: taxBreakdown(lines),
    pricesIncludeTax: input.pricesIncludeTax,
  };
}
