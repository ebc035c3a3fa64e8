// Shared start-up for the server's command-line entry points.
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { loadConfig, type ServerConfig } from '../config.js';
import { createDatabaseIfMissing, openDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';

export function cliLogger(name: string): Logger {
  return pino({ name, level: process.env.LOG_LEVEL ?? 'info' });
}

/** Config, then the database created if missing and migrated. */
export async function prepareDatabase(logger: Logger): Promise<{ config: ServerConfig; database: Database }> {
  const config = loadConfig(process.env, logger);
  const name = await createDatabaseIfMissing(config.mysqlUrl);
  const database = openDatabase(config.mysqlUrl);
  await migrateDatabase(database.db);
  logger.info({ database: name }, 'database ready (migrations applied)');
  return { config, database };
}

export function connectRedis(url: string | undefined, logger: Logger): Redis | undefined {
  if (!url) return undefined;
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', (error: Error) => {
    logger.error({ err: error }, 'redis error');
  });
  return redis;
}

/** Runs `main`, printing a failure as one clear line and exiting 1. */
export function runCli(logger: Logger, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
