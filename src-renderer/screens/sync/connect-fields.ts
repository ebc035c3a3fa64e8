// The connect form's fields → sync.register's input, checked with the contract's own schema before any call,
// and a till's VALIDATION_FAILED field errors → the fields they belong to. Pure: the form shows, per field,
// one plain-words message of its own (sync.connect.invalid.<field>), never zod's English text.
import { syncRegisterSchema, type SyncRegisterInput } from '../../../src-shared/contract/till-sync.js';

export const CONNECT_FIELDS = ['serverUrl', 'phone', 'password', 'store', 'tillName'] as const;
export type ConnectField = (typeof CONNECT_FIELDS)[number];
export type ConnectFields = Record<ConnectField, string>;

export type ConnectCheck = { ok: true; input: SyncRegisterInput } | { ok: false; invalid: ConnectField[] };

function isConnectField(name: string): name is ConnectField {
  return (CONNECT_FIELDS as readonly string[]).includes(name);
}

/** The input sync.register takes: trimmed, no trailing slash on the address, an empty store left out. */
export function checkConnectFields(fields: ConnectFields): ConnectCheck {
  const store = fields.store.trim();
  const candidate = {
    serverUrl: fields.serverUrl.trim().replace(/\/+$/, ''),
    phone: fields.phone.trim(),
    password: fields.password,
    ...(store === '' ? {} : { store }),
    tillName: fields.tillName.trim(),
  };
  const parsed = syncRegisterSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const invalid = new Set<ConnectField>();
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && isConnectField(field)) invalid.add(field);
  }
  return { ok: false, invalid: CONNECT_FIELDS.filter((f) => invalid.has(f)) };
}

/** The fields a VALIDATION_FAILED from the till names (fieldErrors keys; others are ignored). */
export function invalidFieldsOf(fieldErrors: Record<string, string[]> | undefined): ConnectField[] {
  const named = Object.keys(fieldErrors ?? {}).map((key) => key.split('.')[0] ?? key);
  return CONNECT_FIELDS.filter((f) => named.includes(f));
}
