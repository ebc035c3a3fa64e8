// Customers with accounts (clients) and suppliers, business-wide.
import { index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { flag, idPk, money, timestamps } from '../columns.js';

export const clients = mysqlTable(
  'clients',
  {
    id: idPk(),
    name: varchar('name', { length: 150 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    email: varchar('email', { length: 254 }),
    kraPin: varchar('kra_pin', { length: 20 }),
    /** Minor units; 0 = no credit allowed. */
    creditLimit: money('credit_limit').notNull().default(0),
    /** What the client owes (minor units): CREDIT sales add, receipts subtract. */
    balance: money('balance').notNull().default(0),
    isActive: flag('is_active', true),
    ...timestamps(),
  },
  (t) => [index('clients_name_idx').on(t.name), index('clients_phone_idx').on(t.phone)],
);

export const suppliers = mysqlTable(
  'suppliers',
  {
    id: idPk(),
    name: varchar('name', { length: 150 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    email: varchar('email', { length: 254 }),
    kraPin: varchar('kra_pin', { length: 20 }),
    address: varchar('address', { length: 255 }),
    /** What we owe the supplier (minor units): received purchases add, payments subtract. */
    balance: money('balance').notNull().default(0),
    isActive: flag('is_active', true),
    ...timestamps(),
  },
  (t) => [index('suppliers_name_idx').on(t.name)],
);
