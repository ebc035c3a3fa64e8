// Search-as-you-type over the FTS5 index `products_fts(name, sku, barcodes)` (rowid = products.rowid,
// prefix indexes; see drizzle/sqlite/0001_product_search.sql). Every token of the user's text becomes a
// quoted prefix term, so FTS syntax typed by a user (quotes, *, :, -, parentheses, AND/OR/NOT/NEAR) is
// never interpreted.
import { and, asc, eq, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CatalogSearchResult, ProductView } from '../../src-shared/contract/catalog.js';
import type { ReadDb } from '../ledger/connection.js';
import { products } from '../ledger/schema/catalog.js';
import { exactCodeMatch, findProductView } from './catalog-queries.js';
import { perDb } from './sale-prepared.js';

/** The FTS5 virtual table, described for the query builder only (created by migration 0001, not by drizzle-kit). */
const productsFts = sqliteTable('products_fts', {
  rowid: integer('rowid').notNull(),
  name: text('name'),
  sku: text('sku'),
  barcodes: text('barcodes'),
});

/** Column weights for bm25: a hit in the name counts most, then the SKU, then a barcode. */
const rankSql = sql<number>`bm25(products_fts, 10.0, 4.0, 1.0)`;

const MAX_TOKENS = 8;

/**
 * The tokens of what a user typed: runs of letters and digits, lower-cased. Each becomes a quoted prefix
 * term and all are required ("kab sug" → `"kab"* "sug"*`), so no FTS syntax typed by a user survives.
 */
export function searchTokens(text: string): string[] {
  const tokens =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.slice(0, MAX_TOKENS);
}

/**
 * Ranking by bm25 costs time in proportion to the rows matched (and to the doclist of each prefix, for
 * its IDF): fine for a few hundred rows, tens of milliseconds for "s" over 100k products. So a query
 * matching more than BROAD_MATCHES rows (or with a one-letter token) is a broad one: it is ranked among
 * its first BROAD_MATCHES matches by a cheap rule instead (name starts with the first token, then a word
 * of the name does, then SKU/barcode-only hits), then by name — the list refines as the cashier types.
 */
export const BROAD_MATCHES = 1000;

const matchSql = sql`${productsFts} match ${sql.placeholder('match')}`;

function countStatement(db: ReadDb) {
  const capped = db
    .select({ one: sql<number>`1`.as('one') })
    .from(productsFts)
    .where(matchSql)
    .limit(BROAD_MATCHES + 1)
    .as('capped');
  return db
    .select({ n: sql<number>`count(*)` })
    .from(capped)
    .prepare();
}

function rankedStatement(db: ReadDb, activeOnly: boolean) {
  return db
    .select({ id: products.id })
    .from(productsFts)
    .innerJoin(products, sql`${products}.rowid = ${productsFts.rowid}`)
    .where(and(matchSql, activeOnly ? eq(products.isActive, true) : undefined))
    .orderBy(rankSql, asc(products.name))
    .limit(sql.placeholder('limit'))
    .prepare();
}

function broadStatement(db: ReadDb, activeOnly: boolean) {
  const candidates = db
    .select({ rid: sql<number>`${productsFts.rowid}`.as('rid') })
    .from(productsFts)
    .where(matchSql)
    .limit(BROAD_MATCHES)
    .as('candidates');
  const first = sql.placeholder('first');
  return db
    .select({ id: products.id })
    .from(candidates)
    .innerJoin(products, sql`${products}.rowid = ${candidates.rid}`)
    .where(activeOnly ? eq(products.isActive, true) : undefined)
    .orderBy(
      sql`case when ${products.name} like ${first} || '%' then 0 when ${products.name} like '% ' || ${first} || '%' then 1 else 2 end`,
      asc(products.name),
    )
    .limit(sql.placeholder('limit'))
    .prepare();
}

const statements = perDb((db: ReadDb) => ({
  count: countStatement(db),
  ranked: { active: rankedStatement(db, true), all: rankedStatement(db, false) },
  broad: { active: broadStatement(db, true), all: broadStatement(db, false) },
}));

export interface SearchOptions {
  query: string;
  limit: number;
  includeInactive: boolean;
}

/** Exact SKU/barcode hit first, then the prefix search ranked by bm25 (or the broad rule), then name. */
export function searchProducts(db: ReadDb, options: SearchOptions): CatalogSearchResult {
  const tokens = searchTokens(options.query);
  const results: ProductView[] = [];
  const exactId = exactCodeMatch(db, options.query.trim());
  if (exactId) {
    const exact = findProductView(db, exactId);
    if (exact && (exact.isActive || options.includeInactive)) results.push(exact);
  }
  if (tokens.length === 0) return { query: '', products: results };
  const match = tokens.map((token) => `"${token}"*`).join(' ');
  const s = statements(db);
  const variant = options.includeInactive ? 'all' : 'active';
  const matched = s.count.get({ match })?.n ?? 0;
  const broad = matched > BROAD_MATCHES || tokens.some((token) => token.length < 2);
  const limit = options.limit + results.length;
  const ids = broad
    ? s.broad[variant].all({ match, first: tokens[0], limit })
    : s.ranked[variant].all({ match, limit });
  for (const { id } of ids) {
    if (results.length >= options.limit) break;
    if (id === exactId) continue;
    const view = findProductView(db, id);
    if (view) results.push(view);
  }
  return { query: match, products: results };
}
