// /api/users/: who can manage whom, write-only secrets, deactivation, audit.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/users/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (phone_number: string, password: string) =>
    t.call('POST', '/api/token/', { body: { phone_number, password } });

  it('lets a manager hire an employee who can then sign in; the password never comes back', async () => {
    const res = await t.call('POST', '/api/users/', {
      as: 'manager',
      body: {
        phone_number: '0722000001',
        name: 'Cathy Cashier',
        role: 'employee',
        password: 'cathy-pass-1',
        pin: '4321',
        stores: [t.store.id],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Cathy Cashier',
      role: 'employee',
      is_active: true,
      has_pin: true,
      stores: [t.store.id],
    });
    expect(res.body).not.toHaveProperty('password');
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt/);
    expect((await login('0722000001', 'cathy-pass-1')).status).toBe(200);

    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.modelName, 'user'), eq(auditLogs.objectId, res.body.id)));
    expect(entry).toMatchObject({ action: 'create', userId: t.users.manager.id });
    expect(JSON.stringify(entry?.afterData)).not.toMatch(/scrypt|cathy-pass/);
  });

  it('refuses a duplicate phone number as a field error', async () => {
    const res = await t.call('POST', '/api/users/', {
      as: 'owner',
      body: { phone_number: t.users.employee.phone, name: 'Dup', role: 'employee', password: 'whatever-123' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ phone_number: ['user with this phone number already exists.'] });
  });

  it('keeps managers to employees: no creating or changing managers and owners', async () => {
    const create = await t.call('POST', '/api/users/', {
      as: 'manager',
      body: { phone_number: '0722000002', name: 'Boss', role: 'manager', password: 'boss-pass-12' },
    });
    expect(create.status).toBe(400);
    expect(create.body).toEqual({ role: ['You may not create a user with this role.'] });
    const editOwner = await t.call('PATCH', `/api/users/${t.users.owner.id}/`, {
      as: 'manager',
      body: { name: 'Hacked' },
    });
    expect(editOwner.status).toBe(403);
    const promote = await t.call('PATCH', `/api/users/${t.users.employee.id}/`, {
      as: 'manager',
      body: { role: 'owner' },
    });
    expect(promote.status).toBe(400);
    const owner = await t.call('GET', `/api/users/${t.users.owner.id}/`, { as: 'owner' });
    expect(owner.body.name).toBe('Olive Owner');
  });

  it('lets the owner promote an employee and change a password', async () => {
    const res = await t.call('POST', '/api/users/', {
      as: 'owner',
      body: {
        phone_number: '0722000003',
        name: 'Peter',
        role: 'employee',
        password: 'peter-pass-1',
        stores: [t.store.id],
      },
    });
    const id = res.body.id as string;
    const promoted = await t.call('PATCH', `/api/users/${id}/`, {
      as: 'owner',
      body: { role: 'manager', password: 'new-pass-123' },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('manager');
    expect((await login('0722000003', 'peter-pass-1')).status).toBe(401);
    expect((await login('0722000003', 'new-pass-123')).status).toBe(200);
    const put = await t.call('PUT', `/api/users/${id}/`, {
      as: 'owner',
      body: { phone_number: '0722000003', name: 'Peter P.', role: 'manager' },
    });
    expect(put.status).toBe(200);
    expect(put.body.name).toBe('Peter P.');
  });

  it('deactivates on DELETE: the user can no longer sign in and shows as inactive', async () => {
    const res = await t.call('POST', '/api/users/', {
      as: 'manager',
      body: {
        phone_number: '0722000004',
        name: 'Leaver',
        role: 'employee',
        password: 'leaver-pass',
        stores: [t.store.id],
      },
    });
    const del = await t.call('DELETE', `/api/users/${res.body.id}/`, { as: 'manager' });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await login('0722000004', 'leaver-pass')).status).toBe(401);
    const after = await t.call('GET', `/api/users/${res.body.id}/`, { as: 'manager' });
    expect(after.body.is_active).toBe(false);
    const self = await t.call('DELETE', `/api/users/${t.users.manager.id}/`, { as: 'manager' });
    expect(self.status).toBe(403);
  });

  it('sets a PIN for yourself or for an employee you manage', async () => {
    const own = await t.call('POST', `/api/users/${t.users.employee.id}/set_pin/`, {
      as: 'employee',
      body: { pin: '1234' },
    });
    expect(own).toMatchObject({ status: 200, body: { detail: 'PIN set.' } });
    const bad = await t.call('POST', `/api/users/${t.users.employee.id}/set_pin/`, {
      as: 'manager',
      body: { pin: '12' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ pin: ['A PIN is 4 to 8 digits.'] });
    const other = await t.call('POST', `/api/users/${t.users.manager.id}/set_pin/`, {
      as: 'employee',
      body: { pin: '9999' },
    });
    expect(other.status).toBe(404);
    const me = await t.call('GET', '/api/users/me/', { as: 'employee' });
    expect(me.body.has_pin).toBe(true);
  });

  it('shows only users of your stores: the outsider is invisible', async () => {
    const list = await t.call('GET', '/api/users/?page_size=500', { as: 'owner' });
    const phones = list.body.results.map((u: { phone_number: string }) => u.phone_number);
    expect(phones).toContain(t.users.employee.phone);
    expect(phones).not.toContain(t.users.outsider.phone);
    const peek = await t.call('GET', `/api/users/${t.users.outsider.id}/`, { as: 'owner' });
    expect(peek.status).toBe(404);
    const foreignStore = await t.call('POST', '/api/users/', {
      as: 'owner',
      body: {
        phone_number: '0722000005',
        name: 'X',
        role: 'employee',
        password: 'x-pass-1234',
        stores: [t.otherStore.id],
      },
    });
    expect(foreignStore.status).toBe(400);
    expect(foreignStore.body).toEqual({
      stores: [`Invalid pk "${t.otherStore.id}" - object does not exist.`],
    });
  });

  it('filters by search and role', async () => {
    const res = await t.call('GET', '/api/users/?search=Mary', { as: 'owner' });
    expect(res.body.results.map((u: { name: string }) => u.name)).toEqual(['Mary Manager']);
    const employees = await t.call('GET', '/api/users/?role=employee', { as: 'owner' });
    expect(employees.body.results.every((u: { role: string }) => u.role === 'employee')).toBe(true);
  });

  it('keeps employees out of user management', async () => {
    expect((await t.call('GET', '/api/users/', { as: 'employee' })).status).toBe(403);
    const create = await t.call('POST', '/api/users/', { as: 'employee', body: {} });
    expect(create).toMatchObject({
      status: 403,
      body: { detail: 'You do not have permission to perform this action.' },
    });
  });
});
