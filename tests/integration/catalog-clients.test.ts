// catalog.clients: finding the client to attach to a sale, by name or phone.
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

describe('catalog.clients', () => {
  it('finds clients by the start of any word of the name or of the phone number', () => {
    t.loginAs('cashier');
    const names = (query: string) => t.till.call('catalog.clients', { query }).map((c) => c.name);
    expect(names('')).toEqual(['Juma Hardware', 'Mama Mboga Traders']);
    expect(names('mboga')).toEqual(['Mama Mboga Traders']);
    expect(names('JUMA')).toEqual(['Juma Hardware']);
    expect(names('0711000002')).toEqual(['Juma Hardware']);
    expect(names('0711')).toEqual(['Juma Hardware', 'Mama Mboga Traders']);
    expect(names('oga')).toEqual([]);
    expect(names('%')).toEqual([]);
    expect(names('_')).toEqual([]);
  });

  it('returns what a credit sale needs: limit and balance in cents', () => {
    t.loginAs('cashier');
    const [mama] = t.till.call('catalog.clients', { query: 'mama', limit: 1 });
    expect(mama).toMatchObject({ name: 'Mama Mboga Traders', phone: '0711000001', creditLimit: 5_000_00 });
    expect(mama?.creditBalance).toBe(0);
    // The id attaches to a sale.
    t.till.call('session.open', { openingFloat: 0 });
    const sale = t.till.call('sale.start', {});
    expect(t.till.call('sale.attachClient', { saleId: sale.id, clientId: mama!.id }).client?.name).toBe(
      'Mama Mboga Traders',
    );
  });

  it('needs a logged-in operator and validates the limit', () => {
    expect(errorOf(() => t.till.call('catalog.clients', { query: 'm' })).code).toBe('NOT_AUTHENTICATED');
    t.loginAs('cashier');
    expect(errorOf(() => t.till.call('catalog.clients', { query: 'm', limit: 0 })).code).toBe(
      'VALIDATION_FAILED',
    );
  });
});
