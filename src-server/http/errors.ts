// Errors a handler throws to answer in the DRF shapes: {"detail": "..."} or {"field": ["message"]}.

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${statusCode}`);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.body = body;
    this.headers = headers;
  }
}

/** 400 with field errors: validationError({ phone_number: ['user with this phone number already exists.'] }). */
export function validationError(errors: FieldErrors): ApiError {
  return new ApiError(400, errors);
}

/** 400 for one field; use field 'non_field_errors' for rules across fields. */
export function fieldError(field: string, message: string): ApiError {
  return validationError({ [field]: [message] });
}

export function notAuthenticated(detail = 'Authentication credentials were not provided.'): ApiError {
  return new ApiError(401, { detail }, { 'www-authenticate': 'Bearer realm="api"' });
}

export function permissionDenied(detail = 'You do not have permission to perform this action.'): ApiError {
  return new ApiError(403, { detail });
}

export function notFound(detail = 'Not found.'): ApiError {
  return new ApiError(404, { detail });
}

/** 409: the request is valid but conflicts with the state (e.g. deleting something still referenced). */
export function conflict(detail: string): ApiError {
  return new ApiError(409, { detail });
}

/** The DRF text for a reference to an id that does not exist or is not visible to the caller. */
export function invalidPk(id: string): string {
  return `Invalid pk "${id}" - object does not exist.`;
}
