// /api/categories/: the product tree ("Drinks" > "Soft drinks"), business-wide. A parent must exist and
// may not be the category itself or one of its descendants. A category with subcategories or products
// cannot be deleted (409). Employees read; managers and owners write.
import { eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { categories } from '../db/schema/catalog.js';
import type { Tx } from '../db/transaction.js';
import { conflict, fieldError, invalidPk } from '../http/errors.js';
import { queryBool, timestampOut, toTimestamp, uuidField } from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';
import type { RouteModule } from '../http/types.js';
import { containsAll, searchQuery } from '../services/catalog-common.js';
import { registerCrud } from '../services/catalog-crud.js';

export const categoryOut = z.object({
  id: z.uuid(),
  name: z.string(),
  parent: z.uuid().nullable().meta({ description: 'The parent category, null at the top' }),
  is_active: z.boolean(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type CategoryRow = typeof categories.$inferSelect;

export function toApiCategory(row: CategoryRow): z.infer<typeof categoryOut> {
  return {
    id: row.id,
    name: row.name,
    parent: row.parentId,
    is_active: row.isActive,
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const categoryBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  parent: uuidField.nullable().optional(),
  is_active: z.boolean().optional(),
});
type CategoryWrite = z.infer<typeof categoryBody>;

function columnsOf(body: Partial<CategoryWrite>) {
  return {
    ...(body.name !== undefined && { name: body.name }),
    ...(body.parent !== undefined && { parentId: body.parent }),
    ...(body.is_active !== undefined && { isActive: body.is_active }),
  };
}

/**
 * The tree is small and shallow: walk up from `parent`, refusing unknown ids and cycles through `self`.
 * parent_id has no foreign key, so the ancestors are locked (FOR UPDATE: MariaDB has no FOR SHARE) until
 * commit, and a concurrent delete of the parent waits for this write.
 */
async function checkParent(tx: Tx, parent: string, self: string | null): Promise<void> {
  const seen = new Set<string>();
  let at: string | null = parent;
  while (at !== null) {
    if (at === self) {
      throw fieldError(
        'parent',
        at === parent
          ? 'A category cannot be its own parent.'
          : 'A category cannot be moved under one of its subcategories.',
      );
    }
    if (seen.has(at)) break; // an existing cycle elsewhere: stop walking
    seen.add(at);
    const [row]: { parentId: string | null }[] = await tx
      .select({ parentId: categories.parentId })
      .from(categories)
      .where(eq(categories.id, at))
      .for('update');
    if (!row) {
      if (at === parent) throw fieldError('parent', invalidPk(parent));
      break;
    }
    at = row.parentId;
  }
}

export const categoriesRoutes: RouteModule = (app, ctx) => {
  registerCrud(app, ctx, {
    url: '/api/categories/',
    modelName: 'category',
    pulled: 'category',
    noun: 'category',
    plural: 'categories',
    table: categories,
    id: categories.id,
    orderBy: [categories.name],
    out: categoryOut,
    toApi: toApiCategory,
    body: categoryBody,
    patch: categoryBody.partial(),
    query: z.object({
      ...pageQuery,
      search: searchQuery.meta({ description: 'Name' }),
      parent: z
        .union([uuidField, z.literal('null')])
        .optional()
        .meta({ description: 'Subcategories of this category; "null" for the top level' }),
      is_active: queryBool.optional(),
    }),
    filters: (q) => [
      ...containsAll(q.search, [categories.name]),
      ...(q.parent === undefined
        ? []
        : [q.parent === 'null' ? isNull(categories.parentId) : eq(categories.parentId, q.parent)]),
      ...(q.is_active === undefined ? [] : [eq(categories.isActive, q.is_active)]),
    ],
    columns: columnsOf,
    validate: async (tx, _request, body, current) => {
      if (body.parent) await checkParent(tx, body.parent, current?.id ?? null);
    },
    unique: [
      { index: 'categories_name_uq', field: 'name', message: 'category with this name already exists.' },
    ],
    beforeDelete: async (tx, row) => {
      const [child] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(eq(categories.parentId, row.id))
        .limit(1)
        .for('update');
      if (child) throw conflict('This category has subcategories; move or delete them first.');
    },
    inUse:
      'This category is used by products and cannot be deleted; move the products or deactivate it (is_active: false).',
    read: 'employee',
    write: 'manager',
  });
};
