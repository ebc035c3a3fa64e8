// The screen language is chosen per user and remembered on the till (users.locale), and a till screen can
// log a user in by picking them from auth.users (user id + password) instead of typing a phone number.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../support/errors.js';
import { createTestTill, type TestTill } from '../support/test-till.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

describe('auth.setLocale', () => {
  it('remembers the language per user, across logins and restarts', () => {
    t.loginAs('cashier');
    expect(t.till.call('auth.current', {})?.locale).toBeNull();
    const me = t.till.call('auth.setLocale', { locale: 'sw' });
    expect(me).toMatchObject({ name: 'Achieng Cashier', locale: 'sw' });
    expect(t.till.call('auth.current', {})?.locale).toBe('sw');

    t.restart();
    const again = t.till.call('auth.pinSwitch', { userId: t.demo.users.cashier.id, pin: '3333' });
    expect(again.locale).toBe('sw');
    const users = t.till.call('auth.users', {});
    expect(users.find((u) => u.id === t.demo.users.cashier.id)?.locale).toBe('sw');
    // Another user's choice is their own.
    expect(users.find((u) => u.id === t.demo.users.manager.id)?.locale).toBeNull();
    t.loginAs('manager');
    expect(t.till.call('auth.current', {})?.locale).toBeNull();
  });

  it('needs someone logged in and refuses an unknown language, writing nothing', () => {
    expect(errorOf(() => t.till.call('auth.setLocale', { locale: 'en' })).code).toBe('NOT_AUTHENTICATED');
    t.loginAs('cashier');
    const before = t.snapshot();
    const err = errorOf(() => t.till.call('auth.setLocale', { locale: 'fr' as 'en' }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['locale']);
    expect(t.snapshot()).toEqual(before);
    expect(t.till.call('auth.current', {})?.locale).toBeNull();
  });
});

describe('auth.login by user id', () => {
  it('logs in the user picked from auth.users with their password', () => {
    const picked = t.till.call('auth.users', {}).find((u) => u.role === 'employee')!;
    const me = t.till.call('auth.login', { userId: picked.id, password: 'cashier1234' });
    expect(me).toEqual({ id: picked.id, name: 'Achieng Cashier', role: 'employee', locale: null });
    expect(t.till.call('auth.current', {})?.id).toBe(picked.id);
  });

  it('counts a wrong password against the picked user and says how many attempts are left', () => {
    const err = errorOf(() =>
      t.till.call('auth.login', { userId: t.demo.users.cashier.id, password: 'not-it' }),
    );
    expect(err.code).toBe('INVALID_CREDENTIALS');
    expect(err.message).toContain('4 attempts left');
    expect(t.till.call('auth.current', {})).toBeNull();
  });

  it('wants exactly one of phone and user id', () => {
    const both = errorOf(() =>
      t.till.call('auth.login', {
        phone: '0700000003',
        userId: t.demo.users.cashier.id,
        password: 'cashier1234',
      }),
    );
    expect(both.code).toBe('VALIDATION_FAILED');
    const neither = errorOf(() => t.till.call('auth.login', { password: 'cashier1234' }));
    expect(neither.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(neither.fieldErrors ?? {})).toEqual(['phone']);
  });
});
