// Handler tables: one per domain, typed against that domain's method table in src-shared/contract.
// Access checks and transactions are applied by the dispatcher, never repeated inside handlers.
import type { MethodParsedInput, MethodResult, MethodTable } from '../../src-shared/contract/method.js';
import type { Role } from '../../src-shared/contract/common.js';
import type { CommandContext, ManualContext, QueryContext } from './context.js';

/** 'public' = callable with nobody logged in; a role = the minimum role of the logged-in operator. */
export type Access = 'public' | Role;

export type HandlerDef<M> =
  | { kind: 'query'; access: Access; run(ctx: QueryContext, input: MethodParsedInput<M>): MethodResult<M> }
  | {
      kind: 'command';
      access: Access;
      run(ctx: CommandContext, input: MethodParsedInput<M>): MethodResult<M>;
    }
  | { kind: 'manual'; access: Access; run(ctx: ManualContext, input: MethodParsedInput<M>): MethodResult<M> }
  /**
   * For the few methods that must wait on the network (sync.register, sync.now): the result is a Promise and
   * the call goes through till.callAsync / invokeAsync (hosts always await). Never used on a sale path.
   */
  | {
      kind: 'async';
      access: Access;
      run(ctx: ManualContext, input: MethodParsedInput<M>): Promise<MethodResult<M>>;
    };

export type HandlerTable<T extends MethodTable> = { [K in keyof T]: HandlerDef<T[K]> };

/** `handlersFor(saleMethods)({ 'sale.start': { kind: 'command', access: 'employee', run: ... } })` */
export function handlersFor<T extends MethodTable>(_methods: T) {
  return (handlers: HandlerTable<T>): HandlerTable<T> => handlers;
}
