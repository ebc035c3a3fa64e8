// Settings the till's entry points read from the environment. A bad value is a CliConfigError: the entry point
// prints its message on one line and exits 1 (never a stack trace).
import { randomBytes } from 'node:crypto';

export class CliConfigError extends Error {
  override readonly name = 'CliConfigError';
}

export const DEFAULT_TILL_PORT = 4318;
export const DEFAULT_DEMO_PRODUCTS = 2000;

export function intFromEnv(
  name: string,
  fallback: number,
  min: number,
  max: number,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new CliConfigError(`${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  return value;
}

/** TILL_DEMO_PRODUCTS: catalog size when a new ledger gets the demo store. */
export function demoProductsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return intFromEnv('TILL_DEMO_PRODUCTS', DEFAULT_DEMO_PRODUCTS, 12, 1_000_000, env);
}

/** TILL_TOKEN, else a random per-launch token. */
export function tokenFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const token = env.TILL_TOKEN?.trim() || randomBytes(24).toString('base64url');
  if (token.length < 16) throw new CliConfigError('TILL_TOKEN must be at least 16 characters.');
  return token;
}

/** ASIRIA_KIOSK=1|true|yes turns kiosk mode on, 0|false|no off; unset = the settings file decides. */
export function flagFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): boolean | undefined {
  const text = env[name]?.trim().toLowerCase();
  if (!text) return undefined;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw new CliConfigError(`${name} must be 1 or 0 (got "${env[name] ?? ''}").`);
}
