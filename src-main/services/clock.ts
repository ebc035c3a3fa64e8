// The till's notion of "now" — injectable so tests can move time (lock-outs, business dates).
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Business date (YYYY-MM-DD) of a moment in the store's time zone (default Africa/Nairobi). */
export function businessDateOf(moment: Date, timeZone = 'Africa/Nairobi'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(moment);
}
