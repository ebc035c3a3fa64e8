// How a till API method is declared: a zod input schema plus a phantom result type.
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  /** Phantom: carries the result type; never set at run time. */
  readonly __result?: R;
}

/** `defineMethod<Result>()(inputSchema)` — the result type is explicit, the input is inferred from zod. */
export function defineMethod<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
}

export type AnyMethodSpec = MethodSpec<z.ZodType, unknown>;
export type MethodTable = Record<string, AnyMethodSpec>;

export type MethodInput<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type MethodParsedInput<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type MethodResult<M> = M extends MethodSpec<z.ZodType, infer R> ? R : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Joins per-domain method tables; a method name declared twice is a start-up error. */
export function joinMethodTables<T extends readonly MethodTable[]>(
  ...tables: T
): UnionToIntersection<T[number]> {
  const joined: MethodTable = {};
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (name in joined) throw new Error(`till API method declared twice: ${name}`);
      joined[name] = spec;
    }
  }
  return joined as UnionToIntersection<T[number]>;
}
