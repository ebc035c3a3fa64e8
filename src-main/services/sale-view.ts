// SaleView of an open/held cart (priced now by the domain) — completed sales are read in sale-read.ts.
import type {
  SaleClientView,
  SaleLineView,
  SaleStatus,
  SaleTotals,
  SaleView,
} from '../../src-shared/contract/sale.js';
import type { PricedCart } from '../../src-shared/domain/cart.js';
import type { LoadedCart } from './cart-store.js';
import type { PricedCartState } from './cart-state.js';

export function totalsOf(priced: PricedCart): SaleTotals {
  return {
    subtotal: priced.subtotal,
    lineDiscountTotal: priced.lineDiscountTotal,
    cartDiscountTotal: priced.cartDiscountTotal,
    discountTotal: priced.discountTotal,
    netTotal: priced.netTotal,
    taxTotal: priced.taxTotal,
    total: priced.total,
    taxBreakdown: priced.taxBreakdown,
  };
}

export function cartLineViews(cart: LoadedCart, priced: PricedCart): SaleLineView[] {
  return priced.lines.map((p, i): SaleLineView => {
    const l = cart.state.lines[i];
    if (!l || l.id !== p.id) throw new Error('priced lines out of step with the cart');
    return {
      id: p.id,
      lineNo: i + 1,
      productId: p.productId,
      sku: l.sku,
      name: p.name,
      qtyMilli: p.qtyMilli,
      unit: l.unit,
      soldByWeight: l.soldByWeight,
      scannedCode: l.scannedCode,
      listUnitPrice: p.listUnitPrice,
      unitPrice: p.unitPrice,
      overridden: p.overridden,
      overrideReason: l.overrideReason,
      discount: l.discount,
      discountReason: l.discountReason,
      extended: p.extended,
      lineDiscount: p.lineDiscount,
      cartDiscountShare: p.cartDiscountShare,
      discountTotal: p.discountTotal,
      taxClass: p.taxClass,
      band: p.band,
      rateBp: p.rateBp,
      net: p.net,
      tax: p.tax,
      gross: p.gross,
      refundedQtyMilli: 0,
    };
  });
}

export interface CartViewInput {
  cart: LoadedCart;
  pricing: PricedCartState;
  currency: string;
  pricesIncludeTax: boolean;
  client: SaleClientView | null;
  /** Overrides the row status (a cancelled cart is gone from the table). */
  status?: SaleStatus;
}

export function cartView(input: CartViewInput): SaleView {
  const { cart, pricing } = input;
  const { row, state } = cart;
  return {
    id: row.id,
    status: input.status ?? row.status,
    receiptNumber: null,
    terminalId: row.terminalId,
    sessionId: row.sessionId,
    userId: row.userId,
    currency: input.currency,
    pricesIncludeTax: input.pricesIncludeTax,
    client: input.client,
    lines: cartLineViews(cart, pricing.priced),
    cartDiscount: state.cartDiscount,
    cartDiscountReason: state.cartDiscountReason,
    tenders: state.tenders.map((t) => ({
      id: t.id,
      method: t.method,
      amount: t.amount,
      reference: t.reference,
      createdAt: t.createdAt,
    })),
    totals: totalsOf(pricing.priced),
    payment: pricing.payment,
    holdNote: row.holdNote,
    startedAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: null,
    businessDate: null,
    void: null,
  };
}
