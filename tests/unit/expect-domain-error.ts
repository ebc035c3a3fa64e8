import { expect } from 'vitest';
import { DomainError } from '../../src-shared/domain/errors.js';

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

/** mulberry32: a tiny seeded PRNG so property-style tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded integer in [min, max]. */
export function seededInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
