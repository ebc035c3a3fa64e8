// Product reads for the till: the ProductView of a product (one indexed statement, no N+1) and the
// resolution of a scanned/typed code to a product (barcode, weighed-item label, SKU).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { LookupResult, ProductView, ScanInfo } from '../../src-shared/contract/catalog.js';
import { TillError } from '../../src-shared/contract/errors.js';
import {
  checkUpcE,
  classifyScan,
  DEFAULT_WEIGHED_LAYOUT,
  type WeighedBarcodeLayout,
} from '../../src-shared/domain/barcode.js';
import { QTY_ONE } from '../../src-shared/domain/quantity.js';
import { mulDivRoundHalfAwayFromZero } from '../../src-shared/domain/rounding.js';
import { taxClass } from '../../src-shared/domain/tax.js';
import type { ReadDb } from '../ledger/connection.js';
import { barcodes, products, units } from '../ledger/schema/catalog.js';
import { stockLevels } from '../ledger/schema/stock.js';
import { perDb } from './sale-prepared.js';

/**
 * On hand = level as of the last pull + local movements the cloud has not acknowledged (the rule of
 * stock-levels.ts), as one correlated subquery on the partial index of unacknowledged movements.
 */
const onHandSql = sql<number>`(coalesce(${stockLevels.qtyMilli}, 0) + coalesce((select sum(m.qty_delta_milli) from stock_movements m where m.product_id = ${products.id} and m.pending = 1), 0))`;
const barcodesSql = sql<
  string | null
>`(select group_concat(b.code, ' ') from barcodes b where b.product_id = ${products.id})`;

export const productViewFields = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  price: products.price,
  taxClass: products.taxClass,
  trackStock: products.trackStock,
  isActive: products.isActive,
  soldByWeight: products.soldByWeight,
  reorderLevel: products.reorderLevel,
  unit: units.symbol,
  allowsFraction: units.allowsFraction,
  onHandMilli: onHandSql,
  barcodes: barcodesSql,
};

export interface ProductViewRow {
  id: string;
  sku: string;
  name: string;
  price: number;
  taxClass: string;
  trackStock: boolean;
  isActive: boolean;
  soldByWeight: boolean;
  reorderLevel: number;
  unit: string | null;
  allowsFraction: boolean | null;
  onHandMilli: number;
  barcodes: string | null;
}

export function toProductView(row: ProductViewRow): ProductView {
  const cls = taxClass(row.taxClass);
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    price: row.price,
    taxClass: cls.code,
    band: cls.band,
    rateBp: cls.rateBp,
    unit: row.unit,
    allowsFraction: row.allowsFraction ?? false,
    soldByWeight: row.soldByWeight,
    trackStock: row.trackStock,
    isActive: row.isActive,
    onHandMilli: row.onHandMilli,
    reorderLevelMilli: row.reorderLevel,
    barcodes: row.barcodes ? row.barcodes.split(' ').sort() : [],
  };
}

const statements = perDb((db: ReadDb) => ({
  productById: db
    .select(productViewFields)
    .from(products)
    .leftJoin(units, eq(units.id, products.unitId))
    .leftJoin(stockLevels, eq(stockLevels.productId, products.id))
    .where(eq(products.id, sql.placeholder('id')))
    .prepare(),
  idByBarcode: db
    .select({ id: barcodes.productId })
    .from(barcodes)
    .where(eq(barcodes.code, sql.placeholder('code')))
    .prepare(),
  idBySku: db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.sku, sql.placeholder('sku')))
    .prepare(),
  idByPlu: db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.plu, sql.placeholder('plu')), sql`${products.plu} is not null`))
    .orderBy(desc(products.isActive))
    .limit(1)
    .prepare(),
}));

/** The ProductView of a product id, or undefined. */
export function findProductView(db: ReadDb, id: string): ProductView | undefined {
  const row = statements(db).productById.get({ id });
  return row ? toProductView(row) : undefined;
}

export function storeWeighedLayout(stored: unknown): WeighedBarcodeLayout {
  if (stored === null || typeof stored !== 'object') return DEFAULT_WEIGHED_LAYOUT;
  return { ...DEFAULT_WEIGHED_LAYOUT, ...(stored as Partial<WeighedBarcodeLayout>) };
}

function byBarcode(db: ReadDb, codes: readonly string[]): string | undefined {
  const s = statements(db);
  for (const code of codes) {
    const hit = s.idByBarcode.get({ code });
    if (hit) return hit.id;
  }
  return undefined;
}

function bySku(db: ReadDb, code: string): string | undefined {
  const s = statements(db);
  const hit =
    s.idBySku.get({ sku: code }) ??
    (code.toUpperCase() !== code ? s.idBySku.get({ sku: code.toUpperCase() }) : undefined);
  return hit?.id;
}

/** The same GTIN as it may be stored: a UPC-A is also an EAN-13 with a leading 0, and back. */
function gtinVariants(code: string): string[] {
  if (code.length === 12) return [code, `0${code}`];
  if (code.length === 13 && code.startsWith('0')) return [code, code.slice(1)];
  return [code];
}

function upcEVariants(code: string): string[] {
  const upcE = checkUpcE(code);
  return upcE.ok ? gtinVariants(upcE.normalized) : [];
}

export interface ResolvedCode {
  productId: string;
  /** Price labels: qtyMilli is derived from the product's price once it is loaded (lookupCode). */
  scan: ScanInfo;
}

function plain(
  productId: string,
  code: string,
  match: ScanInfo['match'],
  gtinKind: ScanInfo['gtinKind'],
): ResolvedCode {
  return {
    productId,
    scan: { code, match, gtinKind, valueKind: null, qtyMilli: null, embeddedPrice: null },
  };
}

/**
 * Resolves a scan to a product id: GTIN (check digit verified; UPC-A ≡ EAN-13 with a leading 0; an
 * 8-digit code is tried as EAN-8, then as UPC-E), in-store weighed label (a registered barcode first,
 * then the item code as PLU), else an exact SKU. A bad check digit that matches nothing → the domain's
 * code (BAD_CHECK_DIGIT, …) with its reason; anything else unmatched → UNKNOWN_BARCODE.
 */
export function resolveCode(
  db: ReadDb,
  raw: string,
  layout: WeighedBarcodeLayout,
  minorDigits: number,
): ResolvedCode {
  const scan = classifyScan(raw, layout, minorDigits);
  const code = scan.code;
  switch (scan.kind) {
    case 'gtin': {
      const viaBarcode = byBarcode(db, gtinVariants(code));
      if (viaBarcode) return plain(viaBarcode, code, 'barcode', scan.gtinKind);
      if (scan.gtinKind === 'EAN8') {
        const viaUpcE = byBarcode(db, upcEVariants(code));
        if (viaUpcE) return plain(viaUpcE, code, 'barcode', 'UPCE');
      }
      const viaSku = bySku(db, code);
      if (viaSku) return plain(viaSku, code, 'sku', null);
      break;
    }
    case 'weighed': {
      const viaBarcode = byBarcode(db, [code]);
      if (viaBarcode) return plain(viaBarcode, code, 'barcode', 'EAN13');
      const viaPlu = statements(db).idByPlu.get({ plu: scan.itemCode });
      if (viaPlu) {
        return {
          productId: viaPlu.id,
          scan: {
            code,
            match: 'weighed',
            gtinKind: 'EAN13',
            valueKind: scan.valueKind,
            qtyMilli: scan.weightMilli ?? null,
            embeddedPrice: scan.price ?? null,
          },
        };
      }
      break;
    }
    case 'invalid': {
      if (scan.errorCode === 'EMPTY') throw new TillError('VALIDATION_FAILED', 'Scan or type a code.');
      const viaUpcE = code.length === 8 ? byBarcode(db, upcEVariants(code)) : undefined;
      if (viaUpcE) return plain(viaUpcE, code, 'barcode', 'UPCE');
      const exact = byBarcode(db, [code]);
      if (exact) return plain(exact, code, 'barcode', null);
      const viaSku = bySku(db, code);
      if (viaSku) return plain(viaSku, code, 'sku', null);
      throw new TillError(
        scan.errorCode,
        `"${code}" is not a valid barcode: ${scan.reason}. Scan it again or type it.`,
        {
          details: { code, reason: scan.reason },
        },
      );
    }
    case 'text': {
      const viaBarcode = byBarcode(db, [code]);
      if (viaBarcode) return plain(viaBarcode, code, 'barcode', null);
      const viaSku = bySku(db, code);
      if (viaSku) return plain(viaSku, code, 'sku', null);
      if (/^\d{6,7}$/.test(code)) {
        const viaUpcE = byBarcode(db, upcEVariants(code));
        if (viaUpcE) return plain(viaUpcE, code, 'barcode', 'UPCE');
      }
      break;
    }
  }
  throw new TillError('UNKNOWN_BARCODE', `No product has the code "${code}".`, { details: { code } });
}

/** An exact barcode (any GTIN spelling) or SKU hit for a search box entry, without classifying it as a scan. */
export function exactCodeMatch(db: ReadDb, code: string): string | undefined {
  if (code.length === 0 || code.length > 64) return undefined;
  return byBarcode(db, /^\d+$/.test(code) ? gtinVariants(code) : [code]) ?? bySku(db, code);
}

/** A resolved code with its product: price labels get the weight their price buys (rounding rule). */
export function lookupCode(
  db: ReadDb,
  raw: string,
  layout: WeighedBarcodeLayout,
  minorDigits: number,
): LookupResult {
  const resolved = resolveCode(db, raw, layout, minorDigits);
  const product = findProductView(db, resolved.productId);
  if (!product) throw new TillError('UNKNOWN_BARCODE', `No product has the code "${resolved.scan.code}".`);
  const scan = resolved.scan;
  if (scan.valueKind === 'price' && scan.embeddedPrice !== null && product.price > 0) {
    scan.qtyMilli = Math.max(1, mulDivRoundHalfAwayFromZero(scan.embeddedPrice, QTY_ONE, product.price));
  }
  return { product, scan };
}
