// buildApp: the cloud API as a Fastify instance (not listening). The process around it is cli/server.ts.
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { newId } from '../src-shared/domain/ids.js';
import { mysqlBlacklist, redisBlacklist } from './auth/blacklist.js';
import { TokenService } from './auth/tokens.js';
import type { ServerConfig } from './config.js';
import type { Db } from './db/client.js';
import { installDocs } from './http/docs.js';
import { installErrorHandler, installMethodNotAllowed } from './http/error-handler.js';
import { installPermissions, type RouteEntry } from './http/permissions.js';
import { installSecurity } from './http/security.js';
import type { ApiApp, AppContext } from './http/types.js';
import { useDrfMessages } from './http/zod-messages.js';
import { ROUTE_MODULES } from './routes/index.js';
import { ProductListCache } from './services/product-list-cache.js';

export interface BuildAppOptions {
  config: ServerConfig;
  db: Db;
  redis?: Redis | undefined;
  logger?: Logger | undefined;
}

export interface BuiltApp {
  app: ApiApp;
  ctx: AppContext;
  /** Every /api/ route with its declared permission (HEAD and 405 answers left out). */
  routes: readonly RouteEntry[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
export const API_VERSION = '1.0.0';

export async function buildApp(options: BuildAppOptions): Promise<BuiltApp> {
  useDrfMessages();
  const logger = options.logger ?? pino({ name: 'asiria-server', level: options.config.logLevel });
  const tokens = new TokenService({
    secret: options.config.jwtSecret,
    accessLifetimeMs: options.config.accessTokenLifetimeMs,
    refreshLifetimeMs: options.config.refreshTokenLifetimeMs,
  });
  const ctx: AppContext = {
    config: options.config,
    db: options.db,
    redis: options.redis,
    tokens,
    blacklist: options.redis ? redisBlacklist(options.redis) : mysqlBlacklist(options.db),
    logger,
    productLists: new ProductListCache(),
  };

  const fastifyLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: fastifyLogger,
    trustProxy: options.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    routerOptions: { ignoreTrailingSlash: false },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  installErrorHandler(app);
  const routes = installPermissions(app, ctx);
  await installDocs(app, API_VERSION);
  await installSecurity(app, ctx);

  for (const module of ROUTE_MODULES) {
    await app.register(async (scope) => {
      await module(scope, ctx);
    });
  }
  installMethodNotAllowed(app, routes);

  return { app, ctx, routes };
}
