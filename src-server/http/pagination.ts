// DRF PageNumberPagination: ?page=N&page_size=M → {count, next, previous, results} with absolute URLs.
// page_size defaults to 50; above 500 is a 400 field error (never silently clamped); a page past the end
// is 404 {"detail": "Invalid page."}.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** The page fields of a list route's querystring; spread into it: z.object({ ...pageQuery, search: ... }). */
export const pageQuery = {
  page: z.coerce
    .number({ error: 'A valid integer is required.' })
    .int('A valid integer is required.')
    .min(1, 'Ensure this value is greater than or equal to 1.')
    .default(1),
  page_size: z.coerce
    .number({ error: 'A valid integer is required.' })
    .int('A valid integer is required.')
    .min(1, 'Ensure this value is greater than or equal to 1.')
    .max(MAX_PAGE_SIZE, `Ensure this value is less than or equal to ${MAX_PAGE_SIZE}.`)
    .default(DEFAULT_PAGE_SIZE),
};

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The response schema of a paginated list of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });
}

/** The absolute URL of this request with `page` set (null removes it, as DRF does for page 1). */
function pageUrl(request: FastifyRequest, page: number | null): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  if (page === null) url.searchParams.delete('page');
  else url.searchParams.set('page', String(page));
  return url.toString();
}

export interface PageSource<Row> {
  /** Total rows matching the filters. */
  count: () => Promise<number>;
  /** One page of rows, in a stable order (ORDER BY ending in the primary key). */
  rows: (limit: number, offset: number) => Promise<Row[]>;
}

/**
 * Runs a paginated query for `request` (whose querystring spread `pageQuery`) and maps each row to its API
 * representation.
 *
 *   return paginate(req, req.query, { count: () => ..., rows: (limit, offset) => ... }, toApiUser);
 */
export async function paginate<Row, Out>(
  request: FastifyRequest,
  query: { page: number; page_size: number },
  source: PageSource<Row>,
  toApi: (row: Row) => Out | Promise<Out>,
): Promise<Page<Out>> {
  const { page, page_size: size } = query;
  const count = await source.count();
  const offset = (page - 1) * size;
  if (page > 1 && offset >= count) throw new ApiError(404, { detail: 'Invalid page.' });
  const rows = count === 0 ? [] : await source.rows(size, offset);
  const results = await Promise.all(rows.map(toApi));
  return {
    count,
    next: offset + size < count ? pageUrl(request, page + 1) : null,
    previous: page > 1 ? pageUrl(request, page === 2 ? null : page - 1) : null,
    results,
  };
}
