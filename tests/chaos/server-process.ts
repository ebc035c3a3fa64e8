// The real cloud server as a child process for the chaos harness: `src-server/cli/server.ts` (bundled once by
// bundle.ts) on a fixed port and a fresh MariaDB/MySQL database (asiria_chaos_<random>, migrated), so it can
// be SIGKILLed mid-batch and started again on the same port and data. Each run adds its own store
// (seedStore).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hashSecret } from '../../src-server/auth/passwords.js';
import {
  createDatabaseIfMissing,
  dropDatabase,
  openDatabase,
  type Database,
} from '../../src-server/db/client.js';
import { migrateDatabase } from '../../src-server/db/migrate.js';
import { receiptCounters, stores } from '../../src-server/db/schema/stores.js';
import { storeMembers, users } from '../../src-server/db/schema/users.js';
import { newId } from '../../src-shared/domain/ids.js';
import { REPO_ROOT } from '../e2e/support/till-process.js';
import { chaosBundles } from './bundle.js';
import { testDatabaseUrl } from '../server/support/test-server.js';
import { freePort } from '../support/free-port.js';

export interface Credentials {
  phone: string;
  password: string;
}

/** One run's store in the cloud: a fresh store with its own owner (runs can share one cloud). */
export interface CloudSeed {
  storeId: string;
  storeCode: string;
  owner: Credentials;
}

/** A new store and its owner (phone numbers and store codes are unique per run). */
export async function seedStore(database: Database): Promise<CloudSeed> {
  const tag = randomBytes(4).readUInt32BE(0) % 100_000_000;
  const owner = { phone: `07${String(tag).padStart(8, '0')}`, password: 'chaos-owner-pass' };
  const ownerId = newId();
  const storeId = newId();
  const storeCode = `C${tag.toString(36).toUpperCase()}`;
  await database.db.insert(users).values({
    id: ownerId,
    phoneNumber: owner.phone,
    name: `Chaos Owner ${tag}`,
    role: 'owner',
    // Cheap scrypt parameters (the stored hash names them; the cloud and the tills verify with them): every
    // run logs the owner in a dozen times (catalog, registrations, a cashier at each till start) and this is
    // a sync test, not a password one — at the default N=16384 those logins cost a second of CPU per run.
    passwordHash: await hashSecret(owner.password, { N: 1024, r: 8, p: 1 }),
  });
  await database.db
    .insert(stores)
    .values({ id: storeId, name: `Chaos Store ${tag}`, code: storeCode, createdBy: ownerId });
  await database.db.insert(receiptCounters).values({ storeId });
  await database.db.insert(storeMembers).values({ storeId, userId: ownerId });
  return { storeId, storeCode, owner };
}

export interface CloudServer {
  url: string;
  port: number;
  mysqlUrl: string;
  /** A connection for the end-of-run checks (and the seed). */
  database: Database;
  running(): boolean;
  /** SIGKILL now (mid-batch), no goodbye. */
  kill(): Promise<void>;
  /** Starts the process again on the same port and database; resolves once it answers. */
  start(): Promise<void>;
  /** Stops the process and drops the database (unless keepDatabase). */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
  /** The server's stderr so far (for a failing run's report). */
  log(): string;
}

export interface StartCloudOptions {
  env?: Record<string, string>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, logText: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the cloud server exited before it answered:\n${logText().slice(-4000)}`);
    }
    try {
      const res = await fetch(`${url}/api/sync/quarantine/`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 401 || res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the cloud server did not answer within 60 s:\n${logText()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startCloud(options: StartCloudOptions = {}): Promise<CloudServer> {
  const mysqlUrl = testDatabaseUrl(`asiria_chaos_${randomBytes(6).toString('hex')}`);
  await createDatabaseIfMissing(mysqlUrl);
  const database = openDatabase(mysqlUrl);
  await migrateDatabase(database.db);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const jwtSecret = randomBytes(32).toString('hex');
  let child: ChildProcess | null = null;
  let logText = '';

  const start = async () => {
    const proc = spawn(process.execPath, (await chaosBundles()).server, {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        MYSQL_URL: mysqlUrl,
        JWT_SECRET: jwtSecret,
        RATE_LIMIT_MAX: '1000000',
        RATE_LIMIT_LOGIN_MAX: '1000000',
        LOG_LEVEL: process.env.CHAOS_SERVER_LOG_LEVEL ?? 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      logText = (logText + chunk).slice(-200_000);
    });
    child = proc;
    await waitUntilAnswering(url, proc, () => logText);
  };

  const kill = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };

  try {
    await start();
  } catch (error) {
    await kill();
    await database.close();
    await dropDatabase(mysqlUrl);
    throw error;
  }

  return {
    url,
    port,
    mysqlUrl,
    database,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    kill,
    start,
    log: () => logText,
    async close(o = {}) {
      await kill();
      await database.close();
      if (!o.keepDatabase) await dropDatabase(mysqlUrl);
    },
  };
}
