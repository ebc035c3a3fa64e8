// The typed till client over a bridge to a real till core (real SQLite ledger): typed results, TillError by
// code (with field errors), HOST_UNREACHABLE for a failing transport, and events by type with one bridge
// subscription that closes when the last listener leaves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TillBridge } from '../../../src-shared/contract/bridge.js';
import { TillError } from '../../../src-shared/contract/errors.js';
import type { TillEvent } from '../../../src-shared/contract/events.js';
import { createTillClient, HOST_UNREACHABLE } from '../../../src-shared/contract/till-client.js';
import { createTestTill, type TestTill } from '../../support/test-till.js';

let t: TestTill;
let subscriptions: number;
let bridge: TillBridge;

beforeEach(() => {
  t = createTestTill();
  subscriptions = 0;
  // What the IPC host and the HTTP host do, minus the transport: the till's envelope and event stream.
  bridge = {
    call: (method, input) => Promise.resolve(t.till.invoke(method, input)),
    onEvent: (listener) => {
      subscriptions++;
      const off = t.till.subscribe(listener);
      return () => {
        subscriptions--;
        off();
      };
    },
  };
});
afterEach(() => {
  t.close();
});

async function errorOf(promise: Promise<unknown>): Promise<TillError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TillError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('createTillClient', () => {
  it('returns the typed result of a call', async () => {
    const client = createTillClient(bridge);
    const me = await client.call('auth.login', { phone: '0700000003', password: 'cashier1234' });
    expect(me.name).toBe('Achieng Cashier');
    const users = await client.call('auth.users', {});
    expect(users.map((u) => u.role).sort()).toEqual(['employee', 'manager', 'owner']);
  });

  it('throws a TillError with the stable code, message and field errors', async () => {
    const client = createTillClient(bridge);
    const notLoggedIn = await errorOf(client.call('session.current', {}));
    expect(notLoggedIn.code).toBe('NOT_AUTHENTICATED');
    const invalid = await errorOf(client.call('auth.login', { phone: 'abc', password: '' }));
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(['password', 'phone']);
  });

  it('reports a transport failure as HOST_UNREACHABLE', async () => {
    const client = createTillClient({
      call: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:4318')),
      onEvent: () => () => undefined,
    });
    const error = await errorOf(client.call('auth.current', {}));
    expect(error.code).toBe(HOST_UNREACHABLE);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('delivers events by type, over one bridge subscription that ends with the last listener', async () => {
    const client = createTillClient(bridge);
    const sessions: unknown[] = [];
    const auth: unknown[] = [];
    const offSession = client.on('session.changed', (payload) => sessions.push(payload));
    const offAuth = client.on('auth.changed', (payload) => auth.push(payload));
    expect(subscriptions).toBe(1);

    await client.call('auth.login', { phone: '0700000003', password: 'cashier1234' });
    const session = await client.call('session.open', { openingFloat: 1000_00 });
    expect(auth).toEqual([{ userId: t.demo.users.cashier.id }]);
    expect(sessions).toEqual([{ sessionId: session.id, status: 'open' }]);

    offSession();
    expect(subscriptions).toBe(1);
    offAuth();
    expect(subscriptions).toBe(0);
    await client.call('auth.logout', {});
    expect(auth).toHaveLength(1); // unsubscribed: nothing more arrives
  });

  it('a listener that unsubscribes while an event is delivered does not disturb the others', () => {
    let emit: (event: TillEvent) => void = () => undefined;
    const client = createTillClient({
      call: () => Promise.reject(new Error('unused')),
      onEvent: (listener) => {
        emit = listener;
        return () => undefined;
      },
    });
    const seen: string[] = [];
    const offFirst = client.on('scanner.scan', (p) => {
      seen.push(`first ${p.data}`);
      offFirst();
    });
    client.on('scanner.scan', (p) => seen.push(`second ${p.data}`));
    emit({ type: 'scanner.scan', payload: { data: '6160000000012', symbology: 'EAN13' } });
    emit({ type: 'scanner.scan', payload: { data: '6160000000029', symbology: null } });
    expect(seen).toEqual(['first 6160000000012', 'second 6160000000012', 'second 6160000000029']);
  });
});
