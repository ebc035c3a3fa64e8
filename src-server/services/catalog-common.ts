// Helpers shared by the catalog resources (terminals, clients, suppliers, categories, units, products):
// DRF-style text search, reference checks that answer field errors, and the 409 for deleting a row that
// other records still use.
import { eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import { z } from 'zod';
import { ER_ROW_IS_REFERENCED, mysqlErrno } from '../db/errors.js';
import type { Tx } from '../db/transaction.js';
import { conflict, fieldError, invalidPk } from '../http/errors.js';

/** `text` with LIKE's wildcards escaped (MySQL's default escape character is the backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The whitespace-separated terms of a ?search= value (at most 10, as DRF splits them). */
export function searchTerms(search: string | undefined): string[] {
  return (search ?? '')
    .split(/\s+/)
    .filter((t) => t !== '')
    .slice(0, 10);
}

/**
 * DRF SearchFilter: every term is contained (case-insensitively) in at least one of `columns`.
 * For small tables; products use the indexed search of catalog-search.ts.
 */
export function containsAll(search: string | undefined, columns: readonly MySqlColumn[]): SQL[] {
  return searchTerms(search).map((term) => {
    const pattern = `%${escapeLike(term)}%`;
    return or(...columns.map((c) => like(c, pattern))) ?? sql`false`;
  });
}

/** The ?search= parameter of a list route. */
export const searchQuery = z
  .string()
  .trim()
  .max(100, 'Ensure this field has no more than 100 characters.')
  .optional()
  .meta({ description: 'Whitespace-separated terms; each must match' });

/** An optional text column: "" and whitespace-only are stored as NULL. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** A Kenyan KRA PIN ("A123456789B"), upper-cased; "" → null. */
export const kraPinField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || /^[A-Z]\d{9}[A-Z]$/.test(v), 'Enter a valid KRA PIN (e.g. A123456789B).')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

export const emailField = z
  .string()
  .trim()
  .max(254)
  .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter a valid email address.')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

/**
 * Refuses a reference to a row that does not exist: 400 {"<field>": ['Invalid pk "<id>" - object does not
 * exist.']}. (The foreign key still guards against a delete racing with this transaction.)
 */
export async function requireRow(
  tx: Tx,
  table: MySqlTable,
  idColumn: MySqlColumn,
  id: string,
  field: string,
): Promise<void> {
  const [row] = await tx.select({ id: idColumn }).from(table).where(eq(idColumn, id));
  if (!row) throw fieldError(field, invalidPk(id));
}

/** Rethrows a "row is referenced" (1451) error as 409 {"detail": inUse}; anything else unchanged. */
export function rethrowInUse(inUse: string): (error: unknown) => never {
  return (error: unknown) => {
    throw mysqlErrno(error) === ER_ROW_IS_REFERENCED ? conflict(inUse) : error;
  };
}
