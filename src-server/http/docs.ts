// API documentation, all served from npm-installed assets (works offline, no CDN):
// OpenAPI 3 at GET /api/schema/ (generated from the zod route schemas), Swagger UI at /swagger/,
// ReDoc at /redoc/ (redoc's standalone bundle from node_modules).
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiApp } from './types.js';

const require = createRequire(import.meta.url);
const REDOC_BUNDLE = require.resolve('redoc/bundles/redoc.standalone.js');

const REDOC_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>AsiriaPOS API — ReDoc</title>
    <style>body { margin: 0; padding: 0; }</style>
  </head>
  <body>
    <redoc spec-url="/api/schema/"></redoc>
    <script src="/redoc/redoc.standalone.js"></script>
  </body>
</html>
`;

/** ReDoc renders with inline styles and a blob: web worker; nothing leaves this server. */
const REDOC_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ');

export async function installDocs(app: ApiApp, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'AsiriaPOS cloud API',
        version,
        description:
          'Lists are paginated {count, next, previous, results}; money is a decimal string with 2 places, ' +
          'quantities with 3; validation errors are 400 {"field": ["message"]} (nested fields joined with ' +
          'dots, e.g. "details.0.quantity"); 401/403/404/405 are {"detail": "..."}. Sign in with ' +
          'POST /api/token/ and send "Authorization: Bearer <access>".',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(fastifySwaggerUi, {
    routePrefix: '/swagger',
    uiConfig: { persistAuthorization: true, deepLinking: true },
    staticCSP: true,
  });

  app.route({
    method: 'GET',
    url: '/api/schema/',
    config: { permission: 'public' },
    schema: {
      hide: true,
      querystring: z.object({ format: z.enum(['json', 'openapi-json']).optional() }),
    },
    handler: (_request, reply) => reply.type('application/json; charset=utf-8').send(app.swagger()),
  });

  app.route({
    method: 'GET',
    url: '/redoc/',
    schema: { hide: true },
    handler: (_request, reply) =>
      reply.header('content-security-policy', REDOC_CSP).type('text/html; charset=utf-8').send(REDOC_HTML),
  });

  app.route({
    method: 'GET',
    url: '/redoc/redoc.standalone.js',
    schema: { hide: true },
    handler: (_request, reply) =>
      reply
        .type('application/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(createReadStream(REDOC_BUNDLE)),
  });
}
