// The whole ledger schema, one object for drizzle's relational queries and type inference.
import * as audit from './schema/audit.js';
import * as cash from './schema/cash.js';
import * as catalog from './schema/catalog.js';
import * as hardware from './schema/hardware.js';
import * as sales from './schema/sales.js';
import * as stock from './schema/stock.js';
import * as sync from './schema/sync.js';
import * as till from './schema/till.js';

export const ledgerSchema = {
  ...catalog,
  ...till,
  ...sales,
  ...cash,
  ...stock,
  ...audit,
  ...hardware,
  ...sync,
};
export type LedgerSchema = typeof ledgerSchema;
