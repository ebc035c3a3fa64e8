// The working state of an open/held sale, stored as JSON in carts.state and rewritten on every change.
// Lines carry a snapshot of what the cashier saw when the item was rung up (name, price, tax class,
// unit), so a catalog pull in the middle of a sale never reprices it.
import type { Discount, PricedCart } from '../../src-shared/domain/cart.js';
import { priceCart } from '../../src-shared/domain/cart.js';
import type { TaxClassCode } from '../../src-shared/domain/tax.js';
import { summarizeTenders, type TenderMethod, type TenderSummary } from '../../src-shared/domain/tender.js';

export interface CartLineState {
  /** Becomes the sale_lines id on completion. */
  id: string;
  productId: string;
  sku: string;
  name: string;
  /** List price per unit when the item was added. */
  unitPrice: number;
  qtyMilli: number;
  taxClass: TaxClassCode;
  unit: string | null;
  /** Fractions allowed (weighed product, fractional unit, or a weighed label). */
  fractional: boolean;
  soldByWeight: boolean;
  trackStock: boolean;
  /** The product's reorder level when added (for the stock alert at completion). */
  reorderLevelMilli: number;
  scannedCode: string | null;
  /** From a weighed/priced label: a line of its own, never merged with another scan. */
  fromLabel: boolean;
  priceOverride: number | null;
  overrideReason: string | null;
  overrideApprovedBy: string | null;
  discount: Discount | null;
  discountReason: string | null;
  discountApprovedBy: string | null;
}

export interface CartTenderState {
  /** Becomes the sale_payments id on completion. */
  id: string;
  method: TenderMethod;
  amount: number;
  reference: string | null;
  createdAt: string;
}

export interface CartState {
  v: 1;
  lines: CartLineState[];
  cartDiscount: Discount | null;
  cartDiscountReason: string | null;
  cartDiscountApprovedBy: string | null;
  tenders: CartTenderState[];
}

export function emptyCartState(): CartState {
  return {
    v: 1,
    lines: [],
    cartDiscount: null,
    cartDiscountReason: null,
    cartDiscountApprovedBy: null,
    tenders: [],
  };
}

/** The stored JSON as a CartState (a row written by this version; unknown shapes start empty rather than crash). */
export function readCartState(stored: unknown): CartState {
  if (stored && typeof stored === 'object' && (stored as { v?: unknown }).v === 1) return stored as CartState;
  return emptyCartState();
}

export interface StorePricing {
  pricesIncludeTax: boolean;
  cashRoundingStep: number;
}

export interface PricedCartState {
  priced: PricedCart;
  payment: TenderSummary;
}

/** Prices the cart (domain priceCart) and summarises its tenders (domain summarizeTenders). */
export function priceCartState(state: CartState, store: StorePricing): PricedCartState {
  const priced = priceCart({
    lines: state.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      name: l.name,
      unitPrice: l.unitPrice,
      qtyMilli: l.qtyMilli,
      taxClass: l.taxClass,
      priceOverride: l.priceOverride,
      discount: l.discount,
    })),
    cartDiscount: state.cartDiscount,
    pricesIncludeTax: store.pricesIncludeTax,
  });
  const payment = summarizeTenders({
    total: priced.total,
    cashRoundingStep: store.cashRoundingStep,
    tenders: state.tenders,
  });
  return { priced, payment };
}
