// Device registration for sync: creating a till answers its device secret once (only a hash is kept),
// sync calls authenticate with that credential and never with a user's token, revoking stops the device at
// once, registering again gives a new secret and the next epoch.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { terminals } from '../../src-server/db/schema/stores.js';
import { deviceAuthorization, SYNC_PROTOCOL_VERSION } from '../../src-shared/contract/sync.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('till devices', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const push = (terminalId: string, authorization: string | null, epoch = 1) =>
    t.call('POST', '/api/sync/push/', {
      ...(authorization === null ? {} : { headers: { authorization } }),
      body: { protocol: SYNC_PROTOCOL_VERSION, terminalId, epoch, events: [] },
    });
  const storedHash = async (id: string) =>
    (await t.database.db.select().from(terminals).where(eq(terminals.id, id)))[0]?.deviceSecretHash;

  let id = '';
  let secret = '';

  it('creating a till returns its device secret once and keeps only a hash of it', async () => {
    const res = await t.call('POST', '/api/terminals/', {
      as: 'manager',
      body: { store: t.store.id, code: 'T01', name: 'Front counter' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'T01',
      is_registered: true,
      epoch: 1,
      registered_at: expect.any(String),
      revoked_at: null,
      device_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    id = res.body.id as string;
    secret = res.body.device_secret as string;
    const hash = await storedHash(id);
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain(secret);
    const again = await t.call('GET', `/api/terminals/${id}/`, { as: 'manager' });
    expect(again.body.device_secret).toBeUndefined();
    expect(JSON.stringify((await t.call('GET', '/api/terminals/', { as: 'owner' })).body)).not.toContain(
      secret,
    );
    const audit = await t.database.db.select().from(auditLogs).where(eq(auditLogs.objectId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'register_device']);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('sync calls authenticate with the device credential, never with a user token', async () => {
    const ok = await push(id, deviceAuthorization(id, secret));
    expect(ok).toMatchObject({ status: 200, body: { ackedThroughSeq: 0, results: [] } });
    const anonymous = await push(id, null);
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'DEVICE_UNAUTHORIZED' } });
    const wrong = await push(id, deviceAuthorization(id, `${secret.slice(0, -2)}xx`));
    expect(wrong).toMatchObject({ status: 401, body: { code: 'DEVICE_UNAUTHORIZED' } });
    const owner = await push(id, `Bearer ${await t.token('owner')}`);
    expect(owner).toMatchObject({ status: 401, body: { code: 'DEVICE_UNAUTHORIZED' } });
    const { body } = await t.call('GET', `/api/terminals/${id}/`, { as: 'manager' });
    expect(body.last_seen_at).toEqual(expect.any(String));
  });

  it('revoking stops the device at once; its next push is a 401 saying so', async () => {
    expect((await t.call('POST', `/api/terminals/${id}/revoke/`, { as: 'employee' })).status).toBe(403);
    expect((await t.call('POST', `/api/terminals/${id}/revoke/`, { as: 'outsider' })).status).toBe(404);
    const res = await t.call('POST', `/api/terminals/${id}/revoke/`, { as: 'manager' });
    expect(res.body).toMatchObject({ is_registered: false, revoked_at: expect.any(String) });
    expect(await storedHash(id)).toBeNull();
    const refused = await push(id, deviceAuthorization(id, secret));
    expect(refused).toMatchObject({
      status: 401,
      body: { code: 'DEVICE_REVOKED', detail: expect.stringMatching(/revoked/) },
    });
  });

  it('registering again gives a new secret and the next epoch; the old secret stays refused', async () => {
    const res = await t.call('POST', `/api/terminals/${id}/register/`, { as: 'owner' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ is_registered: true, epoch: 2, revoked_at: null });
    const fresh = res.body.device_secret as string;
    expect(fresh).not.toBe(secret);
    expect((await push(id, deviceAuthorization(id, secret), 2)).status).toBe(401);
    expect((await push(id, deviceAuthorization(id, fresh), 2)).status).toBe(200);
    expect((await push(id, deviceAuthorization(id, fresh), 1)).body).toMatchObject({
      code: 'EPOCH_MISMATCH',
    });
    expect((await t.call('POST', `/api/terminals/${id}/register/`, { as: 'employee' })).status).toBe(403);
  });
});
