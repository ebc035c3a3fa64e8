import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { errorOf } from '../support/errors.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

describe('auth', () => {
  it('logs a cashier in with phone and password and reports who is at the till', () => {
    const me = t.till.call('auth.login', { phone: '0700000003', password: 'cashier1234' });
    expect(me).toMatchObject({ name: 'Achieng Cashier', role: 'employee' });
    expect(t.till.call('auth.current', {})).toEqual(me);
  });

  it('rejects a wrong password with INVALID_CREDENTIALS and says how many attempts are left', () => {
    const err = errorOf(() => t.till.call('auth.login', { phone: '0700000003', password: 'nope' }));
    expect(err.code).toBe('INVALID_CREDENTIALS');
    expect(err.message).toContain('4 attempts left');
    expect(t.till.call('auth.current', {})).toBeNull();
  });

  it('locks a user out for 5 minutes after 5 failed attempts, even with the right password', () => {
    for (let i = 0; i < 4; i++) {
      expect(errorOf(() => t.till.call('auth.login', { phone: '0700000003', password: 'bad' })).code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    expect(errorOf(() => t.till.call('auth.login', { phone: '0700000003', password: 'bad' })).code).toBe(
      'LOCKED_OUT',
    );
    expect(
      errorOf(() => t.till.call('auth.login', { phone: '0700000003', password: 'cashier1234' })).code,
    ).toBe('LOCKED_OUT');
    t.clock.advance(5 * 60_000 + 1);
    expect(t.till.call('auth.login', { phone: '0700000003', password: 'cashier1234' }).role).toBe('employee');
    const actions = t.till.ledger.raw
      .prepare('select action from audit_log order by created_at, rowid')
      .all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'lockout',
      'login',
    ]);
  });

  it('switches cashier by PIN', () => {
    t.loginAs('cashier');
    const manager = t.till.call('auth.pinSwitch', { userId: t.demo.users.manager.id, pin: '2222' });
    expect(manager.role).toBe('manager');
    expect(t.till.call('auth.current', {})?.id).toBe(t.demo.users.manager.id);
  });

  it('refuses malformed input with field errors and writes nothing', () => {
    const before = t.snapshot();
    const err = errorOf(() => t.till.call('auth.login', { phone: 'abc', password: '' })) as unknown as {
      code: string;
      fieldErrors: Record<string, string[]>;
    };
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(err.fieldErrors).sort()).toEqual(['password', 'phone']);
    expect(t.snapshot()).toEqual(before);
  });

  it('logout leaves nobody at the till; protected methods then need a login', () => {
    t.loginAs('cashier');
    t.till.call('auth.logout', {});
    expect(errorOf(() => t.till.call('session.current', {})).code).toBe('NOT_AUTHENTICATED');
  });
});
