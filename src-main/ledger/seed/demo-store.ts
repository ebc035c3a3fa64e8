// A realistic demo store for development, tests and benchmarks: one store, till T01, a user per role
// (documented demo credentials), Kenyan tax classes, categories, units, a dozen well-known products with fixed
// barcodes, then as many generated products (EAN-13, Kenya's GS1 prefix 616) as asked, with stock levels.
import { gtinCheckDigit } from '../../../src-shared/domain/barcode.js';
import { newId } from '../../../src-shared/domain/ids.js';
import { TAX_CLASS_CODES, TAX_CLASSES, type TaxClassCode } from '../../../src-shared/domain/tax.js';
import { BRANDS, CATEGORY_NAMES, DEMO_FIXED_PRODUCTS, ITEMS, SIZES } from './demo-catalog.js';
import { saveIdentity } from '../../services/identity.js';
import { hashSecret } from '../../services/passwords.js';
import type { Ledger, WriteDb } from '../connection.js';
import {
  barcodes,
  categories,
  clients,
  products,
  stores,
  suppliers,
  taxClasses,
  terminals,
  units,
  users,
} from '../schema/catalog.js';
import { stockLevels } from '../schema/stock.js';
import { seededRandom } from './seeded-random.js';

export const DEMO_USERS = {
  owner: { name: 'Wanjiku Owner', phone: '0700000001', password: 'owner1234', pin: '1111', role: 'owner' },
  manager: {
    name: 'Otieno Manager',
    phone: '0700000002',
    password: 'manager1234',
    pin: '2222',
    role: 'manager',
  },
  cashier: {
    name: 'Achieng Cashier',
    phone: '0700000003',
    password: 'cashier1234',
    pin: '3333',
    role: 'employee',
  },
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

export function demoBarcode(index: number): string {
  const body = `616${String(index).padStart(9, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

export interface DemoStore {
  storeId: string;
  terminalId: string;
  terminalCode: string;
  users: Record<DemoRole, { id: string; name: string; phone: string; password: string; pin: string }>;
  products: Record<
    string,
    { id: string; sku: string; barcode: string; price: number; taxClass: TaxClassCode }
  >;
  productCount: number;
}

export interface SeedOptions {
  /** Total products including the fixed ones (default 200). */
  products?: number;
  seed?: number;
  now?: Date;
  /** Lower scrypt cost for throwaway test ledgers (default: production cost). */
  fastHashes?: boolean;
}

const FAST = { N: 1024, r: 8, p: 1 } as const;

export function seedDemoStore(ledger: Ledger, options: SeedOptions = {}): DemoStore {
  const total = Math.max(options.products ?? 200, DEMO_FIXED_PRODUCTS.length);
  const now = (options.now ?? new Date()).toISOString();
  const random = seededRandom(options.seed ?? 42);
  const hash = (secret: string) => (options.fastHashes ? hashSecret(secret, FAST) : hashSecret(secret));
  const storeId = newId();
  const terminalId = newId();
  const terminalCode = 'T01';
  const demoUsers = Object.fromEntries(
    (Object.keys(DEMO_USERS) as DemoRole[]).map((role) => {
      const u = DEMO_USERS[role];
      return [
        role,
        {
          id: newId(),
          name: u.name,
          phone: u.phone,
          password: u.password,
          pin: u.pin,
          role: u.role,
          passwordHash: hash(u.password),
          pinHash: hash(u.pin),
        },
      ];
    }),
  ) as Record<
    DemoRole,
    {
      id: string;
      name: string;
      phone: string;
      password: string;
      pin: string;
      role: 'owner' | 'manager' | 'employee';
      passwordHash: string;
      pinHash: string;
    }
  >;

  const result: DemoStore = {
    storeId,
    terminalId,
    terminalCode,
    users: demoUsers,
    products: {},
    productCount: total,
  };

  ledger.transaction((db: WriteDb) => {
    db.insert(stores)
      .values({
        id: storeId,
        name: 'Asiria Demo Duka',
        currency: 'KES',
        pricesIncludeTax: true,
        cashRoundingStep: 0,
        address: 'Moi Avenue, Nairobi',
        phone: '0700000000',
        kraPin: 'P051234567X',
        receiptFooter: 'Asante! Karibu tena.',
        updatedAt: now,
      })
      .run();
    db.insert(terminals)
      .values({ id: terminalId, storeId, code: terminalCode, name: 'Till 1', updatedAt: now })
      .run();
    saveIdentity(db, { storeId, terminalId, terminalCode }, now);
    for (const code of TAX_CLASS_CODES) {
      const t = TAX_CLASSES[code];
      db.insert(taxClasses)
        .values({ code, band: t.band, rateBp: t.rateBp, label: t.label })
        .onConflictDoNothing()
        .run();
    }
    for (const u of Object.values(demoUsers)) {
      db.insert(users)
        .values({
          id: u.id,
          storeId,
          name: u.name,
          phone: u.phone,
          role: u.role,
          passwordHash: u.passwordHash,
          pinHash: u.pinHash,
          isActive: true,
          updatedAt: now,
        })
        .run();
    }
    const categoryIds = new Map<string, string>();
    for (const name of CATEGORY_NAMES) {
      const id = newId();
      categoryIds.set(name, id);
      db.insert(categories).values({ id, name, parentId: null, updatedAt: now }).run();
    }
    const pieceUnit = newId();
    const kgUnit = newId();
    db.insert(units)
      .values([
        { id: pieceUnit, name: 'Piece', symbol: 'pc', allowsFraction: false, updatedAt: now },
        { id: kgUnit, name: 'Kilogram', symbol: 'kg', allowsFraction: true, updatedAt: now },
      ])
      .run();
    db.insert(clients)
      .values([
        {
          id: newId(),
          name: 'Mama Mboga Traders',
          phone: '0711000001',
          email: null,
          kraPin: null,
          creditLimit: 5_000_00,
          creditBalance: 0,
          updatedAt: now,
        },
        {
          id: newId(),
          name: 'Juma Hardware',
          phone: '0711000002',
          email: 'juma@example.co.ke',
          kraPin: 'P051111111A',
          creditLimit: 0,
          creditBalance: 0,
          updatedAt: now,
        },
      ])
      .run();
    db.insert(suppliers)
      .values({
        id: newId(),
        name: 'Nairobi Wholesalers Ltd',
        phone: '0722000001',
        email: 'orders@example.co.ke',
        updatedAt: now,
      })
      .run();

    const productRows: (typeof products.$inferInsert)[] = [];
    const barcodeRows: (typeof barcodes.$inferInsert)[] = [];
    const stockRows: (typeof stockLevels.$inferInsert)[] = [];
    const flush = () => {
      if (productRows.length) db.insert(products).values(productRows.splice(0)).run();
      if (barcodeRows.length) db.insert(barcodes).values(barcodeRows.splice(0)).run();
      if (stockRows.length) db.insert(stockLevels).values(stockRows.splice(0)).run();
    };
    for (let i = 0; i < total; i++) {
      const fixed = DEMO_FIXED_PRODUCTS[i];
      const id = newId();
      const barcode = demoBarcode(i + 1);
      if (fixed) {
        productRows.push({
          id,
          sku: fixed.sku,
          name: fixed.name,
          categoryId: categoryIds.get(fixed.category) ?? null,
          unitId: fixed.weighed ? kgUnit : pieceUnit,
          price: fixed.price,
          cost: Math.round(fixed.price * 0.75),
          taxClass: fixed.taxClass,
          reorderLevel: fixed.reorder * 1000,
          trackStock: fixed.trackStock ?? true,
          isActive: !fixed.inactive,
          soldByWeight: Boolean(fixed.weighed),
          plu: fixed.weighed ?? null,
          updatedAt: now,
        });
        stockRows.push({ productId: id, qtyMilli: fixed.stock * 1000, updatedAt: now });
        result.products[fixed.key] = {
          id,
          sku: fixed.sku,
          barcode,
          price: fixed.price,
          taxClass: fixed.taxClass,
        };
      } else {
        const brand = BRANDS[Math.floor(random() * BRANDS.length)] ?? 'Generic';
        const item = ITEMS[Math.floor(random() * ITEMS.length)] ?? 'Item';
        const size = SIZES[Math.floor(random() * SIZES.length)] ?? '';
        const price = (Math.floor(random() * 2000) + 5) * 500; // 25.00 … 10,000.00 in 5-shilling steps
        const taxRoll = random();
        const taxClass: TaxClassCode =
          taxRoll < 0.7 ? 'standard' : taxRoll < 0.85 ? 'zero' : taxRoll < 0.97 ? 'exempt' : 'reduced';
        const category = CATEGORY_NAMES[Math.floor(random() * CATEGORY_NAMES.length)] ?? 'Groceries';
        productRows.push({
          id,
          sku: `SKU-${String(i + 1).padStart(6, '0')}`,
          name: `${brand} ${item} ${size}`.trim(),
          categoryId: categoryIds.get(category) ?? null,
          unitId: pieceUnit,
          price,
          cost: Math.round(price * 0.7),
          taxClass,
          reorderLevel: 5000,
          trackStock: true,
          isActive: true,
          soldByWeight: false,
          plu: null,
          updatedAt: now,
        });
        stockRows.push({ productId: id, qtyMilli: Math.floor(random() * 200) * 1000, updatedAt: now });
      }
      barcodeRows.push({ code: barcode, productId: id });
      if (productRows.length >= 500) flush();
    }
    flush();
  });
  // The search index merges no segments by itself (drizzle/sqlite/0005): one big seed leaves many; merge them.
  ledger.raw.exec(`insert into products_fts (products_fts) values ('optimize')`);
  return result;
}
