// Manager approval at the till: a manager (or owner) confirms with their id and PIN. If the logged-in
// operator is already a manager, they approve their own action and no PIN is asked.
import { eq } from 'drizzle-orm';
import type { Approval } from '../../src-shared/contract/common.js';
import { ROLE_RANK } from '../../src-shared/contract/common.js';
import { TillError } from '../../src-shared/contract/errors.js';
import type { ReadDb } from '../ledger/connection.js';
import { users } from '../ledger/schema/catalog.js';
import { userLockouts } from '../ledger/schema/till.js';
import type { Operator } from './context.js';
import { verifySecret } from './passwords.js';

export interface ApprovalContext {
  readonly db: ReadDb;
  readonly operator: Operator;
  readonly now: string;
}

/** Returns the approving manager's user id, or throws APPROVAL_REQUIRED / APPROVAL_INVALID. */
export function requireManagerApproval(
  ctx: ApprovalContext,
  approval: Approval | undefined | null,
  what: string,
): string {
  if (!approval) {
    if (ROLE_RANK[ctx.operator.role] >= ROLE_RANK.manager) return ctx.operator.id;
    throw new TillError('APPROVAL_REQUIRED', `${what} needs a manager's approval (manager and PIN).`);
  }
  const manager = ctx.db.select().from(users).where(eq(users.id, approval.managerId)).get();
  if (!manager || !manager.isActive || ROLE_RANK[manager.role] < ROLE_RANK.manager) {
    throw new TillError('APPROVAL_INVALID', 'That user cannot approve: a manager or owner must.');
  }
  const lock = ctx.db.select().from(userLockouts).where(eq(userLockouts.userId, manager.id)).get();
  if (lock?.lockedUntil && lock.lockedUntil > ctx.now) {
    throw new TillError('LOCKED_OUT', `${manager.name} is locked out until ${lock.lockedUntil}.`);
  }
  if (!verifySecret(approval.pin, manager.pinHash)) {
    throw new TillError('APPROVAL_INVALID', 'Wrong manager PIN.');
  }
  return manager.id;
}
