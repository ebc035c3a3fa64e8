// /api/clients/: customers with an account (credit sales, receipts), business-wide. Employees read them
// (a sale on credit names its client); managers and owners write. `balance` (what the client owes) is
// read-only: CREDIT sales add to it and receipts subtract.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { clients } from '../db/schema/parties.js';
import {
  moneyIn,
  moneyOut,
  phoneNumberField,
  queryBool,
  timestampOut,
  toMoney,
  toTimestamp,
} from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';
import type { RouteModule } from '../http/types.js';
import { containsAll, emailField, kraPinField, searchQuery } from '../services/catalog-common.js';
import { registerCrud } from '../services/catalog-crud.js';

export const clientOut = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  kra_pin: z.string().nullable(),
  credit_limit: moneyOut,
  balance: moneyOut.meta({ description: 'What the client owes (read-only)' }),
  is_active: z.boolean(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type ClientRow = typeof clients.$inferSelect;

export function toApiClient(row: ClientRow): z.infer<typeof clientOut> {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    kra_pin: row.kraPin,
    credit_limit: toMoney(row.creditLimit),
    balance: toMoney(row.balance),
    is_active: row.isActive,
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const clientBody = z.strictObject({
  name: z.string().trim().min(1).max(150),
  phone: phoneNumberField.nullable().optional(),
  email: emailField,
  kra_pin: kraPinField,
  credit_limit: moneyIn('nonNegative').optional().meta({ description: '0 = no credit allowed' }),
  is_active: z.boolean().optional(),
});
type ClientWrite = z.infer<typeof clientBody>;

function columnsOf(body: Partial<ClientWrite>) {
  return {
    ...(body.name !== undefined && { name: body.name }),
    ...(body.phone !== undefined && { phone: body.phone }),
    ...(body.email !== undefined && { email: body.email }),
    ...(body.kra_pin !== undefined && { kraPin: body.kra_pin }),
    ...(body.credit_limit !== undefined && { creditLimit: body.credit_limit }),
    ...(body.is_active !== undefined && { isActive: body.is_active }),
  };
}

const clientQuery = z.object({
  ...pageQuery,
  search: searchQuery.meta({ description: 'Name or phone' }),
  is_active: queryBool.optional(),
});

export const clientsRoutes: RouteModule = (app, ctx) => {
  registerCrud(app, ctx, {
    url: '/api/clients/',
    modelName: 'client',
    pulled: 'client',
    noun: 'client',
    plural: 'clients',
    table: clients,
    id: clients.id,
    orderBy: [clients.name],
    out: clientOut,
    toApi: toApiClient,
    body: clientBody,
    patch: clientBody.partial(),
    query: clientQuery,
    filters: (q) => [
      ...containsAll(q.search, [clients.name, clients.phone]),
      ...(q.is_active === undefined ? [] : [eq(clients.isActive, q.is_active)]),
    ],
    columns: columnsOf,
    inUse:
      'This client has sales or receipts and cannot be deleted; deactivate it instead (is_active: false).',
    read: 'employee',
    write: 'manager',
  });
};
