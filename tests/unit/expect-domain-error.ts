import { expect } from 'vitest';
import { DomainError } from '../../src-shared/domain/errors.js';

/** The seeded PRNG of the demo catalog and the benches, so property-style tests are reproducible. */
export { seededRandom } from '../../src-main/ledger/seed/seeded-random.js';

/** Runs `fn`, asserts it threw a DomainError with `code` (and a message matching `message`), returns it. */
export function expectDomainError(fn: () => unknown, code: string, message?: string | RegExp): DomainError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

/** A seeded integer in [min, max]. */
export function seededInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
