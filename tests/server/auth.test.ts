// Signing in with phone number and password, and the token lifecycle (simplejwt-compatible).
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD, startTestServer, type TestServer } from './support/test-server.js';

const NO_ACCOUNT = 'No active account found with the given credentials';

describe('JWT auth', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT: '5m' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (phone_number: string, password: string) =>
    t.call('POST', '/api/token/', { body: { phone_number, password } });

  it('gives an access and a refresh token for the right phone number and password', async () => {
    const res = await login(t.users.manager.phone, SEED_PASSWORD);
    expect(res.status).toBe(200);
    const access = decodeJwt(res.body.access);
    const refresh = decodeJwt(res.body.refresh);
    expect(access).toMatchObject({ token_type: 'access', user_id: t.users.manager.id });
    expect(refresh).toMatchObject({ token_type: 'refresh', user_id: t.users.manager.id });
    expect(access.exp! - access.iat!).toBe(5 * 60);
    expect(refresh.exp! - refresh.iat!).toBe(24 * 60 * 60);
    expect(access.jti).not.toBe(refresh.jti);

    const me = await t.call('GET', '/api/users/me/', { as: { token: res.body.access } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Mary Manager', role: 'manager' });
  });

  it('refuses a wrong password or an unknown phone with the same 401', async () => {
    const wrong = await login(t.users.employee.phone, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ detail: NO_ACCOUNT });
    const unknown = await login('0799999999', SEED_PASSWORD);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ detail: NO_ACCOUNT });
  });

  it('locks an account for 5 minutes after 5 wrong passwords, even against the right one', async () => {
    const phone = t.users.outsider.phone;
    for (let i = 0; i < 5; i++) expect((await login(phone, `wrong-${i}`)).status).toBe(401);
    const locked = await login(phone, SEED_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(
      /^Too many failed login attempts\. Try again in (29\d|300) seconds\.$/,
    );
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(290);
  });

  it('says why a protected route refuses the caller', async () => {
    const none = await t.call('GET', '/api/stores/');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    const garbage = await t.call('GET', '/api/stores/', { as: { token: 'not.a.jwt' } });
    expect(garbage.status).toBe(401);
    expect(garbage.body.detail).toBe('Given token not valid for any token type');
    const tokens = await login(t.users.owner.phone, SEED_PASSWORD);
    const refreshAsAccess = await t.call('GET', '/api/stores/', { as: { token: tokens.body.refresh } });
    expect(refreshAsAccess.status).toBe(401);
  });

  it('refreshes, verifies and blacklists (logout) tokens', async () => {
    const { body: pair } = await login(t.users.owner.phone, SEED_PASSWORD);
    const refreshed = await t.call('POST', '/api/token/refresh/', { body: { refresh: pair.refresh } });
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body)).toEqual(['access']);
    expect((await t.call('GET', '/api/stores/', { as: { token: refreshed.body.access } })).status).toBe(200);

    expect(await t.call('POST', '/api/token/verify/', { body: { token: pair.access } })).toMatchObject({
      status: 200,
      body: {},
    });
    const bad = await t.call('POST', '/api/token/verify/', { body: { token: `${pair.access}x` } });
    expect(bad.status).toBe(401);
    expect(bad.body.detail).toBe('Token is invalid or expired');

    const out = await t.call('POST', '/api/token/blacklist/', { body: { refresh: pair.refresh } });
    expect(out).toMatchObject({ status: 200, body: {} });
    const again = await t.call('POST', '/api/token/refresh/', { body: { refresh: pair.refresh } });
    expect(again.status).toBe(401);
    expect(again.body.detail).toBe('Token is blacklisted');
    const verifyRevoked = await t.call('POST', '/api/token/verify/', { body: { token: pair.refresh } });
    expect(verifyRevoked.status).toBe(401);
  });

  it('refuses to refresh with an access token', async () => {
    const { body: pair } = await login(t.users.owner.phone, SEED_PASSWORD);
    const res = await t.call('POST', '/api/token/refresh/', { body: { refresh: pair.access } });
    expect(res.status).toBe(401);
  });
});

describe('JWT auth with refresh-token rotation', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { ROTATE_REFRESH_TOKENS: 'true', ACCESS_TOKEN_LIFETIME: '10m' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a new refresh token and retires the old one', async () => {
    const { body: pair } = await t.call('POST', '/api/token/', {
      body: { phone_number: t.users.employee.phone, password: SEED_PASSWORD },
    });
    const access = decodeJwt(pair.access);
    expect(access.exp! - access.iat!).toBe(600);
    const rotated = await t.call('POST', '/api/token/refresh/', { body: { refresh: pair.refresh } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh).toEqual(expect.any(String));
    expect(rotated.body.refresh).not.toBe(pair.refresh);
    const reused = await t.call('POST', '/api/token/refresh/', { body: { refresh: pair.refresh } });
    expect(reused.status).toBe(401);
    const next = await t.call('POST', '/api/token/refresh/', { body: { refresh: rotated.body.refresh } });
    expect(next.status).toBe(200);
  });
});
