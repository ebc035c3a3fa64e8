// sync.status tells a person what to do: a revoked device says so (register again), a till too old for the cloud
// says "update" — and sales go on in both cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src-shared/contract/till-sync.js';
import { FAST_SYNC, newTill, startCloud, type Cloud, type SyncTill } from './support.js';

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
});
