// Which chaos runs to do: SYNC_CHAOS_SEED replays exactly one run; otherwise SYNC_CHAOS_RUNS runs (default 20
// when CI is set, 2 otherwise) with fresh random seeds, each printed so a failure can be replayed.
import { randomInt } from 'node:crypto';

export function chaosSeeds(env: NodeJS.ProcessEnv = process.env): number[] {
  const replay = env.SYNC_CHAOS_SEED?.trim();
  if (replay) {
    const seed = Number(replay);
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new Error(`SYNC_CHAOS_SEED must be a whole number (got "${replay}")`);
    return [seed];
  }
  const text = env.SYNC_CHAOS_RUNS?.trim();
  const runs = text ? Number(text) : env.CI ? 20 : 2;
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new Error(`SYNC_CHAOS_RUNS must be at least 1 (got "${text}")`);
  return Array.from({ length: runs }, () => randomInt(1, 2 ** 31 - 1));
}
