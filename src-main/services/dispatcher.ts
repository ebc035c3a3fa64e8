// Turns a method name + untrusted input into a validated, authorised handler call with the right transaction.
import { z } from 'zod';
import { DomainError } from '../../src-shared/domain/errors.js';
import { TillError, type TillResult } from '../../src-shared/contract/errors.js';
import type { AnyMethodSpec, MethodTable } from '../../src-shared/contract/method.js';
import { ROLE_RANK } from '../../src-shared/contract/common.js';
import type { TillEventMap, TillEventName } from '../../src-shared/contract/events.js';
import type {
  CommandContext,
  ManualContext,
  Operator,
  QueryContext,
  TillIdentityInfo,
  TillRuntime,
} from './context.js';
import type { Access, HandlerDef } from './handler.js';
import { loadIdentity } from './identity.js';

type AnyHandler = HandlerDef<AnyMethodSpec>;
type PendingEvent = { type: TillEventName; payload: TillEventMap[TillEventName] };

export interface Dispatcher {
  readonly methods: readonly string[];
  /** Throws TillError. */
  call(method: string, input: unknown): unknown;
  /** Never throws: the envelope hosts send over IPC/HTTP. An async method answers ASYNC_METHOD here. */
  invoke(method: string, input: unknown): TillResult<unknown>;
  /** Any method, async ones included (hosts use this). Rejects with TillError. */
  callAsync(method: string, input: unknown): Promise<unknown>;
  /** Any method; never rejects. */
  invokeAsync(method: string, input: unknown): Promise<TillResult<unknown>>;
  /** The methods whose handler is async (they need callAsync / invokeAsync). */
  readonly asyncMethods: ReadonlySet<string>;
}

export function createDispatcher(
  runtime: TillRuntime,
  methods: MethodTable,
  handlers: Record<string, AnyHandler>,
  onInternalError: (method: string, error: unknown) => void = () => undefined,
): Dispatcher {
  for (const name of Object.keys(methods)) {
    if (!(name in handlers)) throw new Error(`till API method has no handler: ${name}`);
  }
  for (const name of Object.keys(handlers)) {
    if (!(name in methods)) throw new Error(`handler for an undeclared method: ${name}`);
  }

  function call(method: string, rawInput: unknown, allowAsync = false): unknown {
    const spec = Object.hasOwn(methods, method) ? methods[method] : undefined;
    const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
    if (!spec || !handler) throw new TillError('UNKNOWN_METHOD', `Unknown till API method: ${method}`);
    if (handler.kind === 'async' && !allowAsync) {
      throw new TillError('INTERNAL', `${method} waits on the network: call it with callAsync/invokeAsync.`);
    }
    const input = parseInput(spec, rawInput);
    const operator = authorise(runtime.operator, handler.access, method);
    const nowDate = runtime.clock.now();
    let identityCache: TillIdentityInfo | undefined;
    const base = {
      runtime,
      now: nowDate.toISOString(),
      nowDate,
      operator,
      identity: () => (identityCache ??= loadIdentity(runtime.ledger.read)),
    };
    try {
      switch (handler.kind) {
        case 'query': {
          const ctx: QueryContext = { ...base, db: runtime.ledger.read };
          return handler.run(ctx, input);
        }
        case 'command': {
          const { result, events } = inTransaction(base, (ctx) => handler.run(ctx, input));
          publish(events);
          return result;
        }
        case 'manual':
        case 'async': {
          const ctx: ManualContext = {
            ...base,
            db: runtime.ledger.read,
            transaction: (fn) => {
              const { result, events } = inTransaction(base, fn);
              publish(events);
              return result;
            },
          };
          if (handler.kind === 'manual') return handler.run(ctx, input);
          return handler.run(ctx, input).catch((error: unknown) => {
            throw toTillError(error);
          });
        }
      }
    } catch (error) {
      throw toTillError(error);
    }
  }

  async function callAsync(method: string, input: unknown): Promise<unknown> {
    return await call(method, input, true);
  }

  async function invokeAsync(method: string, input: unknown): Promise<TillResult<unknown>> {
    try {
      return { ok: true, value: await callAsync(method, input) };
    } catch (error) {
      const tillError = toTillError(error);
      if (tillError.code === 'INTERNAL') onInternalError(method, error);
      return { ok: false, error: tillError.toJSON() };
    }
  }

  function inTransaction<T>(
    base: Omit<CommandContext, 'db' | 'emit'>,
    fn: (ctx: CommandContext) => T,
  ): { result: T; events: PendingEvent[] } {
    const events: PendingEvent[] = [];
    const result = runtime.ledger.transaction((db) =>
      fn({
        ...base,
        db,
        emit: (type, payload) => {
          events.push({ type, payload });
        },
      }),
    );
    return { result, events };
  }

  function publish(events: PendingEvent[]): void {
    for (const e of events) runtime.events.publish(e.type, e.payload);
  }

  function invoke(method: string, input: unknown): TillResult<unknown> {
    try {
      return { ok: true, value: call(method, input) };
    } catch (error) {
      const tillError = toTillError(error);
      if (tillError.code === 'INTERNAL') onInternalError(method, error);
      return { ok: false, error: tillError.toJSON() };
    }
  }

  const asyncMethods = new Set(Object.keys(handlers).filter((name) => handlers[name]?.kind === 'async'));
  return {
    methods: Object.keys(methods),
    call: (method, input) => call(method, input),
    invoke,
    callAsync,
    invokeAsync,
    asyncMethods,
  };
}

function parseInput(spec: AnyMethodSpec, rawInput: unknown): unknown {
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Unknown fields are rejected, never silently ignored: name each one.
      for (const key of issue.keys)
        (fieldErrors[[...issue.path, key].join('.')] ??= []).push('Unknown field.');
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : 'non_field_errors';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([k, v]) => `${k}: ${v.join(', ')}`)
    .join('; ');
  throw new TillError('VALIDATION_FAILED', `Invalid input — ${summary}`, { fieldErrors });
}

function authorise(operator: Operator | null, access: Access, method: string): Operator {
  if (access === 'public') return operator ?? ANONYMOUS;
  if (!operator) throw new TillError('NOT_AUTHENTICATED', 'Log in first.');
  if (ROLE_RANK[operator.role] < ROLE_RANK[access]) {
    throw new TillError('FORBIDDEN', `${method} needs a ${access} (you are logged in as ${operator.role}).`);
  }
  return operator;
}

const ANONYMOUS: Operator = Object.freeze({ id: '', name: '', role: 'employee' as const });

export function toTillError(error: unknown): TillError {
  if (error instanceof TillError) return error;
  if (error instanceof DomainError) {
    return new TillError(error.code, error.message, error.details ? { details: error.details } : {});
  }
  if (error instanceof z.ZodError) {
    return new TillError('VALIDATION_FAILED', error.message);
  }
  return new TillError('INTERNAL', 'Something went wrong inside the till; nothing was saved.', {
    details: { cause: error instanceof Error ? error.message : String(error) },
  });
}
