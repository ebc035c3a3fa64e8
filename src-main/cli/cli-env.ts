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

/** TILL_DEMO_PRODUCTS: catalog size when a new ledger gets the demo store; 0 = no demo store (unprovisioned). */
export function demoProductsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  if (env.TILL_DEMO_PRODUCTS?.trim() === '0') return 0;
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

/** What `sync.register` needs, from the command line or the environment. */
export interface RegistrationSettings {
  serverUrl: string;
  phone: string;
  password: string;
  store?: string;
  tillName: string;
}

const REGISTER_FLAGS: Record<string, keyof RegistrationSettings> = {
  '--register': 'serverUrl',
  '--phone': 'phone',
  '--password': 'password',
  '--store': 'store',
  '--till-name': 'tillName',
};
const REGISTER_ENV: Record<keyof RegistrationSettings, string> = {
  serverUrl: 'ASIRIA_REGISTER_URL',
  phone: 'ASIRIA_REGISTER_PHONE',
  password: 'ASIRIA_REGISTER_PASSWORD',
  store: 'ASIRIA_REGISTER_STORE',
  tillName: 'ASIRIA_REGISTER_TILL_NAME',
};

/**
 * Registers an unregistered till with a cloud at start-up (no demo store is seeded then):
 * `--register <url> --phone <owner phone> --password <pw> [--store <code|id>] [--till-name <name>]`, or
 * ASIRIA_REGISTER_URL / _PHONE / _PASSWORD / _STORE / _TILL_NAME. null when neither gives a URL.
 */
export function registrationFrom(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): RegistrationSettings | null {
  const values: Partial<Record<keyof RegistrationSettings, string>> = {};
  for (const [key, name] of Object.entries(REGISTER_ENV) as [keyof RegistrationSettings, string][]) {
    const value = env[name]?.trim();
    if (value) values[key] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const eq = flag.indexOf('=');
    const name = eq >= 0 ? flag.slice(0, eq) : flag;
    const inline = eq >= 0 ? flag.slice(eq + 1) : undefined;
    const key = Object.hasOwn(REGISTER_FLAGS, name) ? REGISTER_FLAGS[name] : undefined;
    if (!key)
      throw new CliConfigError(
        `unknown option ${flag} (registration options: ${Object.keys(REGISTER_FLAGS).join(', ')}).`,
      );
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new CliConfigError(`${name} needs a value.`);
    values[key] = value;
  }
  if (!values.serverUrl) return null;
  if (!values.phone || !values.password)
    throw new CliConfigError('registering needs the owner phone and password (--phone, --password).');
  return {
    serverUrl: values.serverUrl,
    phone: values.phone,
    password: values.password,
    ...(values.store && { store: values.store }),
    tillName: values.tillName ?? 'Till 1',
  };
}
