// /api/users/: people who sign in. Owners manage everyone in their stores; managers manage employees
// only. Passwords and PINs are write-only. DELETE deactivates (a user who sold something stays on record).
import { and, asc, count, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../src-shared/contract/common.js';
import { hashSecret } from '../auth/passwords.js';
import { forgetStoreIds, requestStoreIds } from '../auth/scope.js';
import { writeAudit } from '../db/audit.js';
import { isDuplicateKey } from '../db/errors.js';
import { users } from '../db/schema/users.js';
import { withTransaction } from '../db/transaction.js';
import { fieldError, invalidPk, notFound, permissionDenied, validationError } from '../http/errors.js';
import { idParams, phoneNumberField, pinField, queryBool, uuidField } from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser, hasRole } from '../http/permissions.js';
import type { AppContext, AuthUser, RouteModule } from '../http/types.js';
import { noteUsers } from '../services/sync-changes.js';
import {
  findVisibleUser,
  membershipsOf,
  setMemberships,
  storesField,
  toApiUser,
  userFilters,
  userOut,
  visibleUsers,
  type UserOut,
  type UserRow,
} from './users-data.js';

const roleField = z.enum(['owner', 'manager', 'employee']);
const passwordField = z
  .string()
  .min(8, 'This password is too short. It must contain at least 8 characters.')
  .max(128);
const userFields = {
  phone_number: phoneNumberField,
  name: z.string().trim().min(1).max(150),
  role: roleField,
  password: passwordField.meta({ description: 'Write-only' }),
  pin: pinField.optional().meta({ description: 'Write-only; 4–8 digits for PIN switching at the till' }),
  is_active: z.boolean().optional(),
  stores: storesField.optional(),
};
const createBody = z.strictObject(userFields);
const updateBody = z.strictObject({ ...userFields, password: userFields.password.optional() });
const patchBody = updateBody.partial();
type UserWrite = z.infer<typeof patchBody>;

const DUPLICATE_PHONE = 'user with this phone number already exists.';

/** May `actor` manage a user with role `target`? Owners: anyone; managers: employees only. */
function canManage(actor: AuthUser, target: Role): boolean {
  return actor.role === 'owner' || (actor.role === 'manager' && target === 'employee');
}

async function context(request: FastifyRequest, ctx: AppContext) {
  const actor = currentUser(request);
  const storeIds = await requestStoreIds(request, ctx.db);
  return { actor, storeIds, visible: visibleUsers(actor.id, storeIds) };
}

async function represent(ctx: AppContext, row: UserRow): Promise<UserOut> {
  const stores = await membershipsOf(ctx.db, [row.id]);
  return toApiUser(row, stores.get(row.id) ?? []);
}

function checkStores(wanted: string[] | undefined, allowed: string[]): void {
  const bad = (wanted ?? []).filter((s) => !allowed.includes(s));
  if (bad.length) throw validationError({ stores: bad.map(invalidPk) });
}

export const usersRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/users/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Users visible to you (members of your stores and users you created)',
      querystring: z.object({
        ...pageQuery,
        search: z.string().trim().max(100).optional(),
        role: roleField.optional(),
        is_active: queryBool.optional(),
        store: uuidField.optional(),
      }),
      response: { 200: pageOf(userOut) },
    },
    handler: async (request) => {
      const { visible } = await context(request, ctx);
      const where = and(visible, ...userFilters(request.query));
      return paginate(
        request,
        request.query,
        {
          count: async () => (await ctx.db.select({ n: count() }).from(users).where(where))[0]?.n ?? 0,
          rows: async (limit, offset) => {
            const rows = await ctx.db
              .select()
              .from(users)
              .where(where)
              .orderBy(asc(users.name), asc(users.id))
              .limit(limit)
              .offset(offset);
            const stores = await membershipsOf(
              ctx.db,
              rows.map((r) => r.id),
            );
            return rows.map((r) => toApiUser(r, stores.get(r.id) ?? []));
          },
        },
        (u) => u,
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/api/users/me/',
    config: { permission: 'authenticated' },
    schema: { summary: 'The signed-in user', response: { 200: userOut } },
    handler: async (request) => {
      const [row] = await ctx.db
        .select()
        .from(users)
        .where(eq(users.id, currentUser(request).id));
      if (!row) throw notFound();
      return represent(ctx, row);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/users/:id/',
    config: { permission: 'manager' },
    schema: { summary: 'One user', params: idParams, response: { 200: userOut } },
    handler: async (request) => {
      const { visible } = await context(request, ctx);
      const row = await findVisibleUser(ctx.db, request.params.id, visible);
      if (!row) throw notFound();
      return represent(ctx, row);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/users/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Create a user (managers: employees only)',
      body: createBody,
      response: { 201: userOut },
    },
    handler: async (request, reply) => {
      const { actor, storeIds } = await context(request, ctx);
      const body = request.body;
      if (!canManage(actor, body.role)) throw fieldError('role', 'You may not create a user with this role.');
      checkStores(body.stores, storeIds);
      const passwordHash = await hashSecret(body.password);
      const pinHash = body.pin ? await hashSecret(body.pin) : null;
      const created = await withTransaction(ctx.db, async (tx) => {
        const taken = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.phoneNumber, body.phone_number));
        if (taken.length) throw fieldError('phone_number', DUPLICATE_PHONE);
        const [row] = await tx
          .insert(users)
          .values({
            phoneNumber: body.phone_number,
            name: body.name,
            role: body.role,
            passwordHash,
            pinHash,
            isActive: body.is_active ?? true,
            createdBy: actor.id,
          })
          .$returningId();
        if (!row) throw new Error('insert returned no id');
        await setMemberships(tx, row.id, body.stores ?? [], storeIds);
        await noteUsers(tx, [row.id]);
        const [saved] = await tx.select().from(users).where(eq(users.id, row.id));
        if (!saved) throw new Error('created user not found');
        const out = toApiUser(saved, (await membershipsOf(tx, [row.id])).get(row.id) ?? []);
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          { action: 'create', modelName: 'user', objectId: row.id, after: out },
        );
        return out;
      }).catch((error: unknown) => {
        throw isDuplicateKey(error, 'users_phone_number_uq')
          ? fieldError('phone_number', DUPLICATE_PHONE)
          : error;
      });
      return reply.code(201).send(created);
    },
  });

  const update = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    body: UserWrite,
  ): Promise<UserOut> => {
    const { actor, storeIds, visible } = await context(request, ctx);
    const target = await findVisibleUser(ctx.db, request.params.id, visible);
    if (!target) throw notFound();
    const self = target.id === actor.id;
    if (!self && !canManage(actor, target.role)) throw permissionDenied('You may not change this user.');
    if (body.role !== undefined && body.role !== target.role) {
      if (self) throw fieldError('role', 'You cannot change your own role.');
      if (!canManage(actor, body.role)) throw fieldError('role', 'You may not give this role.');
    }
    if (self && body.is_active === false) throw fieldError('is_active', 'You cannot deactivate yourself.');
    checkStores(body.stores, storeIds);
    const passwordHash = body.password ? await hashSecret(body.password) : undefined;
    const pinHash = body.pin ? await hashSecret(body.pin) : undefined;
    return withTransaction(ctx.db, async (tx) => {
      const storesBefore = (await membershipsOf(tx, [target.id])).get(target.id) ?? [];
      const before = toApiUser(target, storesBefore);
      if (body.phone_number !== undefined && body.phone_number !== target.phoneNumber) {
        const taken = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.phoneNumber, body.phone_number));
        if (taken.length) throw fieldError('phone_number', DUPLICATE_PHONE);
      }
      await tx
        .update(users)
        .set({
          ...(body.phone_number !== undefined && { phoneNumber: body.phone_number }),
          ...(body.name !== undefined && { name: body.name }),
          ...(body.role !== undefined && { role: body.role }),
          ...(body.is_active !== undefined && { isActive: body.is_active }),
          ...(passwordHash && { passwordHash, failedLogins: 0, lockedUntil: null }),
          ...(pinHash && { pinHash }),
          updatedAt: new Date(),
        })
        .where(eq(users.id, target.id));
      if (body.stores) await setMemberships(tx, target.id, body.stores, storeIds);
      // The stores that saw the user before see the change too (a delete where they no longer do).
      await noteUsers(tx, [target.id], target.role === 'owner' ? 'all' : storesBefore);
      const [saved] = await tx.select().from(users).where(eq(users.id, target.id));
      if (!saved) throw notFound();
      const after = toApiUser(saved, (await membershipsOf(tx, [target.id])).get(target.id) ?? []);
      const secrets = [passwordHash && 'password', pinHash && 'pin'].filter(Boolean);
      await writeAudit(
        tx,
        { userId: actor.id, requestId: request.id },
        {
          action: 'update',
          modelName: 'user',
          objectId: target.id,
          before,
          after: secrets.length ? { ...after, changed_secrets: secrets } : after,
        },
      );
      if (self) forgetStoreIds(request);
      return after;
    });
  };

  app.route({
    method: 'PUT',
    url: '/api/users/:id/',
    config: { permission: 'manager' },
    schema: { summary: 'Replace a user', params: idParams, body: updateBody, response: { 200: userOut } },
    handler: (request) => update(request, request.body),
  });

  app.route({
    method: 'PATCH',
    url: '/api/users/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Change some fields of a user',
      params: idParams,
      body: patchBody,
      response: { 200: userOut },
    },
    handler: (request) => update(request, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/users/:id/set_pin/',
    config: { permission: 'authenticated' },
    schema: {
      summary: 'Set the till PIN of yourself, or of a user you manage',
      params: idParams,
      body: z.strictObject({ pin: pinField }),
      response: { 200: z.object({ detail: z.string() }) },
    },
    handler: async (request) => {
      const { actor, visible } = await context(request, ctx);
      const target = await findVisibleUser(ctx.db, request.params.id, visible);
      const self = target?.id === actor.id;
      if (!target || (!self && !hasRole(actor, 'manager'))) throw notFound();
      if (!self && !canManage(actor, target.role)) throw permissionDenied('You may not change this user.');
      const pinHash = await hashSecret(request.body.pin);
      await withTransaction(ctx.db, async (tx) => {
        await tx.update(users).set({ pinHash, updatedAt: new Date() }).where(eq(users.id, target.id));
        await noteUsers(tx, [target.id]);
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          { action: 'set_pin', modelName: 'user', objectId: target.id },
        );
      });
      return { detail: 'PIN set.' };
    },
  });

  app.route({
    method: 'DELETE',
    url: '/api/users/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Deactivate a user (they can no longer sign in)',
      params: idParams,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      const { actor, visible } = await context(request, ctx);
      const target = await findVisibleUser(ctx.db, request.params.id, visible);
      if (!target) throw notFound();
      if (target.id === actor.id) throw permissionDenied('You cannot delete yourself.');
      if (!canManage(actor, target.role)) throw permissionDenied('You may not change this user.');
      await withTransaction(ctx.db, async (tx) => {
        await tx.update(users).set({ isActive: false, updatedAt: new Date() }).where(eq(users.id, target.id));
        await noteUsers(tx, [target.id]);
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          {
            action: 'delete',
            modelName: 'user',
            objectId: target.id,
            before: { is_active: target.isActive },
            after: { is_active: false },
          },
        );
      });
      return reply.code(204).send();
    },
  });
};
