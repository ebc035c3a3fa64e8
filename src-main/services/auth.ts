// auth.* handlers: password login, quick PIN switch, lock-out after repeated failures, the user's language.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { authMethods, LOCALES, type Locale, type OperatorView } from '../../src-shared/contract/auth.js';
import { TillError } from '../../src-shared/contract/errors.js';
import { users } from '../ledger/schema/catalog.js';
import { userLockouts } from '../ledger/schema/till.js';
import type { ManualContext } from './context.js';
import { handlersFor } from './handler.js';
import { writeAudit } from './ledger-writes.js';
import { verifySecret } from './passwords.js';

type UserRow = typeof users.$inferSelect;

function localeOf(value: string | null): Locale | null {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
}

function view(user: Pick<UserRow, 'id' | 'name' | 'role' | 'locale'>): OperatorView {
  return { id: user.id, name: user.name, role: user.role, locale: localeOf(user.locale) };
}

/** Verifies a password or PIN, counting failures; the counter and the audit entry commit even when it fails. */
function authenticate(
  ctx: ManualContext,
  user: UserRow,
  secret: string,
  hash: string | null,
  via: 'password' | 'pin',
): OperatorView {
  const lock = ctx.db.select().from(userLockouts).where(eq(userLockouts.userId, user.id)).get();
  if (lock?.lockedUntil && lock.lockedUntil > ctx.now) {
    throw new TillError(
      'LOCKED_OUT',
      `Too many failed attempts: ${user.name} is locked out until ${lock.lockedUntil}.`,
      {
        details: { lockedUntil: lock.lockedUntil },
      },
    );
  }
  const ok = verifySecret(secret, hash);
  const { lockoutAttempts, lockoutMs } = ctx.runtime.settings;
  const outcome = ctx.transaction((tx) => {
    if (ok) {
      tx.db
        .insert(userLockouts)
        .values({ userId: user.id, failedAttempts: 0, lockedUntil: null })
        .onConflictDoUpdate({ target: userLockouts.userId, set: { failedAttempts: 0, lockedUntil: null } })
        .run();
      const asUser = { ...tx, operator: view(user) };
      writeAudit(asUser, {
        action: via === 'pin' ? 'pin_switch' : 'login',
        model: 'user',
        objectId: user.id,
      });
      tx.emit('auth.changed', { userId: user.id });
      return { ok: true as const };
    }
    const previous = lock && (!lock.lockedUntil || lock.lockedUntil <= ctx.now) ? lock.failedAttempts : 0;
    const failed = previous + 1;
    const lockedUntil =
      failed >= lockoutAttempts ? new Date(ctx.nowDate.getTime() + lockoutMs).toISOString() : null;
    tx.db
      .insert(userLockouts)
      .values({ userId: user.id, failedAttempts: lockedUntil ? 0 : failed, lockedUntil })
      .onConflictDoUpdate({
        target: userLockouts.userId,
        set: { failedAttempts: lockedUntil ? 0 : failed, lockedUntil },
      })
      .run();
    writeAudit(tx, {
      action: lockedUntil ? 'lockout' : 'login_failed',
      model: 'user',
      objectId: user.id,
      userId: user.id,
      after: { via, failedAttempts: failed, lockedUntil },
    });
    return { ok: false as const, failed, lockedUntil };
  });
  if (!outcome.ok) {
    if (outcome.lockedUntil) {
      throw new TillError(
        'LOCKED_OUT',
        `Too many failed attempts: ${user.name} is locked out until ${outcome.lockedUntil}.`,
        {
          details: { lockedUntil: outcome.lockedUntil },
        },
      );
    }
    const left = lockoutAttempts - outcome.failed;
    throw new TillError(
      'INVALID_CREDENTIALS',
      `Wrong ${via === 'pin' ? 'PIN' : 'phone number or password'} (${left} attempt${left === 1 ? '' : 's'} left).`,
    );
  }
  const operator = view(user);
  ctx.runtime.operator = { id: operator.id, name: operator.name, role: operator.role };
  return operator;
}

export const authHandlers = handlersFor(authMethods)({
  'auth.login': {
    kind: 'manual',
    access: 'public',
    run(ctx, input) {
      const user = ctx.db
        .select()
        .from(users)
        .where(input.userId === undefined ? eq(users.phone, input.phone ?? '') : eq(users.id, input.userId))
        .get();
      if (!user || !user.isActive)
        throw new TillError(
          'INVALID_CREDENTIALS',
          input.userId === undefined ? 'Wrong phone number or password.' : 'Unknown user.',
        );
      return authenticate(ctx, user, input.password, user.passwordHash, 'password');
    },
  },
  'auth.pinSwitch': {
    kind: 'manual',
    access: 'public',
    run(ctx, input) {
      const user = ctx.db.select().from(users).where(eq(users.id, input.userId)).get();
      if (!user || !user.isActive) throw new TillError('INVALID_CREDENTIALS', 'Unknown user.');
      if (!user.pinHash)
        throw new TillError('INVALID_CREDENTIALS', `${user.name} has no PIN; log in with the password.`);
      return authenticate(ctx, user, input.pin, user.pinHash, 'pin');
    },
  },
  'auth.logout': {
    kind: 'manual',
    access: 'public',
    run(ctx) {
      const current = ctx.runtime.operator;
      if (current) {
        ctx.transaction((tx) => {
          writeAudit(tx, { action: 'logout', model: 'user', objectId: current.id });
          tx.emit('auth.changed', { userId: null });
        });
      }
      ctx.runtime.operator = null;
      return { loggedOut: true as const };
    },
  },
  'auth.current': {
    kind: 'query',
    access: 'public',
    run(ctx) {
      const operator = ctx.runtime.operator;
      if (!operator) return null;
      const user = ctx.db.select().from(users).where(eq(users.id, operator.id)).get();
      return user ? view(user) : { ...operator, locale: null };
    },
  },
  'auth.users': {
    kind: 'query',
    access: 'public',
    run(ctx) {
      const storeId = ctx.identity().storeId;
      return ctx.db
        .select({ id: users.id, name: users.name, role: users.role, locale: users.locale })
        .from(users)
        .where(and(eq(users.isActive, true), or(eq(users.storeId, storeId), isNull(users.storeId))))
        .orderBy(asc(users.name))
        .all()
        .map(view);
    },
  },
  'auth.setLocale': {
    kind: 'command',
    access: 'employee',
    run(ctx, input) {
      ctx.db.update(users).set({ locale: input.locale }).where(eq(users.id, ctx.operator.id)).run();
      const user = ctx.db.select().from(users).where(eq(users.id, ctx.operator.id)).get();
      if (!user) throw new TillError('NOT_FOUND', 'The logged-in user no longer exists on this till.');
      return view(user);
    },
  },
});
