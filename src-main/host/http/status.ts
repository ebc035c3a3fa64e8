// Till API error code → HTTP status. The body always carries the stable code; the status is for HTTP tooling.
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  NOT_AUTHENTICATED: 401,
  INVALID_TOKEN: 401,
  FORBIDDEN: 403,
  FORBIDDEN_ORIGIN: 403,
  APPROVAL_REQUIRED: 403,
  APPROVAL_INVALID: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  SESSION_ALREADY_OPEN: 409,
  ALREADY_VOIDED: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

/** Any other code is a business rule the call broke (wrong PIN, no open session, refund too large …): 422. */
export function httpStatusFor(code: string): number {
  return Object.hasOwn(STATUS_BY_CODE, code) ? (STATUS_BY_CODE[code] ?? 422) : 422;
}
