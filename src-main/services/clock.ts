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

/**
 * ASIRIA_CLOCK_OFFSET_MS (signed whole milliseconds): a till whose clock is off by that much — the sync chaos
 * harness skews till clocks by hours with it. Unset or 0: the system clock.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const text = env.ASIRIA_CLOCK_OFFSET_MS?.trim();
  const offset = text && /^-?\d+$/.test(text) ? Number(text) : 0;
  return offset === 0 ? systemClock : { now: () => new Date(Date.now() + offset) };
}
