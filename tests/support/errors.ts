// What a failed till API call threw (a TillError: stable code, human message, field errors).
export interface CaughtError {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
}

/** Runs fn, which must throw; returns the error for assertions. */
export function errorOf(fn: () => unknown): CaughtError {
  try {
    fn();
  } catch (e) {
    return e as CaughtError;
  }
  throw new Error('expected the call to fail');
}
