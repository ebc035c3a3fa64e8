// audit.*: reading the till's append-only audit log (managers and owners only).
import { z } from 'zod';
import { idSchema, isoDateSchema, pageSchema } from './common.js';
import { defineMethod } from './method.js';

export interface AuditEntryView {
  id: string;
  /** e.g. 'login', 'session_open', 'stock_adjustment_approve'. */
  action: string;
  model: string;
  objectId: string | null;
  userId: string | null;
  userName: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  terminalId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface AuditPage {
  items: AuditEntryView[];
  /** Entries matching the filter (all pages). */
  total: number;
  limit: number;
  offset: number;
}

export const auditMethods = {
  /** Newest first; every filter is optional and they combine (AND). */
  'audit.list': defineMethod<AuditPage>()(
    pageSchema
      .extend({
        action: z.string().trim().min(1).max(100).optional(),
        userId: idSchema.optional(),
        objectId: z.string().trim().min(1).max(200).optional(),
        /** from ≤ createdAt < to (ISO-8601 with offset; compared in UTC). */
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
      })
      .refine((v) => !v.from || !v.to || Date.parse(v.from) <= Date.parse(v.to), {
        message: '"from" must not be after "to"',
        path: ['from'],
      }),
  ),
};
