// Creating a sale through the REST API: validate the references, price the lines with priceCart, take
// the next gapless receipt number of the store, book the stock out and audit — all in the caller's
// transaction.
import { eq, inArray } from 'drizzle-orm';
import { newId } from '../../src-shared/domain/ids.js';
import { QTY_ONE } from '../../src-shared/domain/quantity.js';
import { writeAudit, type AuditActor } from '../db/audit.js';
import { products, units } from '../db/schema/catalog.js';
import { clients } from '../db/schema/parties.js';
import { salesDetails, salesHeaders } from '../db/schema/sales.js';
import { receiptCounters, stores } from '../db/schema/stores.js';
import type { Tx } from '../db/transaction.js';
import { fieldError, invalidPk, permissionDenied } from '../http/errors.js';
import { holdOpenSession } from './cash-session-hold.js';
import { applyStockMovements } from './stock.js';
import { priceLines, totalsColumns, type LineDraft } from './sales-pricing.js';
import { headerApi, type SalesHeaderOut } from './sales-read.js';

export interface SaleLineInput {
  product: string;
  /** qtyMilli */
  quantity: number;
  unit_price?: number | undefined;
  discount?: number | undefined;
}

export interface SaleInput {
  store: string;
  session?: string | null | undefined;
  client?: string | null | undefined;
  details: readonly SaleLineInput[];
}

export interface SaleActor extends AuditActor {
  userId: string;
  /** Managers and owners may sell at a price other than the product's. */
  mayOverridePrice: boolean;
}

/** "<store code>-000123": the store's next number, taken under the counter row's lock. */
async function nextReceiptNumber(tx: Tx, storeId: string, storeCode: string): Promise<string> {
  let [counter] = await tx
    .select({ next: receiptCounters.nextNumber })
    .from(receiptCounters)
    .where(eq(receiptCounters.storeId, storeId))
    .for('update');
  if (!counter) {
    // A store made outside the API may lack its counter: create it (the upsert locks the row too).
    await tx
      .insert(receiptCounters)
      .values({ storeId, nextNumber: 1 })
      .onDuplicateKeyUpdate({ set: { storeId } });
    [counter] = await tx
      .select({ next: receiptCounters.nextNumber })
      .from(receiptCounters)
      .where(eq(receiptCounters.storeId, storeId))
      .for('update');
  }
  const number = counter?.next ?? 1;
  await tx
    .update(receiptCounters)
    .set({ nextNumber: number + 1, updatedAt: new Date() })
    .where(eq(receiptCounters.storeId, storeId));
  return `${storeCode}-${String(number).padStart(6, '0')}`;
}

async function checkClient(tx: Tx, clientId: string): Promise<void> {
  const [client] = await tx
    .select({ isActive: clients.isActive })
    .from(clients)
    .where(eq(clients.id, clientId));
  if (!client) throw fieldError('client', invalidPk(clientId));
  if (!client.isActive) throw fieldError('client', 'This client is inactive.');
}

async function draftLines(tx: Tx, input: SaleInput, actor: SaleActor) {
  const ids = [...new Set(input.details.map((d) => d.product))];
  const rows = await tx
    .select({ product: products, allowsFraction: units.allowsFraction })
    .from(products)
    .leftJoin(units, eq(units.id, products.unitId))
    .where(inArray(products.id, ids));
  const byId = new Map(rows.map((r) => [r.product.id, r]));
  return input.details.map((line, i): { draft: LineDraft; sku: string } => {
    const found = byId.get(line.product);
    if (!found) throw fieldError(`details.${i}.product`, invalidPk(line.product));
    const { product } = found;
    if (!product.isActive)
      throw fieldError(`details.${i}.product`, 'This product is not for sale (inactive).');
    const fractional = line.quantity % QTY_ONE !== 0;
    if (fractional && !product.soldByWeight && !found.allowsFraction) {
      throw fieldError(`details.${i}.quantity`, 'This product is sold in whole units.');
    }
    const override =
      line.unit_price !== undefined && line.unit_price !== product.price ? line.unit_price : null;
    if (override !== null && !actor.mayOverridePrice) {
      throw permissionDenied(
        `Only a manager or owner may sell at a price other than the product's (details.${i}.unit_price).`,
      );
    }
    return {
      sku: product.sku,
      draft: {
        id: newId(),
        productId: product.id,
        name: product.name,
        listUnitPrice: product.price,
        override,
        qtyMilli: line.quantity,
        taxClass: product.taxClass,
        discount: line.discount ?? 0,
      },
    };
  });
}

/** Creates the sale; returns it as the API shows it. */
export async function createSale(tx: Tx, input: SaleInput, actor: SaleActor): Promise<SalesHeaderOut> {
  const [store] = await tx.select().from(stores).where(eq(stores.id, input.store));
  if (!store) throw fieldError('store', invalidPk(input.store));
  if (!store.isActive) throw fieldError('store', 'This store is inactive.');
  const session = input.session ? await holdOpenSession(tx, input.session, store.id) : null;
  if (input.client) await checkClient(tx, input.client);
  const lines = await draftLines(tx, input, actor);
  const cart = priceLines(
    lines.map((l) => l.draft),
    store.pricesIncludeTax,
    (i, field) => `details.${i}.${field}`,
  );

  const receiptNumber = await nextReceiptNumber(tx, store.id, store.code);
  const headerId = newId();
  await tx.insert(salesHeaders).values({
    id: headerId,
    storeId: store.id,
    terminalId: session?.terminalId ?? null,
    sessionId: session?.id ?? null,
    clientId: input.client ?? null,
    userId: actor.userId,
    receiptNumber,
    businessDate: session?.businessDate ?? new Date().toISOString().slice(0, 10),
    currency: store.currency,
    pricesIncludeTax: store.pricesIncludeTax,
    ...totalsColumns(cart),
    balanceDue: cart.total,
    paymentStatus: cart.total === 0 ? 'paid' : 'unpaid',
  });
  await tx.insert(salesDetails).values(
    cart.lines.map((priced, i) => ({
      id: priced.id,
      headerId,
      lineNo: i + 1,
      productId: priced.productId,
      sku: lines[i]?.sku ?? '',
      name: priced.name,
      quantity: priced.qtyMilli,
      listUnitPrice: priced.listUnitPrice,
      unitPrice: priced.unitPrice,
      discount: priced.lineDiscount,
      taxClass: priced.taxClass,
      taxRateBp: priced.rateBp,
      net: priced.net,
      tax: priced.tax,
      gross: priced.gross,
      overridden: priced.overridden,
    })),
  );
  await applyStockMovements(
    tx,
    cart.lines.map((priced) => ({
      storeId: store.id,
      productId: priced.productId,
      qtyMilli: -priced.qtyMilli,
      reason: 'sale' as const,
      referenceType: 'sales_header',
      referenceId: headerId,
      userId: actor.userId,
    })),
  );

  const out = await headerApi(tx, headerId);
  await writeAudit(tx, actor, {
    action: 'create',
    modelName: 'sales_header',
    objectId: headerId,
    storeId: store.id,
    after: out,
  });
  for (const detail of out.details.filter((d) => d.overridden)) {
    await writeAudit(tx, actor, {
      action: 'price_override',
      modelName: 'sales_detail',
      objectId: detail.id,
      storeId: store.id,
      reason: 'Price set when the sale was made',
      before: { unit_price: detail.list_unit_price },
      after: { unit_price: detail.unit_price },
    });
  }
  return out;
}
