// /api/sync/: the till ⇄ cloud protocol (src-shared/contract/sync.ts). push/ authenticates the till's
// device credential (Authorization: Device <terminal id>:<secret>), never a user's token, so its route
// permission is 'public' for the JWT layer. quarantine/ lists what pushes could not apply, for managers.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  protocolVerdict,
  pullPageSchema,
  pullQuerySchema,
  pushRequestSchema,
  pushResponseSchema,
  SYNC_MIN_PROTOCOL_VERSION,
  SYNC_PROTOCOL_VERSION,
  syncErrorSchema,
} from '../../src-shared/contract/sync.js';
import { authenticateDevice, type TerminalRow } from '../auth/device-credentials.js';
import { requestStoreIds } from '../auth/scope.js';
import { syncQuarantine } from '../db/schema/sync.js';
import { ApiError, validationError, type FieldErrors } from '../http/errors.js';
import { uuidField } from '../http/fields.js';
import { newestFirst } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import type { RouteModule } from '../http/types.js';
import { pullChanges } from '../services/sync-pull.js';
import { applyPush, quarantineOut, toApiQuarantine } from '../services/sync-push.js';

/** The protocol check comes first, so a till too old (or too new) is told so whatever else changed. */
function checkProtocol(protocol: number): void {
  const verdict = protocolVerdict(protocol);
  if (verdict === 'too_old') {
    throw new ApiError(426, {
      detail:
        `Update this till: it speaks sync protocol ${protocol} and the cloud needs at least ` +
        `${SYNC_MIN_PROTOCOL_VERSION}. Its unsent sales are kept on the till until it is updated.`,
      code: 'PROTOCOL_TOO_OLD',
      minProtocol: SYNC_MIN_PROTOCOL_VERSION,
    });
  }
  if (verdict === 'too_new') {
    throw new ApiError(400, {
      detail:
        `This till speaks sync protocol ${protocol}, newer than this cloud (at most ` +
        `${SYNC_PROTOCOL_VERSION}): the cloud must be updated first. Nothing was applied.`,
      code: 'PROTOCOL_TOO_NEW',
      maxProtocol: SYNC_PROTOCOL_VERSION,
    });
  }
}

/**
 * Sends `body` serialised here: Fastify passes a string with a JSON content type through untouched (no
 * response schema walk). For large answers whose shape the service guarantees.
 */
function sendSerialized(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : 'non_field_errors';
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

export const syncRoutes: RouteModule = (app, ctx) => {
  const devices = new WeakMap<FastifyRequest, TerminalRow>();
  app.route({
    method: 'POST',
    url: '/api/sync/push/',
    config: { permission: 'public' },
    // A batch of up to SYNC_MAX_BATCH events: 500 sales of 10 lines are ~4 MB of JSON (the app's default is 1 MB).
    bodyLimit: 16 * 1024 * 1024,
    schema: {
      summary: "Push a batch of the till's outbox events (device credential)",
      description:
        'Authorization: `Device <terminal id>:<device secret>` (from POST /api/terminals/). Body: ' +
        '`{protocol, terminalId, epoch, events: [{seq, eventId, type, payload, createdAt}]}` in increasing ' +
        'seq order. Applied in one transaction under a lock on the till’s cursor: resends are duplicates, a ' +
        'gap in seq stops the batch, an event that cannot be applied is quarantined (and acknowledged). ' +
        'The answer’s ackedThroughSeq is the highest seq held with every lower seq held too. 426 ' +
        '`PROTOCOL_TOO_OLD`: update this till; 401 `DEVICE_REVOKED`/`DEVICE_UNAUTHORIZED`; 409 ' +
        '`EPOCH_MISMATCH`.',
      body: z.looseObject({ protocol: z.number().int() }),
      response: {
        200: pushResponseSchema,
        400: z.union([syncErrorSchema, z.record(z.string(), z.array(z.string()))]),
        401: syncErrorSchema,
        409: syncErrorSchema,
        426: syncErrorSchema,
      },
    },
    // Before the body is validated: a too old/new protocol is told first (whatever else changed in the
    // body), then the device credential is checked, so a caller without one learns nothing more.
    preValidation: async (request) => {
      const protocol = (request.body as { protocol?: unknown } | undefined)?.protocol;
      if (typeof protocol === 'number') checkProtocol(protocol);
      devices.set(request, await authenticateDevice(request, ctx.db));
    },
    handler: async (request) => {
      checkProtocol(request.body.protocol);
      const terminal = devices.get(request);
      if (!terminal) throw new Error('push without an authenticated device');
      const parsed = pushRequestSchema.safeParse(request.body);
      if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
      if (parsed.data.terminalId !== terminal.id) {
        throw validationError({ terminalId: ['This is not the terminal of the device credential.'] });
      }
      return applyPush(ctx.db, terminal, parsed.data);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/sync/pull/',
    config: { permission: 'public' },
    schema: {
      summary: "A page of the store's change log after the till's cursor (device credential)",
      description:
        'Authorization: `Device <terminal id>:<device secret>`. Query: `protocol`, `cursor` (the version the ' +
        'till has applied, 0 at first), `limit` (1–5000, default 1000). Returns the changes with version > ' +
        'cursor in version order, each with the entity as of one consistent read, in the till’s shape ' +
        '(products with barcodes, categories, units, tax classes, users of the store with their hashes, ' +
        'clients, stock levels, approvals, store settings); an entity gone or no longer seen by the store is ' +
        'a `delete`. Advance the cursor to `nextCursor` after applying the page; ask again at once while ' +
        '`hasMore`. A store pulled for the first time has its log built first. 426 `PROTOCOL_TOO_OLD`: ' +
        'update this till; 401 `DEVICE_REVOKED`/`DEVICE_UNAUTHORIZED`.',
      querystring: pullQuerySchema,
      response: {
        200: pullPageSchema,
        400: z.union([syncErrorSchema, z.record(z.string(), z.array(z.string()))]),
        401: syncErrorSchema,
        426: syncErrorSchema,
      },
    },
    // Before the query is validated: a too old/new protocol is told first, then the device is checked.
    preValidation: async (request) => {
      const protocol = Number((request.query as { protocol?: unknown } | undefined)?.protocol);
      if (Number.isInteger(protocol)) checkProtocol(protocol);
      devices.set(request, await authenticateDevice(request, ctx.db));
    },
    handler: async (request, reply) => {
      checkProtocol(request.query.protocol);
      const terminal = devices.get(request);
      if (!terminal) throw new Error('pull without an authenticated device');
      const page = await pullChanges(ctx.db, terminal.storeId, request.query.cursor, request.query.limit);
      // Sent as a JSON string: Fastify skips the response serializer for a string with a JSON content type,
      // so a page of thousands of changes is not walked by zod again (the service builds it in the
      // schema's shape; tests/server/sync-pull.test.ts checks every page against it). The 200 schema above
      // stays for the API docs.
      return sendSerialized(reply, page);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/sync/quarantine/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Events from tills the cloud could not apply, newest first',
      description: 'Each with the reason and the event exactly as the till sent it.',
      querystring: z.object({
        ...pageQuery,
        store: uuidField.optional(),
        terminal: uuidField.optional(),
        type: z.string().trim().max(40).optional(),
      }),
      response: { 200: pageOf(quarantineOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const storeIds = await requestStoreIds(request, ctx.db);
      const filters: SQL[] = [storeIds.length ? inArray(syncQuarantine.storeId, storeIds) : sql`false`];
      if (q.store) filters.push(eq(syncQuarantine.storeId, q.store));
      if (q.terminal) filters.push(eq(syncQuarantine.terminalId, q.terminal));
      if (q.type) filters.push(eq(syncQuarantine.type, q.type));
      return paginate(request, q, newestFirst(ctx.db, syncQuarantine, and(...filters)), toApiQuarantine);
    },
  });
};
