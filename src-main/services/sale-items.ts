// Lines of an open sale: add (by id or code), quantity, line/cart discounts, price override, line void.
// Discounts, overrides and line voids need a manager (or a manager's approval) and are audited with
// their reason, before and after.
import { TillError } from '../../src-shared/contract/errors.js';
import type { ProductView, ScanInfo } from '../../src-shared/contract/catalog.js';
import type { MethodParsedInput } from '../../src-shared/contract/method.js';
import type { saleMethods, SaleView } from '../../src-shared/contract/sale.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatQuantityDisplay, QTY_ONE } from '../../src-shared/domain/quantity.js';
import { requireManagerApproval } from './approvals.js';
import { beginChange, commitChange, requireLine, withIdentity, type CartChange } from './cart-change.js';
import { priceCartState, type CartLineState } from './cart-state.js';
import { findProductView, lookupCode } from './catalog-queries.js';
import type { CommandContext } from './context.js';
import { writeAudit } from './ledger-writes.js';

type In<K extends keyof typeof saleMethods> = MethodParsedInput<(typeof saleMethods)[K]>;

function assertQuantityFits(line: Pick<CartLineState, 'name' | 'fractional'>, qtyMilli: number): void {
  if (!line.fractional && qtyMilli % QTY_ONE !== 0) {
    throw new TillError(
      'INVALID_QUANTITY',
      `${line.name} is sold in whole units, not ${formatQuantityDisplay(qtyMilli)}.`,
      { details: { qtyMilli } },
    );
  }
}

function productFor(
  ctx: CommandContext,
  change: CartChange,
  input: In<'sale.addItem'>,
): { product: ProductView; scan: ScanInfo | null } {
  if (input.code !== undefined) {
    const { weighedLayout, minorDigits } = change.store;
    return lookupCode(ctx.db, input.code, weighedLayout, minorDigits);
  }
  const product = input.productId === undefined ? undefined : findProductView(ctx.db, input.productId);
  if (!product)
    throw new TillError('NOT_FOUND', 'No such product.', { details: { productId: input.productId } });
  return { product, scan: null };
}

export function addItem(ctx: CommandContext, input: In<'sale.addItem'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const { product, scan } = productFor(ctx, change, input);
  if (!product.isActive) {
    throw new TillError('PRODUCT_INACTIVE', `${product.name} is no longer sold (inactive in the catalog).`, {
      details: { productId: product.id },
    });
  }
  const fromLabel = scan?.match === 'weighed' && scan.qtyMilli !== null;
  let qtyMilli: number;
  if (fromLabel) {
    if (input.qtyMilli !== undefined && input.qtyMilli !== scan.qtyMilli) {
      throw new TillError('VALIDATION_FAILED', 'The scale label already gives the quantity.', {
        fieldErrors: { qtyMilli: ['the scale label already gives the quantity'] },
      });
    }
    qtyMilli = scan.qtyMilli ?? 0;
  } else if (product.soldByWeight) {
    if (input.qtyMilli === undefined) {
      throw new TillError(
        'WEIGHT_REQUIRED',
        `Weigh the ${product.name} and enter the weight (or scan the scale label).`,
        {
          details: { productId: product.id },
        },
      );
    }
    qtyMilli = input.qtyMilli;
  } else {
    qtyMilli = input.qtyMilli ?? QTY_ONE;
  }
  const fractional = fromLabel || product.soldByWeight || product.allowsFraction;
  assertQuantityFits({ name: product.name, fractional }, qtyMilli);

  const lines = change.cart.state.lines;
  const same =
    fromLabel || product.soldByWeight
      ? undefined
      : lines.find(
          (l) =>
            l.productId === product.id && !l.fromLabel && l.priceOverride === null && l.discount === null,
        );
  if (same) {
    same.qtyMilli += qtyMilli;
  } else {
    lines.push({
      id: newId(),
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unitPrice: product.price,
      qtyMilli,
      taxClass: product.taxClass,
      unit: product.unit,
      fractional,
      soldByWeight: product.soldByWeight,
      trackStock: product.trackStock,
      reorderLevelMilli: product.reorderLevelMilli,
      scannedCode: scan?.code ?? null,
      fromLabel,
      priceOverride: null,
      overrideReason: null,
      overrideApprovedBy: null,
      discount: null,
      discountReason: null,
      discountApprovedBy: null,
    });
  }
  return commitChange(ctx, change);
}

export function setQuantity(ctx: CommandContext, input: In<'sale.setQuantity'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const line = requireLine(change, input.lineId);
  assertQuantityFits(line, input.qtyMilli);
  line.qtyMilli = input.qtyMilli;
  return commitChange(ctx, change);
}

export function setLineDiscount(ctx: CommandContext, input: In<'sale.setLineDiscount'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const line = requireLine(change, input.lineId);
  const before = { lineId: line.id, name: line.name, discount: line.discount };
  const approvedBy = input.discount ? requireManagerApproval(ctx, input.approval, 'A discount') : null;
  line.discount = input.discount;
  line.discountReason = input.discount ? (input.reason ?? null) : null;
  line.discountApprovedBy = approvedBy;
  const view = commitChange(ctx, change);
  const priced = view.lines.find((l) => l.id === line.id);
  writeAudit(withIdentity(ctx, change.identity), {
    action: 'line_discount',
    model: 'sale',
    objectId: input.saleId,
    reason: input.reason ?? null,
    approvedBy,
    before,
    after: { lineId: line.id, name: line.name, discount: input.discount, amount: priced?.lineDiscount ?? 0 },
  });
  return view;
}

export function setCartDiscount(ctx: CommandContext, input: In<'sale.setCartDiscount'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const { state } = change.cart;
  const before = { discount: state.cartDiscount };
  const approvedBy = input.discount ? requireManagerApproval(ctx, input.approval, 'A discount') : null;
  state.cartDiscount = input.discount;
  state.cartDiscountReason = input.discount ? (input.reason ?? null) : null;
  state.cartDiscountApprovedBy = approvedBy;
  const view = commitChange(ctx, change);
  writeAudit(withIdentity(ctx, change.identity), {
    action: 'cart_discount',
    model: 'sale',
    objectId: input.saleId,
    reason: input.reason ?? null,
    approvedBy,
    before,
    after: { discount: input.discount, amount: view.totals.cartDiscountTotal },
  });
  return view;
}

export function overridePrice(ctx: CommandContext, input: In<'sale.overridePrice'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const line = requireLine(change, input.lineId);
  const approvedBy = requireManagerApproval(ctx, input.approval, 'A price override');
  const before = {
    lineId: line.id,
    name: line.name,
    listUnitPrice: line.unitPrice,
    unitPrice: line.priceOverride ?? line.unitPrice,
  };
  line.priceOverride = input.unitPrice;
  line.overrideReason = input.unitPrice === null ? null : input.reason;
  line.overrideApprovedBy = input.unitPrice === null ? null : approvedBy;
  const view = commitChange(ctx, change);
  writeAudit(withIdentity(ctx, change.identity), {
    action: 'price_override',
    model: 'sale',
    objectId: input.saleId,
    reason: input.reason,
    approvedBy,
    before,
    after: {
      lineId: line.id,
      name: line.name,
      listUnitPrice: line.unitPrice,
      unitPrice: input.unitPrice ?? line.unitPrice,
    },
  });
  return view;
}

export function voidLine(ctx: CommandContext, input: In<'sale.voidLine'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const line = requireLine(change, input.lineId);
  const approvedBy = requireManagerApproval(ctx, input.approval, 'Removing a line');
  const state = change.cart.state;
  const pricedBefore = priceCartState(state, change.store).priced.lines.find((l) => l.id === line.id);
  state.lines = state.lines.filter((l) => l.id !== line.id);
  const view = commitChange(ctx, change);
  writeAudit(withIdentity(ctx, change.identity), {
    action: 'void_line',
    model: 'sale',
    objectId: input.saleId,
    reason: input.reason,
    approvedBy,
    before: {
      lineId: line.id,
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      qtyMilli: line.qtyMilli,
      unitPrice: line.priceOverride ?? line.unitPrice,
      gross: pricedBefore?.gross ?? null,
    },
    after: { total: view.totals.total },
  });
  return view;
}
