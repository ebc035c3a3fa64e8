// sync.status tells a person what to do: a revoked device says so (register again), a till too old for the cloud
// says "update" — and sales go on in both cases. A sync worker that hangs is restarted by the watchdog and the
// queue drains all the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src-shared/contract/till-sync.js';
import { SEED_PASSWORD } from '../../server/support/test-server.js';
import { eventually, FAST_SYNC, newTill, startCloud, type Cloud, type SyncTill } from './support.js';

let cloud: Cloud;
const tills: SyncTill[] = [];

beforeAll(async () => {
  cloud = await startCloud();
});

afterAll(async () => {
  for (const st of tills) await st.close();
  await cloud.close();
});

describe('sync.status', () => {
  it('is revoked, saying why, once the cloud revokes the device; sync.changed carried it', async () => {
    const st = newTill();
    tills.push(st);
    const seen: SyncStatus[] = [];
    st.till.subscribe((e) => {
      if (e.type === 'sync.changed') seen.push(e.payload as SyncStatus);
    });
    const registered = await st.register(cloud, 'Back till');
    expect((await st.syncNow()).state).toBe('idle');
    const revoked = await cloud.t.call('POST', `/api/terminals/${registered.terminalId ?? ''}/revoke/`, {
      as: 'manager',
    });
    expect(revoked.status).toBe(200);
    const status = await st.syncNow();
    expect(status.state).toBe('revoked');
    expect(status.online).toBe(false);
    expect(status.lastError?.code).toBe('DEVICE_REVOKED');
    expect(status.lastError?.message.toLowerCase()).toContain('revoked');
    expect(st.till.call('sync.status', {}).state).toBe('revoked');
    expect(seen.map((s) => s.state)).toContain('idle');
    expect(seen.at(-1)?.state).toBe('revoked');
  });

  it('is update_required when the cloud needs a newer protocol (426)', async () => {
    const st = newTill({ ...FAST_SYNC, protocol: 0 });
    tills.push(st);
    await st.register(cloud, 'Old till');
    const status = await st.syncNow();
    expect(status.state).toBe('update_required');
    expect(status.lastError?.code).toBe('PROTOCOL_TOO_OLD');
    expect(status.lastError?.message).toMatch(/update this till/i);
  });

  it('recovers from a hung worker: the watchdog restarts it and the queue drains', async () => {
    const st = newTill({ ...FAST_SYNC, watchdogMs: 500, hangBeforePush: 1 });
    tills.push(st);
    await st.register(cloud, 'Hanging till');
    await st.syncNow(); // the store's users arrive
    st.till.call('auth.login', { phone: cloud.t.users.employee.phone, password: SEED_PASSWORD });
    const session = st.till.call('session.open', { openingFloat: 2_000_00 });
    // The first worker blocks before sending it; only a restart can send it.
    const status = await eventually(() => {
      const s = st.till.call('sync.status', {});
      return s.queueDepth === 0 && s.state === 'idle' && s;
    }, 'the queue to drain');
    expect(status.online).toBe(true);
    expect(st.till.sync.host.starts).toBeGreaterThanOrEqual(2);
    const res = await cloud.t.call('GET', `/api/cash-sessions/${session.id}/`, { as: 'manager' });
    expect(res.status, res.text).toBe(200);
  });
});
