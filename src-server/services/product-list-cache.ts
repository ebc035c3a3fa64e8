// Cached answers of product lists (GET /api/products/ with its search and filters), per API node.
//
// A broad search ("Kabr" matches 10 % of a 100,000-product catalog) costs ~50 ms of MySQL time, whatever
// the page: the FULLTEXT index yields the matches unordered, so all of them are read to count and sort
// them. What a list needs from that work is small — the exact count and the ids of the first matches in
// list order — and it changes only when the catalog does. So it is kept here under
// (catalog version, filters): a product write bumps the version (catalog-version.ts) in MySQL, which every
// node reads per request, so no node answers from a catalog older than the last committed write. Entries
// also expire after `ttlMs` (a backstop for rows changed outside the API) and the least recently used go
// first beyond `maxEntries`. Concurrent requests for the same missing entry share one computation.

/** What a product list keeps of a query's matches. */
export interface ProductListSnapshot {
  /** Exact number of matching products at the version it was computed at. */
  count: number;
  /** Ids of the first matches in list order (name, id): at most the cache's `idsKept`. */
  firstIds: string[];
}

export interface ProductListCacheOptions {
  /** Ids kept per snapshot (default 500: pages 1–10 at the default page size, or one of the largest). */
  idsKept?: number;
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  expires: number;
  value: Promise<ProductListSnapshot>;
}

export class ProductListCache {
  readonly idsKept: number;
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ProductListCacheOptions = {}) {
    this.idsKept = options.idsKept ?? 500;
    this.maxEntries = options.maxEntries ?? 500;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The snapshot of `filters` at catalog `version`, computed by `compute` unless cached (or in flight). */
  get(
    version: number,
    filters: Readonly<Record<string, string | boolean | undefined>>,
    compute: () => Promise<ProductListSnapshot>,
  ): Promise<ProductListSnapshot> {
    const key = `${String(version)}\n${JSON.stringify(filters)}`;
    const now = this.now();
    const found = this.entries.get(key);
    this.entries.delete(key);
    if (found && found.expires > now) {
      this.entries.set(key, found); // most recently used last
      return found.value;
    }
    const entry: Entry = { expires: now + this.ttlMs, value: compute() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key); // failures are not cached
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return entry.value;
  }
}
