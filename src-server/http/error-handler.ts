// Maps every error to a DRF-shaped answer. Bad input is always a 4xx with a clear body, never a 500.
// Field errors are flat: a nested path is joined with dots, e.g. {"details.0.quantity": ["..."]}; errors
// not tied to a field go under "non_field_errors".
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDomainError } from '../../src-shared/domain/errors.js';
import { ER_DUP_ENTRY, ER_NO_REFERENCED_ROW, ER_ROW_IS_REFERENCED, mysqlErrno } from '../db/errors.js';
import { ApiError, type FieldErrors } from './errors.js';
import type { ApiApp } from './types.js';

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function add(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

/** zod issues (as fastify-type-provider-zod passes them) → {"field": ["message"]}. */
export function fieldErrorsOf(issues: readonly ValidationIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.instancePath.split('/').filter((p) => p !== '');
    const field = path.length ? path.join('.') : 'non_field_errors';
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys as unknown[]) {
        add(errors, path.length ? `${field}.${String(key)}` : String(key), 'Unknown field.');
      }
      continue;
    }
    add(errors, field, issue.message ?? 'Invalid value.');
  }
  return errors;
}

const FASTIFY_CODES: Record<string, (error: FastifyError) => [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (e) => [400, `JSON parse error - ${e.message}`],
  FST_ERR_CTP_EMPTY_JSON_BODY: () => [400, 'JSON parse error - the body is empty.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) => [415, `Unsupported media type in request. ${e.message}`],
  FST_ERR_CTP_BODY_TOO_LARGE: () => [413, 'Request body is too large.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => [400, 'Request body size did not match Content-Length.'],
};

function send(reply: FastifyReply, status: number, body: Record<string, unknown>): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export function installErrorHandler(app: ApiApp): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) {
      void reply.headers(error.headers);
      return send(reply, error.statusCode, error.body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // A malformed id in the path finds nothing, as in DRF.
      if (error.validationContext === 'params') return send(reply, 404, { detail: 'Not found.' });
      return send(reply, 400, fieldErrorsOf(error.validation));
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return send(reply, 400, { detail: `JSON parse error - ${error.message}` });
    }
    const fastifyMapped = FASTIFY_CODES[error.code];
    if (fastifyMapped) {
      const [status, detail] = fastifyMapped(error);
      return send(reply, status, { detail });
    }
    if (isDomainError(error)) {
      const field = typeof error.details?.field === 'string' ? error.details.field : 'non_field_errors';
      return send(reply, 400, { [field]: [error.message] });
    }
    const errno = mysqlErrno(error);
    if (errno === ER_DUP_ENTRY) {
      return send(reply, 400, { non_field_errors: ['A record with these values already exists.'] });
    }
    if (errno === ER_NO_REFERENCED_ROW) {
      return send(reply, 400, { non_field_errors: ['A referenced record does not exist.'] });
    }
    if (errno === ER_ROW_IS_REFERENCED) {
      return send(reply, 409, {
        detail: 'This record is still referenced by other records and cannot be deleted.',
      });
    }
    if (error.statusCode === 429) {
      return send(reply, 429, { detail: error.message });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode, { detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { detail: 'A server error occurred.' });
  });

  app.setNotFoundHandler((_request, reply) => send(reply, 404, { detail: 'Not found.' }));
}

/**
 * Registers a 405 {"detail": "Method \"PUT\" not allowed."} for each method an /api/ path does not
 * serve. Call after every resource is registered.
 */
export function installMethodNotAllowed(
  app: ApiApp,
  routes: readonly { method: string; url: string }[],
): void {
  const byUrl = new Map<string, Set<string>>();
  for (const r of routes) {
    const methods = byUrl.get(r.url) ?? new Set<string>();
    methods.add(r.method);
    byUrl.set(r.url, methods);
  }
  for (const [url, methods] of byUrl) {
    const missing = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.has(m));
    if (missing.length === 0) continue;
    app.route({
      method: missing,
      url,
      exposeHeadRoute: false,
      config: { permission: 'public', methodNotAllowed: true },
      schema: { hide: true },
      handler: (request, reply) => {
        const allow = [...methods, 'OPTIONS'].join(', ');
        void reply.header('allow', allow);
        return send(reply, 405, { detail: `Method "${request.method}" not allowed.` });
      },
    });
  }
}
