// The response shapes existing DRF clients rely on: pagination, field errors, detail errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src-server/db/schema/users.js';
import { hashSecret } from '../../src-server/auth/passwords.js';
import { storeMembers } from '../../src-server/db/schema/users.js';
import { newId } from '../../src-shared/domain/ids.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('DRF-compatible shapes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    // 7 more employees in the store: 10 visible users for the owner in all.
    const hash = await hashSecret('password123');
    const extra = Array.from({ length: 7 }, (_, i) => ({
      id: newId(),
      phoneNumber: `07111111${String(i).padStart(2, '0')}`,
      name: `Zed ${i}`,
      role: 'employee' as const,
      passwordHash: hash,
    }));
    await t.database.db.insert(users).values(extra);
    await t.database.db
      .insert(storeMembers)
      .values(extra.map((u) => ({ storeId: t.store.id, userId: u.id })));
  });
  afterAll(async () => {
    await t.close();
  });

  it('paginates with count, absolute next/previous links that keep the filters', async () => {
    const first = await t.call('GET', '/api/users/?page_size=4&is_active=true', { as: 'owner' });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body)).toEqual(['count', 'next', 'previous', 'results']);
    expect(first.body.count).toBe(10);
    expect(first.body.results).toHaveLength(4);
    expect(first.body.previous).toBeNull();
    const next = new URL(first.body.next);
    expect(next.origin).toBe('http://localhost');
    expect(next.searchParams.get('page')).toBe('2');
    expect(next.searchParams.get('page_size')).toBe('4');
    expect(next.searchParams.get('is_active')).toBe('true');

    const last = await t.call('GET', '/api/users/?page_size=4&is_active=true&page=3', { as: 'owner' });
    expect(last.body.results).toHaveLength(2);
    expect(last.body.next).toBeNull();
    expect(new URL(last.body.previous).searchParams.get('page')).toBe('2');
    const second = await t.call('GET', '/api/users/?page_size=4&page=2', { as: 'owner' });
    expect(new URL(second.body.previous).searchParams.has('page')).toBe(false);

    const names = [first, second, last].flatMap((r) => r.body.results.map((u: { name: string }) => u.name));
    expect(new Set(names).size).toBe(10);
  });

  it('refuses pages over 500 rows and pages past the end', async () => {
    const huge = await t.call('GET', '/api/users/?page_size=501', { as: 'owner' });
    expect(huge.status).toBe(400);
    expect(huge.body).toEqual({ page_size: ['Ensure this value is less than or equal to 500.'] });
    const past = await t.call('GET', '/api/users/?page=9', { as: 'owner' });
    expect(past.status).toBe(404);
    expect(past.body).toEqual({ detail: 'Invalid page.' });
    const notNumber = await t.call('GET', '/api/users/?page=abc', { as: 'owner' });
    expect(notNumber.status).toBe(400);
    expect(Object.keys(notNumber.body)).toEqual(['page']);
  });

  it('answers field errors as {"field": ["message"]}', async () => {
    const res = await t.call('POST', '/api/stores/', {
      as: 'owner',
      body: { code: 'X1', cash_rounding_step: '-1' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      name: ['This field is required.'],
      cash_rounding_step: ['Ensure this value is greater than or equal to 0.'],
    });
    const precise = await t.call('POST', '/api/stores/', {
      as: 'owner',
      body: { name: 'A', code: 'X1', cash_rounding_step: 0.001 },
    });
    expect(precise.body).toEqual({
      cash_rounding_step: ['Ensure that there are no more than 2 decimal places.'],
    });
  });

  it('says "This field is required." for a missing money or choice field, as DRF does', async () => {
    const res = await t.call('POST', '/api/sales-payments/', { as: 'employee', body: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      sales_header: ['This field is required.'],
      session: ['This field is required.'],
      method: ['This field is required.'],
      amount: ['This field is required.'],
    });
    const wrong = await t.call('POST', '/api/sales-payments/', {
      as: 'employee',
      body: { method: 'BITCOIN', amount: 'ten' },
    });
    expect(wrong.body).toMatchObject({
      method: ['Select a valid choice.'],
      amount: ['A valid number is required.'],
    });
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const res = await t.call('POST', '/api/stores/', {
      as: 'owner',
      body: { name: 'A', code: 'X2', colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ colour: ['Unknown field.'] });
    const list = await t.call('GET', '/api/stores/', { as: 'owner' });
    expect(list.body.results.map((s: { code: string }) => s.code)).not.toContain('X2');
  });

  it('answers malformed JSON with a 400 detail, not a 500', async () => {
    const res = await t.call('POST', '/api/stores/', { as: 'owner', rawBody: '{"name": "A",' });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^JSON parse error - /);
    const notObject = await t.call('POST', '/api/stores/', { as: 'owner', rawBody: '[1,2]' });
    expect(notObject.status).toBe(400);
    expect(notObject.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary.'] });
  });

  it('answers 404 and 405 with a detail', async () => {
    const missing = await t.call('GET', `/api/stores/${newId()}/`, { as: 'owner' });
    expect(missing).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    const notUuid = await t.call('GET', '/api/stores/42/', { as: 'owner' });
    expect(notUuid).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    const nowhere = await t.call('GET', '/api/nothing-here/');
    expect(nowhere).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    const method = await t.call('PUT', '/api/stores/', { as: 'owner' });
    expect(method).toMatchObject({ status: 405, body: { detail: 'Method "PUT" not allowed.' } });
  });

  it('renders money as a 2-place decimal string and accepts numbers', async () => {
    const res = await t.call('POST', '/api/stores/', {
      as: 'owner',
      body: { name: 'Kisumu', code: 'KSM', cash_rounding_step: 5 },
    });
    expect(res.status).toBe(201);
    expect(res.body.cash_rounding_step).toBe('5.00');
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.call('GET', '/api/schema/', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.call('GET', '/api/schema/');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.call('GET', '/api/stores/', { as: 'owner' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
