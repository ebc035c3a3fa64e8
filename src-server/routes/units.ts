// /api/units/: units of measure ("Piece"/"pc", "Kilogram"/"kg"), business-wide. allows_fraction marks
// weighed or measured goods whose quantities may have 3 decimals. Employees read; managers and owners write.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { units } from '../db/schema/catalog.js';
import { queryBool, timestampOut, toTimestamp } from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';
import type { RouteModule } from '../http/types.js';
import { containsAll, searchQuery } from '../services/catalog-common.js';
import { registerCrud } from '../services/catalog-crud.js';

export const unitOut = z.object({
  id: z.uuid(),
  name: z.string(),
  symbol: z.string(),
  allows_fraction: z.boolean().meta({ description: 'Quantities may have 3 decimals (kg, l, m)' }),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type UnitRow = typeof units.$inferSelect;

export function toApiUnit(row: UnitRow): z.infer<typeof unitOut> {
  return {
    id: row.id,
    name: row.name,
    symbol: row.symbol,
    allows_fraction: row.allowsFraction,
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const unitBody = z.strictObject({
  name: z.string().trim().min(1).max(50),
  symbol: z.string().trim().min(1).max(10),
  allows_fraction: z.boolean().optional(),
});
type UnitWrite = z.infer<typeof unitBody>;

function columnsOf(body: Partial<UnitWrite>) {
  return {
    ...(body.name !== undefined && { name: body.name }),
    ...(body.symbol !== undefined && { symbol: body.symbol }),
    ...(body.allows_fraction !== undefined && { allowsFraction: body.allows_fraction }),
  };
}

export const unitsRoutes: RouteModule = (app, ctx) => {
  registerCrud(app, ctx, {
    url: '/api/units/',
    modelName: 'unit',
    pulled: 'unit',
    noun: 'unit',
    plural: 'units',
    table: units,
    id: units.id,
    orderBy: [units.name],
    out: unitOut,
    toApi: toApiUnit,
    body: unitBody,
    patch: unitBody.partial(),
    query: z.object({
      ...pageQuery,
      search: searchQuery.meta({ description: 'Name or symbol' }),
      allows_fraction: queryBool.optional(),
    }),
    filters: (q) => [
      ...containsAll(q.search, [units.name, units.symbol]),
      ...(q.allows_fraction === undefined ? [] : [eq(units.allowsFraction, q.allows_fraction)]),
    ],
    columns: columnsOf,
    unique: [{ index: 'units_name_uq', field: 'name', message: 'unit with this name already exists.' }],
    inUse: 'This unit is used by products and cannot be deleted.',
    read: 'employee',
    write: 'manager',
  });
};
