// Security headers (helmet), the CORS allow-list and rate limiting (per user when signed in, else per
// IP; Redis-backed when REDIS_URL is set so every API node counts together).
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { bearerClaims } from './permissions.js';
import type { ApiApp, AppContext } from './types.js';

export async function installSecurity(app: ApiApp, ctx: AppContext): Promise<void> {
  await app.register(fastifyHelmet, (instance) => ({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [
          "'self'",
          ...((instance as unknown as { swaggerCSP?: { script: string[] } }).swaggerCSP?.script ?? []),
        ],
        styleSrc: [
          "'self'",
          ...((instance as unknown as { swaggerCSP?: { style: string[] } }).swaggerCSP?.style ?? []),
        ],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  }));

  await app.register(fastifyCors, {
    origin: ctx.config.corsOrigins.length ? ctx.config.corsOrigins : false,
    credentials: false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });

  await app.register(fastifyRateLimit, {
    global: true,
    max: ctx.config.rateLimit.max,
    timeWindow: ctx.config.rateLimit.windowMs,
    ...(ctx.redis ? { redis: ctx.redis, nameSpace: 'asiria:ratelimit:' } : {}),
    keyGenerator: async (request) => {
      try {
        const claims = await bearerClaims(request, ctx.tokens);
        if (claims) return `user:${claims.user_id}`;
      } catch {
        // an invalid token is counted against the IP; the auth hook answers 401
      }
      return `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      detail: `Request was throttled. Expected available in ${Math.ceil(context.ttl / 1000)} seconds.`,
      message: `Request was throttled. Expected available in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  });
}
