/**
 * The one error type of the domain layer.
 *
 * `code` is a stable UPPER_SNAKE identifier that callers (services, the till UI, REST error mapping) may
 * switch on; `message` is a human sentence fit to show a cashier or log; `details` carries the offending
 * values for logs and API error bodies.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
