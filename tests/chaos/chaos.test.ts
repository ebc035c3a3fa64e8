// The sync chaos harness inside `npm test` (run.ts): randomized runs (20 on CI, SYNC_CHAOS_RUNS/SYNC_CHAOS_SEED
// as for `npm run test:chaos`) must keep every invariant; and the harness must catch planted bugs — a disabled
// duplicate check, an acknowledgement ahead of what committed, a pull cursor that skips a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations } from './invariants.js';
import { runChaos } from './run.js';
import { chaosSeeds } from './seeds.js';
import { startCloud, type CloudServer } from './server-process.js';

const RUN_TIMEOUT_MS = 400_000;

describe('sync under chaos: no sale lost or counted twice', () => {
  // One cloud server and database for this file's runs; each run adds its own store.
  let cloud: CloudServer;
  beforeAll(async () => {
    cloud = await startCloud();
  }, RUN_TIMEOUT_MS);
  afterAll(async () => {
    await cloud.close();
  });
  for (const seed of chaosSeeds()) {
    it(
      `seed ${seed}: every invariant holds (replay: SYNC_CHAOS_SEED=${seed} npm run test:chaos)`,
      async () => {
        const result = await runChaos({ seed, cloud });
        expect(result.workload.reduce((n, w) => n + w.sales, 0)).toBeGreaterThan(0);
        expect(result.violations, formatViolations(seed, result.violations)).toEqual([]);
      },
      RUN_TIMEOUT_MS,
    );
  }
});

describe('the harness catches planted bugs', () => {
  // A longer workload with more resends (duplicated requests, lost answers) than the randomized runs, so a
  // planted bug meets its trigger in every run, whatever the timing: a resend of a push that carried events
  // (skip-duplicate-check, ack-too-far); a cursor-out-of-order loses the cloud change the run makes once
  // every till is quiet at its head.
  const weights = { pass: 4, 'drop-response': 3, duplicate: 3, delay: 1 };
  for (const bug of ['skip-duplicate-check', 'ack-too-far', 'cursor-out-of-order']) {
    it(
      `ASIRIA_PLANTED_BUG=${bug} breaks an invariant`,
      async () => {
        const result = await runChaos({ seed: 4242, plantedBug: bug, quiesceMs: 15_000, steps: 36, weights });
        expect(result.violations.length, `${bug} went unnoticed`).toBeGreaterThan(0);
      },
      RUN_TIMEOUT_MS,
    );
  }
});
