// Types every route module uses: the app handle (zod type provider), the shared context, the user.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Role } from '../../src-shared/contract/common.js';
import type { TokenBlacklist } from '../auth/blacklist.js';
import type { TokenService } from '../auth/tokens.js';
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/client.js';
import type { ProductListCache } from '../services/product-list-cache.js';

/** Who may call a route: anyone, any signed-in user, or at least this role (owner > manager > employee). */
export type Permission = 'public' | 'authenticated' | 'employee' | 'manager' | 'owner';
export const PERMISSIONS: readonly Permission[] = ['public', 'authenticated', 'employee', 'manager', 'owner'];

export interface AuthUser {
  id: string;
  role: Role;
  name: string;
  phoneNumber: string;
}

export interface AppContext {
  config: ServerConfig;
  db: Db;
  redis: Redis | undefined;
  tokens: TokenService;
  blacklist: TokenBlacklist;
  logger: Logger;
  /** Counts and first ids of product lists, per catalog version (services/product-list-cache.ts). */
  productLists: ProductListCache;
}

export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** One resource's routes: `export const usersRoutes: RouteModule = (app, ctx) => { app.route(...) }`. */
export type RouteModule = (app: ApiApp, ctx: AppContext) => void | Promise<void>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** REQUIRED on every /api/ route; checked at start-up (see http/permissions.ts). */
    permission?: Permission;
  }
  interface FastifyRequest {
    /** Set by the auth hook for every non-public route; null on public routes. */
    user: AuthUser | null;
  }
}
