// Every /api/ route declares `config: { permission }`; this module refuses to start without it, keeps the
// introspectable route table, authenticates the Bearer token and checks the role before validation runs
// (so a caller without rights learns nothing about the body's shape).
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { ROLE_RANK } from '../../src-shared/contract/common.js';
import type { Role } from '../../src-shared/contract/common.js';
import { rememberStoreIds } from '../auth/scope.js';
import { TokenError, type TokenClaims, type TokenService } from '../auth/tokens.js';
import { storeMembers, users } from '../db/schema/users.js';
import { ApiError, notAuthenticated, permissionDenied } from './errors.js';
import type { ApiApp, AppContext, AuthUser, Permission } from './types.js';

export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission;
}

const MIN_ROLE: Record<Exclude<Permission, 'public' | 'authenticated'>, Role> = {
  employee: 'employee',
  manager: 'manager',
  owner: 'owner',
};

/** Does a user of `role` pass `permission`? (public and authenticated: everyone signed in.) */
export function roleAllows(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return ROLE_RANK[role] >= ROLE_RANK[MIN_ROLE[permission]];
}

export function hasRole(user: AuthUser, atLeast: Role): boolean {
  return ROLE_RANK[user.role] >= ROLE_RANK[atLeast];
}

const claimsCache = new WeakMap<FastifyRequest, Promise<TokenClaims | null>>();

/** The verified access-token claims of the request's Bearer header; null when absent; TokenError if bad. */
export function bearerClaims(request: FastifyRequest, tokens: TokenService): Promise<TokenClaims | null> {
  let cached = claimsCache.get(request);
  if (!cached) {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    cached = match?.[1] ? tokens.verify(match[1], 'access') : Promise.resolve(null);
    claimsCache.set(request, cached);
  }
  return cached;
}

/** The signed-in user of a non-public route (the auth hook has already refused anonymous calls). */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw notAuthenticated();
  return request.user;
}

const invalidToken = () =>
  new ApiError(
    401,
    { detail: 'Given token not valid for any token type', code: 'token_not_valid' },
    { 'www-authenticate': 'Bearer realm="api"' },
  );

/** Installs the route-table collector (onRoute) and the authentication/authorization hook (onRequest). */
export function installPermissions(app: ApiApp, ctx: AppContext): RouteEntry[] {
  const table: RouteEntry[] = [];

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const isApi = route.url.startsWith('/api/');
    const permission = route.config?.permission;
    if (isApi && !permission) {
      throw new Error(`${methods.join(',')} ${route.url} declares no permission (config: { permission })`);
    }
    if (isApi && !route.url.endsWith('/')) {
      throw new Error(`${route.url}: API paths end with a slash (DRF compatibility)`);
    }
    if (!isApi) return;
    if (permission !== 'public') {
      route.schema = { ...route.schema, security: [{ bearerAuth: [] }] };
    }
    const tag = route.url.split('/')[2] ?? 'api';
    const schema = route.schema ?? {};
    route.schema = {
      ...schema,
      tags: schema.tags ?? [tag],
      description: [schema.description, `Permission: ${permission ?? 'public'}.`]
        .filter(Boolean)
        .join('\n\n'),
    };
    for (const method of methods) {
      if (method === 'HEAD' || route.config?.methodNotAllowed) continue;
      table.push({ method, url: route.url, permission: permission ?? 'public' });
    }
  });

  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    request.user = null;
    const permission = request.routeOptions.config.permission ?? 'public';
    if (permission === 'public') return;
    let claims: TokenClaims | null;
    try {
      claims = await bearerClaims(request, ctx.tokens);
    } catch (error) {
      if (error instanceof TokenError) throw invalidToken();
      throw error;
    }
    if (!claims) throw notAuthenticated();
    // The user's stores come along (most routes scope by them): one round trip instead of two.
    const [row] = await ctx.db
      .select({
        id: users.id,
        role: users.role,
        name: users.name,
        phoneNumber: users.phoneNumber,
        isActive: users.isActive,
        storeIds: sql<string | null>`(select group_concat(m.store_id separator ',')
          from ${storeMembers} m where m.user_id = ${users}.id)`,
      })
      .from(users)
      .where(eq(users.id, claims.user_id))
      .limit(1);
    if (!row) throw new ApiError(401, { detail: 'User not found', code: 'user_not_found' });
    if (!row.isActive) throw new ApiError(401, { detail: 'User is inactive', code: 'user_inactive' });
    request.user = { id: row.id, role: row.role, name: row.name, phoneNumber: row.phoneNumber };
    rememberStoreIds(request, row.storeIds ? row.storeIds.split(',') : []);
    if (!roleAllows(row.role, permission)) throw permissionDenied();
  });

  return table;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Internal: the 405 answer registered for a path's missing methods. */
    methodNotAllowed?: boolean;
  }
}
