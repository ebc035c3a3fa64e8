import { describe, it, expect } from 'vitest';
import { DomainError, isDomainError } from '../../src-shared/domain/errors.js';

describe('DomainError', () => {
  it('carries a stable code, a human message and details', () => {
    const error = new DomainError('INVALID_AMOUNT', 'amount must be a whole number', { field: 'amount' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.message).toBe('amount must be a whole number');
    expect(error.details).toEqual({ field: 'amount' });
    expect(String(error)).toBe('DomainError: amount must be a whole number');
  });

  it('has undefined details when none are given', () => {
    expect(new DomainError('ALREADY_PAID', 'paid').details).toBeUndefined();
  });

  it('is recognised by isDomainError and nothing else is', () => {
    expect(isDomainError(new DomainError('X', 'y'))).toBe(true);
    expect(isDomainError(new Error('y'))).toBe(false);
    expect(isDomainError({ code: 'X', message: 'y' })).toBe(false);
    expect(isDomainError(undefined)).toBe(false);
  });
});
