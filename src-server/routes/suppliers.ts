// /api/suppliers/: who the business buys from, business-wide. Employees read; managers and owners write.
// `balance` (what the business owes the supplier) is read-only: received purchases add, payments subtract.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { suppliers } from '../db/schema/parties.js';
import { moneyOut, phoneNumberField, queryBool, timestampOut, toMoney, toTimestamp } from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';
import type { RouteModule } from '../http/types.js';
import {
  containsAll,
  emailField,
  kraPinField,
  optionalText,
  searchQuery,
} from '../services/catalog-common.js';
import { registerCrud } from '../services/catalog-crud.js';

export const supplierOut = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  kra_pin: z.string().nullable(),
  address: z.string().nullable(),
  balance: moneyOut.meta({ description: 'What the business owes this supplier (read-only)' }),
  is_active: z.boolean(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type SupplierRow = typeof suppliers.$inferSelect;

export function toApiSupplier(row: SupplierRow): z.infer<typeof supplierOut> {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    kra_pin: row.kraPin,
    address: row.address,
    balance: toMoney(row.balance),
    is_active: row.isActive,
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const supplierBody = z.strictObject({
  name: z.string().trim().min(1).max(150),
  phone: phoneNumberField.nullable().optional(),
  email: emailField,
  kra_pin: kraPinField,
  address: optionalText(255),
  is_active: z.boolean().optional(),
});
type SupplierWrite = z.infer<typeof supplierBody>;

function columnsOf(body: Partial<SupplierWrite>) {
  return {
    ...(body.name !== undefined && { name: body.name }),
    ...(body.phone !== undefined && { phone: body.phone }),
    ...(body.email !== undefined && { email: body.email }),
    ...(body.kra_pin !== undefined && { kraPin: body.kra_pin }),
    ...(body.address !== undefined && { address: body.address }),
    ...(body.is_active !== undefined && { isActive: body.is_active }),
  };
}

export const suppliersRoutes: RouteModule = (app, ctx) => {
  registerCrud(app, ctx, {
    url: '/api/suppliers/',
    modelName: 'supplier',
    noun: 'supplier',
    plural: 'suppliers',
    table: suppliers,
    id: suppliers.id,
    orderBy: [suppliers.name],
    out: supplierOut,
    toApi: toApiSupplier,
    body: supplierBody,
    patch: supplierBody.partial(),
    query: z.object({
      ...pageQuery,
      search: searchQuery.meta({ description: 'Name or phone' }),
      is_active: queryBool.optional(),
    }),
    filters: (q) => [
      ...containsAll(q.search, [suppliers.name, suppliers.phone]),
      ...(q.is_active === undefined ? [] : [eq(suppliers.isActive, q.is_active)]),
    ],
    columns: columnsOf,
    inUse:
      'This supplier has purchases or payments and cannot be deleted; deactivate it instead (is_active: false).',
    read: 'employee',
    write: 'manager',
  });
};
