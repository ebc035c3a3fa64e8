// Column conventions of the cloud schema (DESIGN.md "Money, quantities, ids, time"):
// ids CHAR(36) UUIDv7 made by newId() (never AUTO_INCREMENT), money and quantities BIGINT integers (minor
// units / thousandths, read as JS numbers), timestamps DATETIME(3) in UTC (the pool runs with timezone Z).
import { bigint, boolean, char, customType, datetime, varchar } from 'drizzle-orm/mysql-core';
import { newId } from '../../src-shared/domain/ids.js';

/** Primary key: CHAR(36) UUIDv7, generated in the app on insert. */
export const idPk = () => char('id', { length: 36 }).primaryKey().$defaultFn(newId);

/** A reference to another row's id (CHAR(36)); add .notNull() / .references() at the use site. */
export const ref = (name: string) => char(name, { length: 36 });

/** Money in integer minor units (cents), BIGINT. Render with toMoney() from src-server/http/fields.ts. */
export const money = (name: string) => bigint(name, { mode: 'number' });

/** Quantity in integer thousandths (qtyMilli), BIGINT. Render with toQuantity(). */
export const qty = (name: string) => bigint(name, { mode: 'number' });

/** A UTC instant with millisecond precision, DATETIME(3). */
export const utc = (name: string) => datetime(name, { mode: 'date', fsp: 3 });

/** created_at / updated_at, set by the app (UTC). */
export const timestamps = () => ({
  createdAt: utc('created_at')
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: utc('updated_at')
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
});

export const flag = (name: string, fallback: boolean) => boolean(name).notNull().default(fallback);

/** A short text code typed as one of `values` (VARCHAR, so adding a value needs no ALTER of an ENUM). */
export const code = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  varchar(name, { length: 20, enum: values as unknown as [T[number], ...T[number][]] });

/**
 * A JSON document. MariaDB stores JSON as LONGTEXT and returns text while MySQL returns parsed values;
 * this column reads both the same way.
 */
export const jsonData = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'json',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value),
});
