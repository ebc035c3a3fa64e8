// Product search (GET /api/products/?search=) that stays fast on 100,000+ products by touching indexes
// only — never a LIKE '%x%' scan of the whole table:
// - name: every word of 3+ characters is a word prefix, through the FULLTEXT index products_name_ft
//   (InnoDB, boolean mode "+milk* +500*", built without stopwords; migration 0001). Shorter words can't be
//   in that index (innodb_ft_min_token_size = 3): they filter the rows the long words found (contains),
//   or, when the search has no long word at all, the whole search is a prefix of the name (range on
//   products_name_idx);
// - SKU and barcodes: the whole search is a prefix (ranges on products_sku_uq and barcodes_code_uq).
// Prefix matches (code prefixes, and the name prefix of a search without long words) are capped at
// PREFIX_MATCH_LIMIT each, so "SKU-" or "6" cannot make one request sort the whole catalog. A cheap probe
// tells whether any SKU/barcode starts with the search; only then is the union of the id sets
// materialised (MariaDB runs "id IN (a UNION b)" per row; a derived table is materialised once).
// Lists (search or not) take their count and first ids from ProductListCache (product-list-cache.ts), so
// the matches are counted and sorted once per query and catalog version, not once per request.
import { and, asc, count, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { barcodes, products } from '../db/schema/catalog.js';
import type { PageSource } from '../http/pagination.js';
import { escapeLike } from './catalog-common.js';
import type { ProductRow } from './catalog-products.js';
import { readCatalogVersion } from './catalog-version.js';
import type { ProductListCache, ProductListSnapshot } from './product-list-cache.js';

/** InnoDB's default innodb_ft_min_token_size: shorter words are not in a FULLTEXT index. */
export const FULLTEXT_MIN_WORD = 3;
/** At most this many products per prefix match (name prefix, SKU prefix, barcode prefix). */
export const PREFIX_MATCH_LIMIT = 1000;
const MAX_WORDS = 10;

export interface ProductSearchPlan {
  /** Words of 3+ characters matched through the FULLTEXT index (null when there are none). */
  fulltext: SQL | null;
  /** LIKE pattern: the whole search as a prefix (name without long words, SKU, barcodes). */
  prefix: string;
}

/** How `search` is matched (null for a blank search). */
export function planProductSearch(search: string): ProductSearchPlan | null {
  const q = search.trim();
  if (q === '') return null;
  const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [])].slice(0, MAX_WORDS);
  const long = words.filter((w) => w.length >= FULLTEXT_MIN_WORD);
  const short = words.filter((w) => w.length < FULLTEXT_MIN_WORD);
  const prefix = `${escapeLike(q)}%`;
  if (long.length === 0) return { fulltext: null, prefix };
  const against = long.map((w) => `+${w}*`).join(' ');
  const fulltext = and(
    sql`match(${products.name}) against (${against} in boolean mode)`,
    ...short.map((w) => like(products.name, `%${escapeLike(w)}%`)),
  );
  return { fulltext: fulltext ?? sql`false`, prefix };
}

/** The WHERE condition for `search`: name words, or name/SKU/barcode prefix. */
export async function productSearchCondition(db: Db, search: string): Promise<SQL | null> {
  const plan = planProductSearch(search);
  if (!plan) return null;
  const { fulltext, prefix } = plan;
  let names: SQL;
  if (fulltext) {
    const [probe] = (await db.execute(
      sql`select (exists(select 1 from ${products} where ${products.sku} like ${prefix})
               or exists(select 1 from ${barcodes} where ${barcodes.code} like ${prefix})) as hit`,
    )) as unknown as [{ hit: number | string }[]];
    if (Number(probe[0]?.hit ?? 0) === 0) return fulltext;
    names = sql`(select ${products.id} as id from ${products} where ${fulltext})`;
  } else {
    names = sql`(select ${products.id} as id from ${products} where ${products.name} like ${prefix}
      order by ${products.name} limit ${sql.raw(String(PREFIX_MATCH_LIMIT))})`;
  }
  const limit = sql.raw(String(PREFIX_MATCH_LIMIT));
  return sql`${products.id} in (select m.id from (${names}
    union (select ${products.id} from ${products} where ${products.sku} like ${prefix}
           order by ${products.sku} limit ${limit})
    union (select ${barcodes.productId} from ${barcodes} where ${barcodes.code} like ${prefix}
           order by ${barcodes.code} limit ${limit})
  ) as m)`;
}

/** The filters of a product list (GET /api/products/): all optional, combined with AND. */
export interface ProductListFilters {
  search?: string | undefined;
  /** Exact barcode. */
  barcode?: string | undefined;
  category?: string | undefined;
  isActive?: boolean | undefined;
}

/** The WHERE of a product list; `searching` when a non-blank search takes part. */
async function productListWhere(
  db: Db,
  filters: ProductListFilters,
): Promise<{ where: SQL | undefined; searching: boolean }> {
  const conditions: SQL[] = [];
  const found = filters.search ? await productSearchCondition(db, filters.search) : null;
  if (found) conditions.push(found);
  if (filters.barcode !== undefined) {
    conditions.push(
      inArray(
        products.id,
        sql`(select ${barcodes.productId} from ${barcodes} where ${eq(barcodes.code, filters.barcode)})`,
      ),
    );
  }
  if (filters.category !== undefined) conditions.push(eq(products.categoryId, filters.category));
  if (filters.isActive !== undefined) conditions.push(eq(products.isActive, filters.isActive));
  return { where: and(...conditions), searching: found !== null };
}

const LIST_ORDER = [asc(products.name), asc(products.id)];

/**
 * The exact count and the first ids of a product list. A search reads every match anyway (to sort them),
 * so its total comes with the ids (COUNT(*) OVER ()) in one query; a plain list walks products_name_idx
 * for the ids and counts apart.
 */
async function computeSnapshot(
  db: Db,
  filters: ProductListFilters,
  limit: number,
): Promise<ProductListSnapshot> {
  const { where, searching } = await productListWhere(db, filters);
  if (searching) {
    const rows = await db
      .select({ id: products.id, total: sql<number | string>`count(*) over ()` })
      .from(products)
      .where(where)
      .orderBy(...LIST_ORDER)
      .limit(limit);
    return { count: Number(rows[0]?.total ?? 0), firstIds: rows.map((r) => r.id) };
  }
  const [counted] = await db.select({ n: count() }).from(products).where(where);
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(where)
    .orderBy(...LIST_ORDER)
    .limit(limit);
  return { count: counted?.n ?? 0, firstIds: rows.map((r) => r.id) };
}

/** The rows of `ids`, in that order (a row deleted meanwhile is left out). */
async function productsByIds(db: Db, ids: readonly string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(products)
    .where(inArray(products.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The page source of a product list ordered by name, id. The count and the first ids come from `cache`
 * at the current catalog version (computed on a miss); a page within those ids costs one primary-key
 * read; a page beyond them runs the list query with LIMIT/OFFSET.
 */
export function productPageSource(
  db: Db,
  cache: ProductListCache,
  filters: ProductListFilters,
): PageSource<ProductRow> {
  let snapshot: ProductListSnapshot | undefined;
  const key = { ...filters, search: filters.search?.trim().toLowerCase() };
  return {
    count: async () => {
      snapshot = await cache.get(await readCatalogVersion(db), key, () =>
        computeSnapshot(db, filters, cache.idsKept),
      );
      return snapshot.count;
    },
    rows: async (limit, offset) => {
      const cached = snapshot?.firstIds;
      if (cached && (offset + limit <= cached.length || cached.length === snapshot?.count)) {
        return productsByIds(db, cached.slice(offset, offset + limit));
      }
      const { where } = await productListWhere(db, filters);
      return db
        .select()
        .from(products)
        .where(where)
        .orderBy(...LIST_ORDER)
        .limit(limit)
        .offset(offset);
    },
  };
}
