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
import { and, asc, count, getTableColumns, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { barcodes, products } from '../db/schema/catalog.js';
import type { PageSource } from '../http/pagination.js';
import { escapeLike } from './catalog-common.js';
import type { ProductRow } from './catalog-products.js';

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

/**
 * The page source of a product list ordered by name, id. `searching`: the matching set is computed in full
 * to sort it anyway, so the total comes with the page (COUNT(*) OVER ()) in one query instead of two.
 */
export function productPageSource(
  db: Db,
  where: SQL | undefined,
  searching: boolean,
  page: { page: number; page_size: number },
): PageSource<ProductRow> {
  const order = [asc(products.name), asc(products.id)];
  const plainCount = async () => (await db.select({ n: count() }).from(products).where(where))[0]?.n ?? 0;
  const plainRows = (limit: number, offset: number): Promise<ProductRow[]> =>
    db
      .select()
      .from(products)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
  if (!searching) return { count: plainCount, rows: plainRows };

  let fetched: ProductRow[] | undefined;
  return {
    count: async () => {
      const offset = (page.page - 1) * page.page_size;
      const rows = await db
        .select({ ...getTableColumns(products), total: sql<number | string>`count(*) over ()` })
        .from(products)
        .where(where)
        .orderBy(...order)
        .limit(page.page_size)
        .offset(offset);
      fetched = rows.map(({ total: _total, ...row }) => row);
      if (rows[0]) return Number(rows[0].total);
      return offset === 0 ? 0 : plainCount();
    },
    rows: (limit, offset) => (fetched ? Promise.resolve(fetched) : plainRows(limit, offset)),
  };
}
