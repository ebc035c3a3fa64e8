// session.*: the till's cash session (one open at a time per till).
import { z } from 'zod';
import { nonNegativeMoneySchema } from './common.js';
import { defineMethod } from './method.js';

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

export const sessionMethods = {
  'session.open': defineMethod<SessionView>()(z.strictObject({ openingFloat: nonNegativeMoneySchema })),
  'session.current': defineMethod<SessionView | null>()(z.strictObject({})),
};
