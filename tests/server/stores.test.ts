// /api/stores/: owners run their stores; members see theirs; nobody sees another business's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/stores/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows each user only the stores they belong to', async () => {
    for (const role of ['owner', 'manager', 'employee'] as const) {
      const res = await t.call('GET', '/api/stores/', { as: role });
      expect(res.status).toBe(200);
      expect(res.body.results.map((s: { code: string }) => s.code)).toEqual(['TST']);
    }
    const outsider = await t.call('GET', '/api/stores/', { as: 'outsider' });
    expect(outsider.body.results.map((s: { code: string }) => s.code)).toEqual(['OTH']);
    expect((await t.call('GET', `/api/stores/${t.otherStore.id}/`, { as: 'owner' })).status).toBe(404);
    expect(
      (await t.call('PATCH', `/api/stores/${t.otherStore.id}/`, { as: 'owner', body: { name: 'Mine now' } }))
        .status,
    ).toBe(404);
  });

  it('lets an owner open, change and delete a store, with defaults for Kenya', async () => {
    const created = await t.call('POST', '/api/stores/', {
      as: 'owner',
      body: { name: 'Mombasa Road', code: 'MSA' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Mombasa Road',
      code: 'MSA',
      currency: 'KES',
      prices_include_tax: true,
      cash_rounding_step: '0.00',
      is_active: true,
    });
    const id = created.body.id as string;
    const mine = await t.call('GET', '/api/stores/?search=mombasa', { as: 'owner' });
    expect(mine.body.results.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await t.call('GET', `/api/stores/${id}/`, { as: 'manager' })).status).toBe(404);

    const patched = await t.call('PATCH', `/api/stores/${id}/`, {
      as: 'owner',
      body: { cash_rounding_step: '1', currency: 'ugx', receipt_footer: 'Asante!' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      cash_rounding_step: '1.00',
      currency: 'UGX',
      receipt_footer: 'Asante!',
    });

    const put = await t.call('PUT', `/api/stores/${id}/`, {
      as: 'owner',
      body: { name: 'Mombasa Rd', code: 'MSA2' },
    });
    expect(put.body).toMatchObject({ name: 'Mombasa Rd', code: 'MSA2' });

    const deleted = await t.call('DELETE', `/api/stores/${id}/`, { as: 'owner' });
    expect(deleted.status).toBe(204);
    expect((await t.call('GET', `/api/stores/${id}/`, { as: 'owner' })).status).toBe(404);
  });

  it('refuses a duplicate code and an unknown currency as field errors', async () => {
    const dup = await t.call('POST', '/api/stores/', { as: 'owner', body: { name: 'Again', code: 'TST' } });
    expect(dup).toMatchObject({ status: 400, body: { code: ['store with this code already exists.'] } });
    const cur = await t.call('POST', '/api/stores/', {
      as: 'owner',
      body: { name: 'Again', code: 'AG1', currency: 'XYZ' },
    });
    expect(cur).toMatchObject({ status: 400, body: { currency: ['Unsupported currency.'] } });
  });

  it('leaves store changes to owners', async () => {
    for (const role of ['manager', 'employee'] as const) {
      const create = await t.call('POST', '/api/stores/', { as: role, body: { name: 'Nope', code: 'NOPE' } });
      expect(create).toMatchObject({
        status: 403,
        body: { detail: 'You do not have permission to perform this action.' },
      });
      expect(
        (await t.call('PATCH', `/api/stores/${t.store.id}/`, { as: role, body: { name: 'x' } })).status,
      ).toBe(403);
      expect((await t.call('DELETE', `/api/stores/${t.store.id}/`, { as: role })).status).toBe(403);
    }
    const still = await t.call('GET', `/api/stores/${t.store.id}/`, { as: 'employee' });
    expect(still.body.name).toBe('Test Store');
  });
});
