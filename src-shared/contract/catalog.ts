// catalog.*: finding products at the till — by a scanned or typed code (catalog.lookup) and by text
// (catalog.search, search-as-you-type). The catalog is a read-mostly replica pulled from the cloud.
import { z } from 'zod';
import type { GtinKind } from '../domain/barcode.js';
import type { EtimsBand, TaxClassCode } from '../domain/tax.js';
import { defineMethod } from './method.js';

export interface ProductView {
  id: string;
  sku: string;
  name: string;
  /** Minor units per unit (per kg for weighed goods); tax-inclusive when the store's prices are. */
  price: number;
  taxClass: TaxClassCode;
  band: EtimsBand;
  rateBp: number;
  /** Unit symbol ("pc", "kg"), null when the product has no unit. */
  unit: string | null;
  /** The unit may be sold in fractions (3 decimals). */
  allowsFraction: boolean;
  soldByWeight: boolean;
  trackStock: boolean;
  isActive: boolean;
  onHandMilli: number;
  reorderLevelMilli: number;
  barcodes: string[];
}

/** How a code was matched. */
export interface ScanInfo {
  /** The code after cleaning (whitespace, AIM symbology identifier removed). */
  code: string;
  match: 'barcode' | 'weighed' | 'sku';
  /** EAN8 / EAN13 / UPCA / UPCE for a GTIN match, else null. */
  gtinKind: GtinKind | null;
  /** In-store weighed/priced EAN-13 (prefix 20–29): what the label embeds. */
  valueKind: 'weight' | 'price' | null;
  /**
   * Weighed labels: the embedded weight, or for a price label the weight that price buys at the
   * product's price (rounded to the gram by the rounding rule). Null otherwise.
   */
  qtyMilli: number | null;
  /** Price labels: the embedded price in minor units. Null otherwise. */
  embeddedPrice: number | null;
}

export interface LookupResult {
  product: ProductView;
  scan: ScanInfo;
}

export interface CatalogSearchResult {
  /** The prefix query as run (each token a prefix), for display/debugging. */
  query: string;
  /** Exact SKU/barcode hits first, then by relevance (bm25), then by name. */
  products: ProductView[];
}

/** A customer account the till can attach to a sale (credit sales need one). */
export interface ClientView {
  id: string;
  name: string;
  phone: string | null;
  kraPin: string | null;
  /** Minor units; 0 = no credit allowed. */
  creditLimit: number;
  /** Outstanding credit balance as last pulled from the cloud (minor units). */
  creditBalance: number;
}

export const scanCodeSchema = z.string().trim().min(1, 'scan or type a code').max(64);

export const catalogMethods = {
  /**
   * A product by scanned or typed code: a GTIN (EAN-8/13, UPC-A/E, check digit verified → BAD_CHECK_DIGIT),
   * an in-store weighed/priced EAN-13 (prefixes per the store's layout; item code = product PLU), or an
   * exact SKU. Nothing found → UNKNOWN_BARCODE. Inactive products are returned (isActive false).
   */
  'catalog.lookup': defineMethod<LookupResult>()(z.strictObject({ code: scanCodeSchema })),
  /** Search-as-you-type over name, SKU and barcodes: every token is a prefix. Active products only by default. */
  'catalog.search': defineMethod<CatalogSearchResult>()(
    z.strictObject({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(100).default(20),
      includeInactive: z.boolean().default(false),
    }),
  ),
  /** Clients by name (any word's start) or phone prefix, by name; an empty query lists the first ones. */
  'catalog.clients': defineMethod<ClientView[]>()(
    z.strictObject({
      query: z.string().trim().max(100).default(''),
      limit: z.number().int().min(1).max(100).default(20),
    }),
  ),
};
