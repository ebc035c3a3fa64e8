// Recognising MySQL errors through drizzle's wrapping (DrizzleQueryError keeps the driver error as cause).

export const ER_DUP_ENTRY = 1062;
export const ER_LOCK_WAIT_TIMEOUT = 1205;
export const ER_LOCK_DEADLOCK = 1213;
export const ER_ROW_IS_REFERENCED = 1451;
export const ER_NO_REFERENCED_ROW = 1452;

interface DriverError {
  errno: number;
  code?: string;
  sqlMessage?: string;
}

/** The mysql2 error in `error` or its cause chain, if any. */
export function driverError(error: unknown): DriverError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === 'object' && 'errno' in current && typeof current.errno === 'number') {
      return current as DriverError;
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

export function mysqlErrno(error: unknown): number | undefined {
  return driverError(error)?.errno;
}

/** Deadlock or lock-wait timeout: the whole transaction may be retried. */
export function isRetryable(error: unknown): boolean {
  const errno = mysqlErrno(error);
  return errno === ER_LOCK_DEADLOCK || errno === ER_LOCK_WAIT_TIMEOUT;
}

/** A unique-key violation, optionally of one named index (e.g. "users_phone_number_uq"). */
export function isDuplicateKey(error: unknown, indexName?: string): boolean {
  const found = driverError(error);
  if (found?.errno !== ER_DUP_ENTRY) return false;
  return indexName === undefined || (found.sqlMessage ?? '').includes(indexName);
}
