// sync.register against the real cloud: a fresh till adopts the store, its catalog and its users on the first
// pull; the owner then logs in with the cloud password with the cloud unreachable; sync.status tells the story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD } from '../../server/support/test-server.js';
import { newTill, rejectionOf, startCloud, type Cloud, type SyncTill } from './support.js';

let cloud: Cloud;
let productId: string;
const tills: SyncTill[] = [];

beforeAll(async () => {
  cloud = await startCloud();
  const res = await cloud.t.call('POST', '/api/products/', {
    as: 'manager',
    body: { name: 'Sugar 1kg', sku: 'SUG-1', price: '145.00', barcodes: ['6161100000018'] },
  });
  expect(res.status, res.text).toBe(201);
  productId = res.body.id as string;
});

afterAll(async () => {
  for (const st of tills) await st.close();
  await cloud.close();
});

function till(): SyncTill {
  const st = newTill();
  tills.push(st);
  return st;
}

describe('sync.register', () => {
  it('adopts the cloud store: after the first pull the till sells its products and its owner logs in offline', async () => {
    const st = till();
    expect(st.till.call('sync.status', {}).state).toBe('unregistered');
    const registered = await st.register(cloud, 'Front till');
    expect(registered).toMatchObject({ storeId: cloud.t.store.id, storeName: 'Test Store', epoch: 1 });
    expect(registered.terminalCode).toMatch(/^T\d\d$/);

    const synced = await st.syncNow();
    expect(synced).toMatchObject({ state: 'idle', online: true, queueDepth: 0 });
    expect(synced.pullCursor).toBeGreaterThan(0);
    expect(synced.pullCursor).toBe(synced.pullHead);

    // The cloud goes away: the owner still logs in at the till with the cloud password.
    await cloud.gate.shut();
    try {
      const offline = await st.syncNow();
      expect(offline.state).toBe('offline');
      expect(offline.online).toBe(false);
      expect(offline.lastError?.code).toBe('CLOUD_UNREACHABLE');
      const owner = st.till.call('auth.login', { phone: cloud.t.users.owner.phone, password: SEED_PASSWORD });
      expect(owner).toMatchObject({ role: 'owner' });
      const found = st.till.call('catalog.lookup', { code: '6161100000018' });
      expect(found.product).toMatchObject({ id: productId, name: 'Sugar 1kg', price: 14500 });
    } finally {
      await cloud.gate.open();
    }
    expect((await st.syncNow()).state).toBe('idle');
  });

  it('says why it cannot register: wrong password, unknown store, no cloud at that address', async () => {
    const st = till();
    const wrong = await rejectionOf(() =>
      st.till.callAsync('sync.register', {
        serverUrl: cloud.url,
        phone: cloud.t.users.owner.phone,
        password: 'not-the-password',
        tillName: 'X',
      }),
    );
    expect(wrong.code).toBe('CLOUD_REJECTED');
    const store = await rejectionOf(() => st.register(cloud, 'X', { store: 'NOPE' }));
    expect(store).toMatchObject({ code: 'CLOUD_REJECTED' });
    expect(store.message).toContain('NOPE');
    const nowhere = await rejectionOf(() =>
      st.till.callAsync('sync.register', {
        serverUrl: 'http://127.0.0.1:9',
        phone: '0700000001',
        password: 'x',
        tillName: 'X',
      }),
    );
    expect(nowhere.code).toBe('CLOUD_UNREACHABLE');
    expect(st.till.call('sync.status', {}).state).toBe('unregistered');
  });
});
