// Client search for the till (attach a client to a sale): by the start of any word of the name or by the
// start of the phone number. The clients replica is small (a shop's account customers), so a LIKE scan is fine.
import { asc, or, sql } from 'drizzle-orm';
import type { ClientView } from '../../src-shared/contract/catalog.js';
import type { ReadDb } from '../ledger/connection.js';
import { clients } from '../ledger/schema/catalog.js';

/** Escapes LIKE wildcards so what a cashier types is matched literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function searchClients(db: ReadDb, input: { query: string; limit: number }): ClientView[] {
  const query = likeLiteral(input.query.trim());
  const where =
    query === ''
      ? undefined
      : or(
          sql`${clients.name} like ${`${query}%`} escape '\\'`,
          sql`${clients.name} like ${`% ${query}%`} escape '\\'`,
          sql`${clients.phone} like ${`${query}%`} escape '\\'`,
        );
  return db
    .select({
      id: clients.id,
      name: clients.name,
      phone: clients.phone,
      kraPin: clients.kraPin,
      creditLimit: clients.creditLimit,
      creditBalance: clients.creditBalance,
    })
    .from(clients)
    .where(where)
    .orderBy(asc(clients.name))
    .limit(input.limit)
    .all();
}
