// npm run test:chaos — the sync chaos harness on its own (see run.ts). SYNC_CHAOS_RUNS runs (default 20 on CI,
// 2 otherwise), SYNC_CHAOS_SEED=<n> replays one run, CHAOS_STEPS sets the workload steps per till,
// ASIRIA_PLANTED_BUG plants a bug (the runs are then expected to fail), CHAOS_KEEP=1 keeps the data folders
// and the database of each run, CHAOS_TSX=1 starts the tills and the server from source under tsx instead of
// the bundles of bundle.ts. Exits 1 if any run broke an invariant.
import { formatViolations } from './invariants.js';
import { runChaos } from './run.js';
import { chaosSeeds } from './seeds.js';
import { startCloud } from './server-process.js';

const seeds = chaosSeeds();
const planted = process.env.ASIRIA_PLANTED_BUG?.trim();
const started = Date.now();
let failed = 0;
// One cloud server and database for all the runs (each run adds its own store); a planted bug gets its own.
const cloud = planted ? undefined : await startCloud();
for (const [i, seed] of seeds.entries()) {
  process.stdout.write(`chaos run ${i + 1}/${seeds.length} seed ${seed}\n`);
  try {
    const result = await runChaos({
      seed,
      ...(planted ? { plantedBug: planted, quiesceMs: 20_000 } : {}),
      ...(cloud ? { cloud } : {}),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const sold = result.workload.reduce((n, w) => n + w.sales, 0);
    const faults = Object.entries(result.faults)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ');
    process.stdout.write(
      `  ${(result.durationMs / 1000).toFixed(1)} s, ${result.workload.length} tills, ${sold} sales, ` +
        `${result.tillKills} till kills, ${result.serverKills} server kills; proxy: ${faults}\n`,
    );
    if (result.violations.length) {
      failed++;
      process.stdout.write(`${formatViolations(seed, result.violations)}\n`);
    } else {
      process.stdout.write('  ✓ every invariant holds\n');
    }
  } catch (error) {
    failed++;
    process.stdout.write(
      `  ✗ the run itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
        `  replay: SYNC_CHAOS_SEED=${seed} npm run test:chaos\n`,
    );
  }
}
await cloud?.close({ keepDatabase: process.env.CHAOS_KEEP === '1' });
process.stdout.write(
  `${seeds.length - failed}/${seeds.length} chaos runs passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
process.exitCode = failed ? 1 : 0;
