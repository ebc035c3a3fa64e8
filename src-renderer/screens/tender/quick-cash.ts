// Quick-cash buttons for the tender screen: the exact balance, then the next round amounts a customer is
// likely to hand over (the next multiple of 50, 100, 500 and 1,000 shillings above the balance). Integer
// minor units only; no duplicates; ascending.

/** KES 50, 100, 500, 1,000 in cents. */
export const QUICK_CASH_STEPS: readonly number[] = [50_00, 100_00, 500_00, 1000_00];

/** The smallest multiple of `step` that is ≥ amount (amount, step: positive integers). */
export function roundUpTo(amount: number, step: number): number {
  const remainder = amount % step;
  return remainder === 0 ? amount : amount - remainder + step;
}

export function quickCashAmounts(balance: number, steps: readonly number[] = QUICK_CASH_STEPS): number[] {
  if (!Number.isSafeInteger(balance) || balance <= 0) return [];
  const amounts = new Set<number>([balance]);
  for (const step of steps) {
    if (Number.isSafeInteger(step) && step > 0) amounts.add(roundUpTo(balance, step));
  }
  return [...amounts].sort((a, b) => a - b);
}
