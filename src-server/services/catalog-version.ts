// The catalog version: a counter row bumped in the same transaction as every change to products or
// barcodes. Readers compare it with the version a cached answer was computed at (catalog-search-cache.ts);
// being a row in MySQL, it is the same for every API node, with or without Redis. Product writes queue on
// this one row only for the instant of their commit (and, in Galera, a conflict is retried as 1213).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { catalogVersion } from '../db/schema/catalog.js';
import type { Tx } from '../db/transaction.js';

const ROW = 1;

/** Marks the catalog changed; call inside the transaction that changes products or barcodes. */
export async function bumpCatalogVersion(tx: Tx): Promise<void> {
  const now = new Date();
  await tx
    .insert(catalogVersion)
    .values({ id: ROW, version: 1, updatedAt: now })
    .onDuplicateKeyUpdate({ set: { version: sql`${catalogVersion.version} + 1`, updatedAt: now } });
}

/** The committed catalog version (0 before the first change through the API). */
export async function readCatalogVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: catalogVersion.version })
    .from(catalogVersion)
    .where(eq(catalogVersion.id, ROW));
  return row?.version ?? 0;
}
