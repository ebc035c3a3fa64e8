// Column conventions of the cloud schema (DESIGN.md "Money, quantities, ids, time"):
// ids CHAR(36) UUIDv7 made by newId() (never AUTO_INCREMENT), money and quantities BIGINT integers (minor
// units / thousandths, read as JS numbers), timestamps DATETIME(3) in UTC (the pool runs with timezone Z).
import { bigint, boolean, customType, datetime, varchar } from 'drizzle-orm/mysql-core';
import { newId } from '../../src-shared/domain/ids.js';

/**
 * A UUID column: CHAR(36) in ASCII with binary collation. Ids are compared in every index lookup and join;
 * under utf8mb4_unicode_ci each comparison goes through collation weights (and an index entry reserves 4
 * bytes a character). Binary ASCII compares bytes: the sync bench's raw inserts of a sale's rows ran 1.5 ×
 * faster. Ids are lower-case everywhere (newId, and uuidField lower-cases what clients send).
 */
export const uuidChar = customType<{ data: string; driverData: string }>({
  dataType: () => 'char(36) CHARACTER SET ascii COLLATE ascii_bin',
});

/** A short ASCII key compared with ids (binary collation, like uuidChar): VARCHAR(36). */
export const asciiKey = customType<{ data: string; driverData: string }>({
  dataType: () => 'varchar(36) CHARACTER SET ascii COLLATE ascii_bin',
});

/** Primary key: a UUIDv7 (uuidChar), generated in the app on insert. */
export const idPk = () => uuidChar('id').primaryKey().$defaultFn(newId);

/** A reference to another row's id (uuidChar); add .notNull() / .references() at the use site. */
export const ref = (name: string) => uuidChar(name);

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
