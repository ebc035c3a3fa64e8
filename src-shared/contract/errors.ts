// Typed errors of the till API: a stable machine `code` and a human message. Hosts serialise these as-is.

/** Codes every client can rely on. Domain rule codes (from src-shared/domain DomainError) pass through too. */
export const TILL_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_METHOD',
  'NOT_AUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'LOCKED_OUT',
  'APPROVAL_REQUIRED',
  'APPROVAL_INVALID',
  'NOT_FOUND',
  'CONFLICT',
  'NO_OPEN_SESSION',
  'SESSION_ALREADY_OPEN',
  'SALE_NOT_OPEN',
  'SALE_NOT_PAID',
  'ALREADY_VOIDED',
  'REFUND_EXCEEDS_SOLD',
  'INSUFFICIENT_CASH',
  'UNKNOWN_BARCODE',
  'PRODUCT_INACTIVE',
  'WEIGHT_REQUIRED',
  'SALE_EMPTY',
  'CLIENT_REQUIRED',
  'CREDIT_LIMIT_EXCEEDED',
  'TILL_NOT_PROVISIONED',
  /** sync.register: the cloud cannot be reached at that address. */
  'CLOUD_UNREACHABLE',
  /** sync.register: the cloud refused (wrong owner credentials, unknown store, not allowed); message says why. */
  'CLOUD_REJECTED',
  /** sync.register: this ledger holds documents of another store; use a new data folder for that store. */
  'LEDGER_HAS_OTHER_STORE',
  'INTERNAL',
] as const;
export type TillErrorCode = (typeof TILL_ERROR_CODES)[number];

export interface TillErrorBody {
  code: string;
  message: string;
  /** For VALIDATION_FAILED: field path → messages. */
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
}

export class TillError extends Error {
  override readonly name = 'TillError';
  readonly code: string;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: TillErrorCode | (string & {}),
    message: string,
    extra: { fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.details = extra.details;
  }

  toJSON(): TillErrorBody {
    const body: TillErrorBody = { code: this.code, message: this.message };
    if (this.fieldErrors) body.fieldErrors = this.fieldErrors;
    if (this.details) body.details = this.details;
    return body;
  }

  static fromBody(body: TillErrorBody): TillError {
    const extra: { fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> } = {};
    if (body.fieldErrors) extra.fieldErrors = body.fieldErrors;
    if (body.details) extra.details = body.details;
    return new TillError(body.code, body.message, extra);
  }
}

/** The envelope a host returns for one call. */
export type TillResult<T> = { ok: true; value: T } | { ok: false; error: TillErrorBody };
