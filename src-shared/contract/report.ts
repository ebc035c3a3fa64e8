// report.*: X report (the open session's running figures) and Z report (a closed session, frozen at close).
import { z } from 'zod';
import type { TaxBreakdownRow } from '../domain/tax.js';
import type { TenderMethod } from '../domain/tender.js';
import { idSchema } from './common.js';
import { defineMethod } from './method.js';

/** Completed sales of the session (including sales voided later: voids are listed as a deduction). */
export interface SalesFigures {
  count: number;
  /** Σ unit price × quantity, before discounts. */
  subtotal: number;
  /** Line discounts + cart discount shares. */
  discounts: number;
  /** Σ line gross: what was sold, after discounts. */
  gross: number;
  /** Σ cash rounding adjustments. */
  rounding: number;
  /** gross + rounding: what customers owed. */
  total: number;
  net: number;
  tax: number;
}

/** Per payment method: money taken in sales (cash net of change), given back by voids and refunds. */
export interface TenderFigures {
  method: TenderMethod;
  sales: number;
  voids: number;
  refunds: number;
  /** sales − voids − refunds. */
  net: number;
}

export interface RefundFigures {
  count: number;
  total: number;
  net: number;
  tax: number;
  byMethod: { method: TenderMethod; amount: number }[];
  taxBreakdown: TaxBreakdownRow[];
}

/** Sales voided during this session (a void gives back everything the sale took). */
export interface VoidFigures {
  count: number;
  total: number;
}

export interface DrawerFigures {
  openingFloat: number;
  /** Cash received in sales, net of change. */
  cashSales: number;
  /** Cash given back by voids in this session. */
  cashVoids: number;
  cashRefunds: number;
  paidIn: number;
  paidInCount: number;
  paidOut: number;
  paidOutCount: number;
  /** openingFloat + cashSales − cashVoids − cashRefunds + paidIn − paidOut. */
  expected: number;
}

export interface SessionFigures {
  sessionId: string;
  terminalId: string;
  terminalCode: string;
  businessDate: string;
  openedBy: { id: string; name: string };
  openedAt: string;
  sales: SalesFigures;
  /** Of the sales' lines, per tax class / eTIMS band (Σ of the lines' figures). */
  taxBreakdown: TaxBreakdownRow[];
  tenders: TenderFigures[];
  refunds: RefundFigures;
  voids: VoidFigures;
  /** sales.total − voids.total − refunds.total. */
  netSales: number;
  drawer: DrawerFigures;
}

export interface XReport extends SessionFigures {
  kind: 'X';
  generatedAt: string;
}

export interface ZReport extends SessionFigures {
  kind: 'Z';
  zNumber: number;
  /** T01-Z0001 */
  zLabel: string;
  /** The close document's id (its outbox event id). */
  closeId: string | null;
  closedAt: string;
  closedBy: { id: string; name: string };
  blind: boolean;
  counted: number;
  /** The count by denomination, when the drawer was counted that way. */
  denominations: { value: number; count: number }[] | null;
  expected: number;
  /** counted − expected: negative = short. */
  variance: number;
  varianceStatus: 'balanced' | 'over' | 'short';
}

export const reportMethods = {
  /** The open session's running figures. Any role. */
  'report.x': defineMethod<XReport>()(z.strictObject({})),
  /** A closed session's Z (default: the last closed session of this till). Employees: only the sessions they closed. */
  'report.z': defineMethod<ZReport>()(z.strictObject({ sessionId: idSchema.optional() })),
};
