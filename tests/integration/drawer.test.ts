import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onDrawerKick, type DrawerKick } from '../../src-main/services/drawer.js';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { errorOf } from '../support/errors.js';

let t: TestTill;
let kicks: DrawerKick[];
beforeEach(() => {
  t = createTestTill();
  kicks = [];
  onDrawerKick(t.till.runtime, (kick) => kicks.push(kick));
});
afterEach(() => {
  t.close();
});

interface AuditRow {
  id: string;
  action: string;
  user_id: string;
  approved_by: string;
  reason: string;
  after: string;
}
const drawerAudit = () =>
  t.till.ledger.raw.prepare("select * from audit_log where action = 'drawer_open'").all() as AuditRow[];

describe('drawer.noSale', () => {
  it('opens the drawer for a manager, audits the no-sale open and kicks the drawer', () => {
    const sessionId = t.openSession('manager');
    const result = t.till.call('drawer.noSale', { reason: 'customer needs change for 1,000/-' });
    expect(result).toEqual({ opened: true, at: t.clock.now().toISOString() });
    const [entry] = drawerAudit();
    expect(entry).toMatchObject({
      user_id: t.demo.users.manager.id,
      approved_by: t.demo.users.manager.id,
      reason: 'customer needs change for 1,000/-',
    });
    expect(JSON.parse(entry!.after)).toEqual({ kind: 'no_sale', sessionId });
    expect(kicks).toEqual([{ cause: 'no_sale', documentId: entry!.id, at: result.at }]);
  });

  it("lets a cashier open it with a manager's PIN, recording who approved", () => {
    t.loginAs('cashier');
    t.till.call('drawer.noSale', {
      reason: 'check a suspicious note',
      approval: { managerId: t.demo.users.manager.id, pin: '2222' },
    });
    const [entry] = drawerAudit();
    expect(entry).toMatchObject({ user_id: t.demo.users.cashier.id, approved_by: t.demo.users.manager.id });
    expect(JSON.parse(entry!.after)).toEqual({ kind: 'no_sale', sessionId: null });
    expect(kicks).toHaveLength(1);
  });

  it('refuses a cashier without approval or with a wrong PIN: nothing written, the drawer stays shut', () => {
    t.loginAs('cashier');
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('drawer.noSale', { reason: 'just looking' })).code).toBe(
      'APPROVAL_REQUIRED',
    );
    const wrong = errorOf(() =>
      t.till.call('drawer.noSale', {
        reason: 'just looking',
        approval: { managerId: t.demo.users.manager.id, pin: '1234' },
      }),
    );
    expect(wrong).toMatchObject({ code: 'APPROVAL_INVALID', message: 'Wrong manager PIN.' });
    const selfApproved = errorOf(() =>
      t.till.call('drawer.noSale', {
        reason: 'just looking',
        approval: { managerId: t.demo.users.cashier.id, pin: '3333' },
      }),
    );
    expect(selfApproved.code).toBe('APPROVAL_INVALID');
    expect(t.snapshot()).toEqual(before);
    expect(kicks).toEqual([]);
  });

  it('needs a reason and a logged-in operator', () => {
    expect(errorOf(() => t.till.call('drawer.noSale', { reason: 'stuck' })).code).toBe('NOT_AUTHENTICATED');
    t.loginAs('manager');
    const before = t.snapshot();
    const err = errorOf(() => t.till.call('drawer.noSale', { reason: ' ' }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['reason']);
    expect(t.snapshot()).toEqual(before);
    expect(kicks).toEqual([]);
  });
});
