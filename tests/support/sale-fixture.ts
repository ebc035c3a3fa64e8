// Completed (and voided) sales for the session/report/refund tests, rung up through the real sale.* API
// by whoever is logged in; discounts and voids are approved with the demo manager's PIN.
import type { SaleView } from '../../src-shared/contract/sale.js';
import type { Discount } from '../../src-shared/domain/cart.js';
import type { TenderMethod } from '../../src-shared/domain/tender.js';
import type { TestTill } from './test-till.js';

export interface FixtureItem {
  /** A key of t.demo.products (sugar, milk, soda, …). */
  product: string;
  qtyMilli?: number;
  discount?: Discount;
}

export interface FixturePayment {
  method: TenderMethod;
  amount: number;
  reference?: string;
}

export interface FixtureSale {
  id: string;
  receiptNumber: string;
  /** What the customer owed (with any cash rounding). */
  total: number;
  change: number;
  lines: SaleView['lines'];
}

function managerApproval(t: TestTill) {
  return { managerId: t.demo.users.manager.id, pin: t.demo.users.manager.pin };
}

/** Rings up `items`, pays with `payments` and completes the sale in the open session. */
export function completeSale(
  t: TestTill,
  items: FixtureItem[],
  payments: FixturePayment[],
  cartDiscount?: Discount,
): FixtureSale {
  const saleId = t.till.call('sale.start', {}).id;
  for (const item of items) {
    const product = t.demo.products[item.product];
    if (!product) throw new Error(`no demo product ${item.product}`);
    const view = t.till.call('sale.addItem', {
      saleId,
      productId: product.id,
      ...(item.qtyMilli === undefined ? {} : { qtyMilli: item.qtyMilli }),
    });
    if (item.discount) {
      const line = view.lines.find((l) => l.productId === product.id);
      if (!line) throw new Error(`line of ${item.product} missing`);
      t.till.call('sale.setLineDiscount', {
        saleId,
        lineId: line.id,
        discount: item.discount,
        reason: 'test discount',
        approval: managerApproval(t),
      });
    }
  }
  if (cartDiscount) {
    t.till.call('sale.setCartDiscount', {
      saleId,
      discount: cartDiscount,
      reason: 'test discount',
      approval: managerApproval(t),
    });
  }
  for (const p of payments) {
    t.till.call('sale.tender', {
      saleId,
      method: p.method,
      amount: p.amount,
      ...(p.reference === undefined ? {} : { reference: p.reference }),
    });
  }
  const { sale } = t.till.call('sale.complete', { saleId });
  if (sale.receiptNumber === null) throw new Error('a completed sale has a receipt number');
  return {
    id: sale.id,
    receiptNumber: sale.receiptNumber,
    total: sale.payment.due,
    change: sale.payment.change,
    lines: sale.lines,
  };
}

/** Voids a completed sale in the open session, approved by the demo manager. */
export function voidSale(t: TestTill, saleId: string, reason = 'customer changed mind'): void {
  t.till.call('sale.void', { saleId, reason, approval: managerApproval(t) });
}
