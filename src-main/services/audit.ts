// audit.* handlers: the audit log, newest first, for managers and owners (an employee may not read it).
import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { auditMethods, type AuditEntryView } from '../../src-shared/contract/audit.js';
import { users } from '../ledger/schema/catalog.js';
import { auditLog } from '../ledger/schema/audit.js';
import { handlersFor } from './handler.js';

const actor = alias(users, 'actor');
const approver = alias(users, 'approver');

export const auditHandlers = handlersFor(auditMethods)({
  'audit.list': {
    kind: 'query',
    access: 'manager',
    run(ctx, input) {
      const where = and(
        input.action ? eq(auditLog.action, input.action) : undefined,
        input.userId ? eq(auditLog.userId, input.userId) : undefined,
        input.objectId ? eq(auditLog.objectId, input.objectId) : undefined,
        input.from ? gte(auditLog.createdAt, new Date(input.from).toISOString()) : undefined,
        input.to ? lt(auditLog.createdAt, new Date(input.to).toISOString()) : undefined,
      );
      const items: AuditEntryView[] = ctx.db
        .select({
          id: auditLog.id,
          action: auditLog.action,
          model: auditLog.model,
          objectId: auditLog.objectId,
          userId: auditLog.userId,
          userName: actor.name,
          approvedBy: auditLog.approvedBy,
          approvedByName: approver.name,
          terminalId: auditLog.terminalId,
          reason: auditLog.reason,
          before: auditLog.before,
          after: auditLog.after,
          createdAt: auditLog.createdAt,
        })
        .from(auditLog)
        .leftJoin(actor, eq(actor.id, auditLog.userId))
        .leftJoin(approver, eq(approver.id, auditLog.approvedBy))
        .where(where)
        // Entries of one call share a timestamp; ids are UUIDv7 (time-ordered), so they break the tie.
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(input.limit)
        .offset(input.offset)
        .all();
      const total = ctx.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
      return { items, total, limit: input.limit, offset: input.offset };
    },
  },
});
