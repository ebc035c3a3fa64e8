// Test harness for the cloud API: a fresh MariaDB/MySQL database per test file (asiria_test_<random>),
// migrated, with the app built on it (app.inject, no port), seeded with one store and its owner, manager
// and employee, plus an outsider owner with a store of their own. close() drops the database.
//
//   let t: TestServer;
//   beforeAll(async () => { t = await startTestServer(); });
//   afterAll(async () => { await t.close(); });
//   const res = await t.call('GET', '/api/users/', { as: 'manager' });
import { randomBytes } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { buildApp, type BuiltApp } from '../../../src-server/app.js';
import { hashSecret } from '../../../src-server/auth/passwords.js';
import { loadConfig, type ServerConfig } from '../../../src-server/config.js';
import {
  createDatabaseIfMissing,
  dropDatabase,
  openDatabase,
  type Database,
} from '../../../src-server/db/client.js';
import { migrateDatabase } from '../../../src-server/db/migrate.js';
import { receiptCounters, stores } from '../../../src-server/db/schema/stores.js';
import { storeMembers, users } from '../../../src-server/db/schema/users.js';
import { newId } from '../../../src-shared/domain/ids.js';

export type SeedRole = 'owner' | 'manager' | 'employee' | 'outsider';
export const SEED_PASSWORD = 'password123';

export interface SeededUser {
  id: string;
  phone: string;
  name: string;
  role: 'owner' | 'manager' | 'employee';
}

export interface ApiResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  /** Parsed JSON body (undefined when empty or not JSON). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies field by field and expect() checks each
  body: any;
  text: string;
}

export interface CallOptions {
  /** Sign in as a seeded user, or pass a raw access token; omit/null for an anonymous call. */
  as?: SeedRole | { token: string } | null;
  body?: unknown;
  /** Sent as-is with content-type application/json (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestServer extends BuiltApp {
  database: Database;
  config: ServerConfig;
  mysqlUrl: string;
  users: Record<SeedRole, SeededUser>;
  /** The store owner, manager and employee belong to; and the outsider's own store. */
  store: { id: string; code: string };
  otherStore: { id: string; code: string };
  /** A fresh access token for a seeded user. */
  token(role: SeedRole): Promise<string>;
  call(method: string, url: string, options?: CallOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** MYSQL_URL (default mysql://root@127.0.0.1:3306) with the database replaced by `name`. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = `/${name}`;
  return url.toString();
}

async function seed(database: Database): Promise<Pick<TestServer, 'users' | 'store' | 'otherStore'>> {
  const hash = await hashSecret(SEED_PASSWORD);
  const make = (role: SeededUser['role'], phone: string, name: string): SeededUser => ({
    id: newId(),
    phone,
    name,
    role,
  });
  const seeded: Record<SeedRole, SeededUser> = {
    owner: make('owner', '0700000001', 'Olive Owner'),
    manager: make('manager', '0700000002', 'Mary Manager'),
    employee: make('employee', '0700000003', 'Eddie Employee'),
    outsider: make('owner', '0700000009', 'Otto Outsider'),
  };
  const store = { id: newId(), code: 'TST' };
  const otherStore = { id: newId(), code: 'OTH' };
  await database.db.insert(users).values(
    Object.values(seeded).map((u) => ({
      id: u.id,
      phoneNumber: u.phone,
      name: u.name,
      role: u.role,
      passwordHash: hash,
    })),
  );
  await database.db.insert(stores).values([
    { id: store.id, name: 'Test Store', code: store.code, createdBy: seeded.owner.id },
    { id: otherStore.id, name: 'Other Store', code: otherStore.code, createdBy: seeded.outsider.id },
  ]);
  await database.db.insert(receiptCounters).values([{ storeId: store.id }, { storeId: otherStore.id }]);
  await database.db.insert(storeMembers).values([
    { storeId: store.id, userId: seeded.owner.id },
    { storeId: store.id, userId: seeded.manager.id },
    { storeId: store.id, userId: seeded.employee.id },
    { storeId: otherStore.id, userId: seeded.outsider.id },
  ]);
  return { users: seeded, store, otherStore };
}

/** `call` for an app: inject a request, signed in as `as` (a seeded role through `token`, or a raw token). */
export function callerFor(
  app: BuiltApp['app'],
  token: (role: SeedRole) => Promise<string>,
): TestServer['call'] {
  return async (method, url, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.as) headers.authorization = `Bearer ${typeof o.as === 'string' ? await token(o.as) : o.as.token}`;
    let payload: string | undefined;
    if (o.rawBody !== undefined) payload = o.rawBody;
    else if (o.body !== undefined) payload = JSON.stringify(o.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload !== undefined && { payload }),
    });
    let body: unknown;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.statusCode, headers: res.headers, body, text: res.body };
  };
}

export interface TestServerOptions {
  env?: Record<string, string>;
  /** Redis for rate limits and the token blacklist (as REDIS_URL gives the server); in-process without. */
  redis?: Redis;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const name = `asiria_test_${randomBytes(6).toString('hex')}`;
  const mysqlUrl = testDatabaseUrl(name);
  await createDatabaseIfMissing(mysqlUrl);
  const database = openDatabase(mysqlUrl);
  try {
    await migrateDatabase(database.db);
    const config = loadConfig({
      NODE_ENV: 'test',
      MYSQL_URL: mysqlUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_LOGIN_MAX: '100000',
      LOG_LEVEL: 'silent',
      ...options.env,
    });
    const built = await buildApp({
      config,
      db: database.db,
      redis: options.redis,
      logger: pino({ level: 'silent' }),
    });
    await built.app.ready();
    const seeded = await seed(database);

    const token = async (role: SeedRole) =>
      (await built.ctx.tokens.issue(seeded.users[role].id, 'access')).token;
    const call = callerFor(built.app, token);

    return {
      ...built,
      ...seeded,
      database,
      config,
      mysqlUrl,
      token,
      call,
      close: async () => {
        await built.app.close();
        await database.close();
        await dropDatabase(mysqlUrl);
      },
    };
  } catch (error) {
    await database.close();
    await dropDatabase(mysqlUrl);
    throw error;
  }
}
