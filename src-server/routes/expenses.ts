// /api/expenses/: running costs of a store, optionally paid from an OPEN cash session (then a paid-out
// that lowers the session's expected cash). Managers and owners only: letting the person who counts a
// drawer also record its paid-outs would defeat the reconciliation. Rules in services/finance.ts.
import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestStoreIds, requireStoreAccess, visibleRow } from '../auth/scope.js';
import { writeAudit } from '../db/audit.js';
import { createAudited } from '../db/create-audited.js';
import { expenses } from '../db/schema/finance.js';
import { withTransaction } from '../db/transaction.js';
import {
  idParams,
  moneyIn,
  moneyOut,
  timestampOut,
  toMoney,
  toTimestamp,
  uuidField,
} from '../http/fields.js';
import { newestFirst } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { RouteModule } from '../http/types.js';
import { deleteExpense, recordExpense } from '../services/finance.js';

const dateField = z.iso.date({
  error: 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.',
});

const expenseOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  session: z.uuid().nullable(),
  category: z.string(),
  description: z.string().nullable(),
  amount: moneyOut,
  expense_date: z.string(),
  user: z.uuid(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type ExpenseRow = typeof expenses.$inferSelect;
type ExpenseOut = z.infer<typeof expenseOut>;

function toApiExpense(row: ExpenseRow): ExpenseOut {
  return {
    id: row.id,
    store: row.storeId,
    session: row.sessionId,
    category: row.category,
    description: row.description,
    amount: toMoney(row.amount),
    expense_date: row.expenseDate,
    user: row.userId,
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const createBody = z.strictObject({
  store: uuidField,
  category: z.string().trim().min(1).max(60),
  description: z.string().trim().max(2000).nullable().optional(),
  amount: moneyIn('positive'),
  session: uuidField
    .nullable()
    .optional()
    .meta({ description: 'An OPEN cash session of the same store the money was paid from (a paid-out)' }),
  expense_date: dateField
    .optional()
    .meta({ description: "Defaults to the session's business date, else today (UTC)" }),
});

export const expensesRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/expenses/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Expenses of your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        store: uuidField.optional(),
        session: uuidField.optional(),
        category: z.string().trim().max(60).optional(),
        date_from: dateField.optional(),
        date_to: dateField.optional(),
      }),
      response: { 200: pageOf(expenseOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(expenses.storeId, await requestStoreIds(request, ctx.db))];
      if (q.store) filters.push(eq(expenses.storeId, q.store));
      if (q.session) filters.push(eq(expenses.sessionId, q.session));
      if (q.category) filters.push(eq(expenses.category, q.category));
      if (q.date_from) filters.push(gte(expenses.expenseDate, q.date_from));
      if (q.date_to) filters.push(lte(expenses.expenseDate, q.date_to));
      const where = and(...filters);
      return paginate(request, q, newestFirst(ctx.db, expenses, where, expenses.expenseDate), toApiExpense);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/expenses/:id/',
    config: { permission: 'manager' },
    schema: { summary: 'One expense', params: idParams, response: { 200: expenseOut } },
    handler: async (request) => toApiExpense(await visibleRow(request, ctx.db, expenses, request.params.id)),
  });

  app.route({
    method: 'POST',
    url: '/api/expenses/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Record an expense (optionally paid from an open cash session)',
      body: createBody,
      response: { 201: expenseOut },
    },
    handler: async (request, reply) => {
      const actor = { userId: currentUser(request).id, requestId: request.id };
      const body = request.body;
      await requireStoreAccess(request, ctx.db, body.store, 'store');
      const created = await createAudited(ctx.db, actor, {
        table: expenses,
        modelName: 'expense',
        toApi: toApiExpense,
        create: async (tx) => ({
          id: await recordExpense(tx, {
            storeId: body.store,
            sessionId: body.session ?? null,
            category: body.category,
            description: body.description ?? null,
            amount: body.amount,
            expenseDate: body.expense_date ?? null,
            userId: actor.userId,
          }),
          storeId: body.store,
        }),
      });
      return reply.code(201).send(created);
    },
  });

  app.route({
    method: 'DELETE',
    url: '/api/expenses/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Delete a mistaken expense (not one paid from a session that is already closed)',
      params: idParams,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      const actor = { userId: currentUser(request).id, requestId: request.id };
      const expense = await visibleRow(request, ctx.db, expenses, request.params.id);
      await withTransaction(ctx.db, async (tx) => {
        await deleteExpense(tx, expense.id);
        await writeAudit(tx, actor, {
          action: 'delete',
          modelName: 'expense',
          objectId: expense.id,
          storeId: expense.storeId,
          before: toApiExpense(expense),
        });
      });
      return reply.code(204).send();
    },
  });
};
