// /api/categories/: the product tree — parents must exist, no loops, no orphaning on delete.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/categories/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const create = async (name: string, parent?: string | null) => {
    const res = await t.call('POST', '/api/categories/', {
      as: 'manager',
      body: { name, ...(parent !== undefined && { parent }) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  it('builds a tree and lists the top level or the children of a category', async () => {
    const drinks = await create('Drinks');
    const soft = await create('Soft drinks', drinks);
    await create('Juices', drinks);
    await create('Bakery', null);
    const one = await t.call('GET', `/api/categories/${soft}/`, { as: 'employee' });
    expect(one.body).toMatchObject({ name: 'Soft drinks', parent: drinks, is_active: true });
    const top = await t.call('GET', '/api/categories/?parent=null', { as: 'employee' });
    expect(top.body.results.map((c: { name: string }) => c.name)).toEqual(['Bakery', 'Drinks']);
    const children = await t.call('GET', `/api/categories/?parent=${drinks}`, { as: 'employee' });
    expect(children.body.results.map((c: { name: string }) => c.name)).toEqual(['Juices', 'Soft drinks']);
    const search = await t.call('GET', '/api/categories/?search=drink', { as: 'employee' });
    expect(search.body.count).toBe(2);
  });

  it('refuses an unknown parent, a loop and a duplicate name', async () => {
    const food = await create('Food');
    const snacks = await create('Snacks', food);
    const crisps = await create('Crisps', snacks);
    const unknown = await t.call('POST', '/api/categories/', {
      as: 'manager',
      body: { name: 'Orphan', parent: t.store.id },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { parent: [`Invalid pk "${t.store.id}" - object does not exist.`] },
    });
    const self = await t.call('PATCH', `/api/categories/${food}/`, { as: 'manager', body: { parent: food } });
    expect(self).toMatchObject({ status: 400, body: { parent: ['A category cannot be its own parent.'] } });
    const loop = await t.call('PATCH', `/api/categories/${food}/`, {
      as: 'manager',
      body: { parent: crisps },
    });
    expect(loop).toMatchObject({
      status: 400,
      body: { parent: ['A category cannot be moved under one of its subcategories.'] },
    });
    expect((await t.call('GET', `/api/categories/${food}/`, { as: 'manager' })).body.parent).toBeNull();
    const dup = await t.call('POST', '/api/categories/', { as: 'manager', body: { name: 'food' } });
    expect(dup).toMatchObject({ status: 400, body: { name: ['category with this name already exists.'] } });
    const moved = await t.call('PATCH', `/api/categories/${crisps}/`, {
      as: 'manager',
      body: { parent: food },
    });
    expect(moved.body.parent).toBe(food);
  });

  it('deletes a leaf, but not a category with subcategories or products (409)', async () => {
    const home = await create('Household');
    const cleaning = await create('Cleaning', home);
    const parentRefused = await t.call('DELETE', `/api/categories/${home}/`, { as: 'manager' });
    expect(parentRefused).toMatchObject({
      status: 409,
      body: { detail: 'This category has subcategories; move or delete them first.' },
    });
    const product = await t.call('POST', '/api/products/', {
      as: 'manager',
      body: { name: 'Bleach', sku: 'BLEACH', price: 120, category: cleaning },
    });
    expect(product.status).toBe(201);
    const usedRefused = await t.call('DELETE', `/api/categories/${cleaning}/`, { as: 'manager' });
    expect(usedRefused.status).toBe(409);
    expect(usedRefused.body.detail).toMatch(/used by products/);
    await t.call('PATCH', `/api/products/${product.body.id}/`, { as: 'manager', body: { category: null } });
    expect((await t.call('DELETE', `/api/categories/${cleaning}/`, { as: 'employee' })).status).toBe(403);
    expect((await t.call('DELETE', `/api/categories/${cleaning}/`, { as: 'manager' })).status).toBe(204);
    expect((await t.call('DELETE', `/api/categories/${home}/`, { as: 'manager' })).status).toBe(204);
    const audit = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.modelName, 'category'), eq(auditLogs.action, 'delete')));
    expect(audit.map((a) => a.objectId).sort()).toEqual([cleaning, home].sort());
  });
});
