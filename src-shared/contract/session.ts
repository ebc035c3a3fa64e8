// session.*: the till's cash session (one open at a time per till): open with a float, pay cash in/out,
// close with a count → the Z report.
import { z } from 'zod';
import { approvalSchema, nonNegativeMoneySchema, positiveMoneySchema, reasonSchema } from './common.js';
import { defineMethod } from './method.js';
import type { ZReport } from './report.js';

export interface SessionView {
  id: string;
  terminalId: string;
  businessDate: string;
  status: 'open' | 'closed';
  openedBy: string;
  openedAt: string;
  openingFloat: number;
  closedBy: string | null;
  closedAt: string | null;
  blindClose: boolean | null;
  countedTotal: number | null;
  expectedCash: number | null;
  variance: number | null;
  zNumber: number | null;
}

export interface CashMovementView {
  id: string;
  sessionId: string;
  kind: 'paid_in' | 'paid_out';
  amount: number;
  reason: string;
  userId: string;
  createdAt: string;
  /** The cash the drawer should hold after this movement. */
  expectedCash: number;
}

/** A drawer count by denomination: `value` in cents of a KES note or coin (100000 = 1,000/-). */
export const denominationCountSchema = z
  .array(
    z.strictObject({
      value: z.number().int().positive(),
      count: z.number().int({ message: 'count whole notes and coins' }).min(0).max(1_000_000),
    }),
  )
  .min(1, 'count at least one note or coin')
  .max(50);

export const sessionMethods = {
  'session.open': defineMethod<SessionView>()(z.strictObject({ openingFloat: nonNegativeMoneySchema })),
  'session.current': defineMethod<SessionView | null>()(z.strictObject({})),
  /** Cash put into (paid_in) or taken out of (paid_out) the drawer outside a sale. */
  'session.cashMovement': defineMethod<CashMovementView>()(
    z.strictObject({
      kind: z.enum(['paid_in', 'paid_out']),
      amount: positiveMoneySchema,
      reason: reasonSchema,
    }),
  ),
  /**
   * Closes the open session with the drawer count: either `countedTotal` or `denominations` (not both).
   * `blind`: the cashier counted without seeing the expected figure. Closing a session someone else
   * opened needs a manager (role or `approval`). Returns the Z report.
   */
  'session.close': defineMethod<ZReport>()(
    z
      .strictObject({
        countedTotal: nonNegativeMoneySchema.optional(),
        denominations: denominationCountSchema.optional(),
        blind: z.boolean().default(false),
        approval: approvalSchema.optional(),
      })
      .refine((v) => (v.countedTotal === undefined) !== (v.denominations === undefined), {
        message: 'give the counted total or the denomination count (one of them)',
        path: ['countedTotal'],
      }),
  ),
};
