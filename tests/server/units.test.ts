// /api/units/: units of measure; weighed goods allow fractions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/units/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: Record<string, unknown>) => t.call('POST', '/api/units/', { as: 'manager', body });

  it('creates units, whole by default, and finds them by name or symbol', async () => {
    const piece = await create({ name: 'Piece', symbol: 'pc' });
    expect(piece).toMatchObject({
      status: 201,
      body: { name: 'Piece', symbol: 'pc', allows_fraction: false },
    });
    const kg = await create({ name: 'Kilogram', symbol: 'kg', allows_fraction: true });
    expect(kg.body.allows_fraction).toBe(true);
    const list = await t.call('GET', '/api/units/', { as: 'employee' });
    expect(list.body).toMatchObject({ count: 2, next: null, previous: null });
    expect(list.body.results.map((u: { symbol: string }) => u.symbol)).toEqual(['kg', 'pc']);
    const bySymbol = await t.call('GET', '/api/units/?search=KG', { as: 'employee' });
    expect(bySymbol.body.results.map((u: { name: string }) => u.name)).toEqual(['Kilogram']);
    const fractional = await t.call('GET', '/api/units/?allows_fraction=true', { as: 'employee' });
    expect(fractional.body.count).toBe(1);
  });

  it('refuses a duplicate name, a blank symbol and unknown fields', async () => {
    expect(await create({ name: 'piece', symbol: 'p' })).toMatchObject({
      status: 400,
      body: { name: ['unit with this name already exists.'] },
    });
    expect(await create({ name: 'Litre', symbol: ' ' })).toMatchObject({
      status: 400,
      body: { symbol: ['This field may not be blank.'] },
    });
    expect(await create({ name: 'Litre', symbol: 'l', decimals: 3 })).toMatchObject({
      status: 400,
      body: { decimals: ['Unknown field.'] },
    });
    const renamed = await t.call('GET', '/api/units/?search=litre', { as: 'manager' });
    expect(renamed.body.count).toBe(0);
  });

  it('renames a unit, keeps a used one (409) and deletes an unused one', async () => {
    const litre = (await create({ name: 'Litre', symbol: 'l', allows_fraction: true })).body.id as string;
    const patched = await t.call('PATCH', `/api/units/${litre}/`, { as: 'owner', body: { symbol: 'L' } });
    expect(patched.body).toMatchObject({ name: 'Litre', symbol: 'L' });
    const clash = await t.call('PATCH', `/api/units/${litre}/`, { as: 'owner', body: { name: 'Kilogram' } });
    expect(clash).toMatchObject({ status: 400, body: { name: ['unit with this name already exists.'] } });
    const product = await t.call('POST', '/api/products/', {
      as: 'manager',
      body: { name: 'Cooking oil', sku: 'OIL', price: 300, unit: litre },
    });
    expect(product.status).toBe(201);
    expect(await t.call('DELETE', `/api/units/${litre}/`, { as: 'manager' })).toMatchObject({
      status: 409,
      body: { detail: 'This unit is used by products and cannot be deleted.' },
    });
    const spare = (await create({ name: 'Dozen', symbol: 'dz' })).body.id as string;
    expect((await t.call('DELETE', `/api/units/${spare}/`, { as: 'employee' })).status).toBe(403);
    expect((await t.call('DELETE', `/api/units/${spare}/`, { as: 'manager' })).status).toBe(204);
    expect((await t.call('GET', `/api/units/${spare}/`, { as: 'manager' })).status).toBe(404);
  });
});
