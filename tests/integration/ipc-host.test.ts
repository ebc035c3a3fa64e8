// The Electron IPC host's logic under plain Node (src-main/host/ipc): what `ipcMain.handle(TILL_CALL_CHANNEL)`
// answers for a given sender frame URL, method name and input, against a real till on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcTillHandler, isTillPage, TILL_PAGE_URL } from '../../src-main/host/ipc/till-ipc.js';
import { createTestTill, type TestTill } from '../support/test-till.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

const cashier = { phone: '0700000003', password: 'cashier1234' };

describe('IPC host', () => {
  it('answers calls from the till page with the {ok, value} envelope', async () => {
    const handle = createIpcTillHandler(t.till);
    const login = await handle({ senderUrl: TILL_PAGE_URL, method: 'auth.login', input: cashier });
    expect(login).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'Achieng Cashier', role: 'employee' }),
    });
    expect(t.till.call('auth.current', {})?.name).toBe('Achieng Cashier');
    const fromAnotherPath = await handle({
      senderUrl: 'app://till/screens/x.html?y#z',
      method: 'auth.current',
      input: {},
    });
    expect(fromAnotherPath.ok).toBe(true);
  });

  it('passes till errors through unchanged, input validated by the method schema', async () => {
    const handle = createIpcTillHandler(t.till);
    const invalid = await handle({
      senderUrl: TILL_PAGE_URL,
      method: 'auth.login',
      input: { phone: 'abc', password: '' },
    });
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(invalid.error.fieldErrors ?? {}).sort()).toEqual(['password', 'phone']);
    const wrong = await handle({
      senderUrl: TILL_PAGE_URL,
      method: 'auth.login',
      input: { ...cashier, password: 'nope-nope' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    const notLoggedIn = await handle({ senderUrl: TILL_PAGE_URL, method: 'audit.list', input: {} });
    expect(notLoggedIn).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
  });

  it('refuses calls from any frame that is not the till page, and runs nothing', async () => {
    const handle = createIpcTillHandler(t.till);
    const before = t.snapshot();
    for (const senderUrl of [
      undefined,
      '',
      'https://evil.example/',
      'http://127.0.0.1:4318/',
      'file:///work/main/dist/renderer/index.html',
      'app://evil/index.html',
      'app://till.evil.example/index.html',
      'app://till@evil/index.html',
      'app://evil@till/index.html',
      'apps://till/index.html',
      'about:blank',
      'not a url',
    ]) {
      const answer = await handle({ senderUrl, method: 'auth.login', input: cashier });
      expect({ senderUrl, answer }).toEqual({
        senderUrl,
        answer: { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_ORIGIN' }) },
      });
      expect(isTillPage(senderUrl)).toBe(false);
    }
    expect(t.till.call('auth.current', {})).toBeNull();
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses unknown or malformed method names', async () => {
    const handle = createIpcTillHandler(t.till);
    for (const method of [
      'stock.teleport',
      'constructor',
      '__proto__.x',
      'auth.login ',
      42,
      null,
      { m: 1 },
      'x'.repeat(5000),
    ]) {
      const answer = await handle({ senderUrl: TILL_PAGE_URL, method, input: {} });
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      if (!answer.ok) expect(answer.error.message.length).toBeLessThan(120);
    }
  });

  it('answers INTERNAL instead of throwing when the till itself throws', async () => {
    const handle = createIpcTillHandler({
      methods: ['auth.current'],
      invoke: () => {
        throw new Error('disk on fire');
      },
    });
    expect(await handle({ senderUrl: TILL_PAGE_URL, method: 'auth.current', input: {} })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The till failed to answer.' },
    });
  });
});
