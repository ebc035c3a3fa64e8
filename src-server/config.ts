// The cloud's configuration: environment variables validated by zod, with the documented defaults.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { userDataDir } from '../src-shared/platform/user-data-dir.js';

const DURATION = /^(\d+)\s*(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "5m" → 300 000 ms; "1d", "30s", "250ms", "2h"; a bare number is seconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const match = DURATION.exec(trimmed);
  if (!match) throw new Error(`"${text}" is not a duration like 30s, 5m, 2h or 1d`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return parseDuration(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const intIn = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: intIn(8000, 0, 65535),
  MYSQL_URL: z.string().default('mysql://root@127.0.0.1:3306/asiriapos'),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.string().optional()),
  JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'use at least 32 characters').optional()),
  ACCESS_TOKEN_LIFETIME: duration('5m'),
  REFRESH_TOKEN_LIFETIME: duration('1d'),
  ROTATE_REFRESH_TOKENS: bool(false),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    ),
  /** Requests per window per client IP (anonymous) or per user (authenticated). */
  RATE_LIMIT_MAX: intIn(600, 1, 1_000_000),
  RATE_LIMIT_WINDOW: duration('1m'),
  /** Login attempts (POST /api/token/) per window per IP. */
  RATE_LIMIT_LOGIN_MAX: intIn(20, 1, 1_000_000),
  LOGIN_MAX_FAILURES: intIn(5, 1, 100),
  LOGIN_LOCKOUT: duration('5m'),
  TRUST_PROXY: bool(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ASIRIA_SERVER_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
});

export type Env = z.infer<typeof envSchema>;

export interface ServerConfig {
  nodeEnv: Env['NODE_ENV'];
  host: string;
  port: number;
  mysqlUrl: string;
  redisUrl: string | undefined;
  jwtSecret: string;
  accessTokenLifetimeMs: number;
  refreshTokenLifetimeMs: number;
  rotateRefreshTokens: boolean;
  corsOrigins: string[];
  rateLimit: { max: number; windowMs: number; loginMax: number };
  lockout: { maxFailures: number; durationMs: number };
  trustProxy: boolean;
  logLevel: Env['LOG_LEVEL'];
}

/** ASIRIA_SERVER_DATA_DIR, else the OS's per-user data folder + AsiriaPOS-server. */
export function serverDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.ASIRIA_SERVER_DATA_DIR?.trim();
  if (explicit) return explicit;
  return userDataDir({ platform: platform(), home: homedir(), env }, 'AsiriaPOS-server');
}

/** The development JWT secret kept in the data folder (mode 0600), created on first use. */
function developmentSecret(file: string, logger: Logger | undefined): string {
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) {
      logger?.warn({ file }, 'JWT_SECRET is not set: using the development secret stored in the data folder');
      return existing;
    }
  } catch {
    // not there yet: create it below
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  logger?.warn({ file }, 'JWT_SECRET is not set: generated a development secret and stored it');
  return secret;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, logger?: Logger): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  let jwtSecret = e.JWT_SECRET;
  if (!jwtSecret) {
    if (e.NODE_ENV === 'production') throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
    jwtSecret = developmentSecret(join(serverDataDir(env), 'jwt-secret'), logger);
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    mysqlUrl: e.MYSQL_URL,
    redisUrl: e.REDIS_URL,
    jwtSecret,
    accessTokenLifetimeMs: e.ACCESS_TOKEN_LIFETIME,
    refreshTokenLifetimeMs: e.REFRESH_TOKEN_LIFETIME,
    rotateRefreshTokens: e.ROTATE_REFRESH_TOKENS,
    corsOrigins: e.CORS_ORIGINS,
    rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW, loginMax: e.RATE_LIMIT_LOGIN_MAX },
    lockout: { maxFailures: e.LOGIN_MAX_FAILURES, durationMs: e.LOGIN_LOCKOUT },
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}
