// The drawer count at close: what was typed per note/coin → counts and the counted total (through the domain's
// countDenominations over KES_DENOMINATIONS — the one list of notes and coins), and the variance against the
// expected cash in words (over / short / balanced). Pure: tested in tests/unit/renderer/denomination-count.test.ts.
import {
  countDenominations,
  KES_DENOMINATIONS,
  reconcileCash,
  type Denomination,
  type Reconciliation,
} from '../../../src-shared/domain/cash-session.js';

/** Denomination value (cents) → what the cashier typed in its count box. */
export type CountTexts = Readonly<Record<number, string>>;

export interface CountRow {
  denomination: Denomination;
  /** The whole count typed, 0 for an empty box, null when the box holds something that is not a count. */
  count: number | null;
  /** value × count (0 while the count is not valid). */
  subtotal: number;
}

export interface DrawerCount {
  rows: CountRow[];
  /** Σ subtotals of the valid rows. */
  total: number;
  /** Some box holds something that is not a whole count (the total is then not usable). */
  invalid: boolean;
  /** The non-zero counts, as session.close takes them (at least one note or coin). */
  denominations: { value: number; count: number }[];
}

const MAX_COUNT = 1_000_000;

/** "12" → 12, "" → 0, " 3 " → 3; "-1", "2.5", "abc" and absurd counts → null. */
export function parseCount(text: string): number | null {
  const cleaned = text.trim();
  if (cleaned === '') return 0;
  if (!/^\d{1,7}$/.test(cleaned)) return null;
  const count = Number(cleaned);
  return count <= MAX_COUNT ? count : null;
}

export function countDrawer(
  texts: CountTexts,
  denominations: readonly Denomination[] = KES_DENOMINATIONS,
): DrawerCount {
  const rows = denominations.map((denomination): CountRow => {
    const count = parseCount(texts[denomination.value] ?? '');
    return {
      denomination,
      count,
      subtotal:
        count === null ? 0 : countDenominations([{ value: denomination.value, count }], denominations),
    };
  });
  const valid = rows.filter((r): r is CountRow & { count: number } => r.count !== null);
  const counted = valid
    .filter((r) => r.count > 0)
    .map((r) => ({ value: r.denomination.value, count: r.count }));
  return {
    rows,
    total: countDenominations(counted, denominations),
    invalid: valid.length !== rows.length,
    denominations: counted,
  };
}

export type VarianceTone = 'balanced' | 'over' | 'short';

/** The variance as the screen says it: i18n key, the (unsigned) amount and the tone (colour). */
export interface VarianceWords {
  key: 'session.variance.balanced' | 'session.variance.over' | 'session.variance.short';
  amount: number;
  tone: VarianceTone;
}

export function varianceWords(variance: number): VarianceWords {
  if (variance === 0) return { key: 'session.variance.balanced', amount: 0, tone: 'balanced' };
  return variance > 0
    ? { key: 'session.variance.over', amount: variance, tone: 'over' }
    : { key: 'session.variance.short', amount: -variance, tone: 'short' };
}

/** The live reconciliation while counting (only shown when the close is not blind). */
export function liveReconciliation(expected: number, counted: number): Reconciliation {
  return reconcileCash(expected, counted);
}
