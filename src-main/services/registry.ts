// Joins every domain's handler table into the till API implementation; a method without a handler,
// or a handler without a method, fails at start-up (see dispatcher.ts).
import type { AnyMethodSpec } from '../../src-shared/contract/method.js';
import { auditHandlers } from './audit.js';
import { authHandlers } from './auth.js';
import { catalogHandlers } from './catalog.js';
import { deviceHandlers } from './device.js';
import { drawerHandlers } from './drawer.js';
import type { HandlerDef } from './handler.js';
import { refundHandlers } from './refund.js';
import { reportHandlers } from './report.js';
import { saleHandlers } from './sale.js';
import { sessionHandlers } from './session.js';
import { stockHandlers } from './stock.js';
import { syncHandlers } from './sync.js';

const tables = [
  authHandlers,
  catalogHandlers,
  sessionHandlers,
  reportHandlers,
  saleHandlers,
  refundHandlers,
  stockHandlers,
  auditHandlers,
  drawerHandlers,
  deviceHandlers,
  syncHandlers,
] as const;

export function allHandlers(): Record<string, HandlerDef<AnyMethodSpec>> {
  const joined: Record<string, HandlerDef<AnyMethodSpec>> = {};
  for (const table of tables) {
    for (const [name, handler] of Object.entries(table)) {
      if (name in joined) throw new Error(`till API handler registered twice: ${name}`);
      joined[name] = handler as HandlerDef<AnyMethodSpec>;
    }
  }
  return joined;
}
