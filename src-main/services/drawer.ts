// drawer.* handlers and the drawer-kick hook. Commands that need the cash drawer open call `kickDrawer`;
// the kick is published on the runtime's event bus as 'drawer.kick' only after their transaction commits,
// so the hardware layer (subscribing with `onDrawerKick`) never opens the drawer for a rolled-back action.
import { and, eq } from 'drizzle-orm';
import { drawerMethods } from '../../src-shared/contract/drawer.js';
import type { TillEventMap } from '../../src-shared/contract/events.js';
import { cashSessions } from '../ledger/schema/cash.js';
import { requireManagerApproval } from './approvals.js';
import type { CommandContext, TillRuntime } from './context.js';
import { handlersFor } from './handler.js';
import { writeAudit } from './ledger-writes.js';

export type DrawerKick = TillEventMap['drawer.kick'];

/** Queues a drawer kick for after the current command commits. */
export function kickDrawer(
  ctx: Pick<CommandContext, 'emit' | 'now'>,
  cause: DrawerKick['cause'],
  documentId: string,
): void {
  ctx.emit('drawer.kick', { cause, documentId, at: ctx.now });
}

/** Subscribes the drawer driver to kicks; returns the unsubscribe function. */
export function onDrawerKick(
  runtime: Pick<TillRuntime, 'events'>,
  listener: (kick: DrawerKick) => void,
): () => void {
  return runtime.events.subscribe((event) => {
    if (event.type === 'drawer.kick') listener(event.payload as DrawerKick);
  });
}

export const drawerHandlers = handlersFor(drawerMethods)({
  'drawer.noSale': {
    kind: 'command',
    access: 'employee',
    run(ctx, input) {
      const approvedBy = requireManagerApproval(ctx, input.approval, 'Opening the drawer without a sale');
      const { terminalId } = ctx.identity();
      const session = ctx.db
        .select({ id: cashSessions.id })
        .from(cashSessions)
        .where(and(eq(cashSessions.terminalId, terminalId), eq(cashSessions.status, 'open')))
        .get();
      const entry = writeAudit(ctx, {
        action: 'drawer_open',
        model: 'cash_drawer',
        objectId: terminalId,
        reason: input.reason,
        approvedBy,
        after: { kind: 'no_sale', sessionId: session?.id ?? null },
      });
      kickDrawer(ctx, 'no_sale', entry.id);
      return { opened: true as const, at: ctx.now };
    },
  },
});
