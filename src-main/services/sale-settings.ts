// This till and its store, as sales and lookups need them: identity (store, terminal, epoch) and the
// store settings a sale is priced and printed with (prices include tax, currency, cash rounding,
// weighed-label layout, receipt header). One prepared statement over till_identity ⋈ stores — cheaper
// than ctx.identity() plus a store read, and the lookup path is measured in tens of microseconds.
import { eq, sql } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import type { ReceiptStoreHeader } from '../../src-shared/contract/receipt.js';
import type { WeighedBarcodeLayout } from '../../src-shared/domain/barcode.js';
import { currencyInfo } from '../../src-shared/domain/money.js';
import type { ReadDb } from '../ledger/connection.js';
import { stores } from '../ledger/schema/catalog.js';
import { tillIdentity } from '../ledger/schema/till.js';
import { storeWeighedLayout } from './catalog-queries.js';
import type { TillIdentityInfo } from './context.js';
import { perDb } from './sale-prepared.js';

export interface StoreSettings {
  id: string;
  header: ReceiptStoreHeader;
  footer: string | null;
  currency: string;
  minorDigits: number;
  pricesIncludeTax: boolean;
  /** 0 = no cash rounding; 100 = to the shilling; 500 = to 5 shillings. */
  cashRoundingStep: number;
  weighedLayout: WeighedBarcodeLayout;
}

export interface TillAndStore {
  identity: TillIdentityInfo;
  store: StoreSettings;
}

const statements = perDb((db: ReadDb) => ({
  till: db
    .select({ identity: tillIdentity, store: stores })
    .from(tillIdentity)
    .leftJoin(stores, eq(stores.id, tillIdentity.storeId))
    .where(eq(tillIdentity.id, sql.placeholder('one')))
    .prepare(),
  store: db
    .select()
    .from(stores)
    .where(eq(stores.id, sql.placeholder('id')))
    .prepare(),
}));

function storeSettings(s: typeof stores.$inferSelect): StoreSettings {
  const currency = currencyInfo(s.currency);
  return {
    id: s.id,
    header: { name: s.name, address: s.address, phone: s.phone, kraPin: s.kraPin },
    footer: s.receiptFooter,
    currency: currency.code,
    minorDigits: currency.minorDigits,
    pricesIncludeTax: s.pricesIncludeTax,
    cashRoundingStep: s.cashRoundingStep,
    weighedLayout: storeWeighedLayout(s.weighedLayout),
  };
}

/** The settings of a store by id (e.g. the store a document was written in). */
export function loadStore(db: ReadDb, storeId: string): StoreSettings {
  const row = statements(db).store.get({ id: storeId });
  if (!row)
    throw new TillError(
      'TILL_NOT_PROVISIONED',
      'The store of this till is missing from the catalog: sync first.',
    );
  return storeSettings(row);
}

/** This till's identity and its store's settings; TILL_NOT_PROVISIONED when either is missing. */
export function loadTill(db: ReadDb): TillAndStore {
  const row = statements(db).till.get({ one: 1 });
  if (!row) {
    throw new TillError(
      'TILL_NOT_PROVISIONED',
      'This till is not set up yet: register it with a store or seed the demo store.',
    );
  }
  const { identity: id, store: s } = row;
  if (!s)
    throw new TillError(
      'TILL_NOT_PROVISIONED',
      'The store of this till is missing from the catalog: sync first.',
    );
  return {
    identity: {
      storeId: id.storeId,
      terminalId: id.terminalId,
      terminalCode: id.terminalCode,
      epoch: id.epoch,
    },
    store: storeSettings(s),
  };
}
