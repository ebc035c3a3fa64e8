// A refund document as the screen shows it, with its receipt (the shared ReceiptModel, kind 'refund').
import { eq, inArray } from 'drizzle-orm';
import type { ReceiptLine } from '../../src-shared/contract/receipt.js';
import type { RefundLineView, RefundView } from '../../src-shared/contract/refund.js';
import { multiplyByQty, sumMinor } from '../../src-shared/domain/money.js';
import { taxBreakdown, taxClass, type TaxBreakdownRow } from '../../src-shared/domain/tax.js';
import type { ReadDb } from '../ledger/connection.js';
import { clients, products, units } from '../ledger/schema/catalog.js';
import { refundLines, refundPayments, refunds, saleLines, sales } from '../ledger/schema/sales.js';
import { buildReceiptModel, receiptQtyDisplay } from './receipt.js';
import { userName } from './report-figures.js';
import { loadStore } from './sale-settings.js';

type SoldLine = typeof saleLines.$inferSelect;

function unitsOf(db: ReadDb, productIds: string[]) {
  if (productIds.length === 0) return new Map<string, { unit: string | null; soldByWeight: boolean }>();
  const rows = db
    .select({ id: products.id, unit: units.symbol, soldByWeight: products.soldByWeight })
    .from(products)
    .leftJoin(units, eq(units.id, products.unitId))
    .where(inArray(products.id, productIds))
    .all();
  return new Map(rows.map((r) => [r.id, { unit: r.unit, soldByWeight: r.soldByWeight }]));
}

/**
 * A refund line on the receipt: the price it was sold at × the quantity returned, and the discount that
 * quantity had (the difference to what is paid back), so subtotal − discounts = the refund's amounts.
 */
function receiptLine(
  line: RefundLineView,
  sold: SoldLine,
  unit: { unit: string | null; soldByWeight: boolean } | undefined,
  pricesIncludeTax: boolean,
): ReceiptLine {
  const extended = multiplyByQty(sold.unitPrice, line.qtyMilli);
  const amount = pricesIncludeTax ? line.gross : line.net;
  return {
    name: sold.name,
    sku: sold.sku,
    qtyMilli: line.qtyMilli,
    qtyDisplay: receiptQtyDisplay(line.qtyMilli, unit?.unit ?? null, unit?.soldByWeight ?? false),
    unit: unit?.unit ?? null,
    unitPrice: sold.unitPrice,
    listUnitPrice: sold.listUnitPrice,
    overridden: sold.overridden,
    extended,
    discount: Math.max(extended - amount, 0),
    lineTotal: line.gross,
    taxClass: taxClass(sold.taxClass).code,
    band: taxClass(sold.taxClass).band,
  };
}

/** The refund `refundId`, or undefined when there is none. */
export function refundView(db: ReadDb, refundId: string, terminalCode: string): RefundView | undefined {
  const refund = db.select().from(refunds).where(eq(refunds.id, refundId)).get();
  if (!refund) return undefined;
  const sale = db.select().from(sales).where(eq(sales.id, refund.saleId)).get();
  if (!sale) throw new Error(`refund ${refund.id} refers to a missing sale ${refund.saleId}`);
  const rows = db
    .select({ line: refundLines, sold: saleLines })
    .from(refundLines)
    .innerJoin(saleLines, eq(refundLines.saleLineId, saleLines.id))
    .where(eq(refundLines.refundId, refundId))
    .orderBy(saleLines.lineNo)
    .all();
  const lines: RefundLineView[] = rows.map(({ line, sold }) => ({
    id: line.id,
    saleLineId: line.saleLineId,
    productId: line.productId,
    sku: sold.sku,
    name: sold.name,
    qtyMilli: line.qtyMilli,
    unitPrice: sold.unitPrice,
    taxClass: line.taxClass,
    band: sold.band,
    rateBp: sold.rateBp,
    net: line.net,
    tax: line.tax,
    gross: line.gross,
  }));
  const payments = db
    .select({
      id: refundPayments.id,
      method: refundPayments.method,
      amount: refundPayments.amount,
      reference: refundPayments.reference,
    })
    .from(refundPayments)
    .where(eq(refundPayments.refundId, refundId))
    .all();
  const breakdown: TaxBreakdownRow[] = taxBreakdown(
    lines.map((l) => ({ ...l, taxClass: taxClass(l.taxClass).code })),
  );
  const cashier = userName(db, refund.userId);
  const soldById = new Map(rows.map(({ sold }) => [sold.id, sold]));
  const unitMap = unitsOf(
    db,
    lines.map((l) => l.productId),
  );
  const receiptLines = lines.map((line) => {
    const sold = soldById.get(line.saleLineId);
    if (!sold) throw new Error(`refund line ${line.id} lost its sale line`);
    return receiptLine(line, sold, unitMap.get(sold.productId), sale.pricesIncludeTax);
  });
  const client = sale.clientId
    ? db.select().from(clients).where(eq(clients.id, sale.clientId)).get()
    : undefined;
  const receipt = buildReceiptModel({
    kind: 'refund',
    documentId: refund.id,
    receiptNumber: refund.refundNumber,
    originalReceiptNumber: sale.receiptNumber,
    copy: false,
    store: loadStore(db, refund.storeId),
    terminalCode,
    cashier: cashier.name,
    timestamp: refund.createdAt,
    businessDate: refund.businessDate,
    pricesIncludeTax: sale.pricesIncludeTax,
    lines: receiptLines,
    subtotal: sumMinor(receiptLines.map((l) => l.extended)),
    discountTotal: sumMinor(receiptLines.map((l) => l.discount)),
    netTotal: refund.netTotal,
    taxTotal: refund.taxTotal,
    taxes: breakdown,
    total: refund.total,
    rounding: 0,
    tenders: payments,
    change: 0,
    client: client ? { name: client.name, phone: client.phone, kraPin: client.kraPin } : null,
  });
  return {
    id: refund.id,
    refundNumber: refund.refundNumber,
    saleId: refund.saleId,
    receiptNumber: sale.receiptNumber,
    sessionId: refund.sessionId,
    businessDate: refund.businessDate,
    createdAt: refund.createdAt,
    cashier,
    approvedBy: userName(db, refund.approvedBy),
    reason: refund.reason,
    terminalCode,
    lines,
    payments,
    taxBreakdown: breakdown,
    netTotal: refund.netTotal,
    taxTotal: refund.taxTotal,
    total: refund.total,
    receipt,
  };
}
