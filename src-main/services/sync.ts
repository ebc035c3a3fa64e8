// The till API's sync methods (src-shared/contract/till-sync.ts): they only report and steer the sync worker
// (src-main/sync). sync.register and sync.now wait on the network, so they are the till's async handlers.
import { ROLE_RANK } from '../../src-shared/contract/common.js';
import { TillError } from '../../src-shared/contract/errors.js';
import { syncMethods, unregisteredSyncStatus } from '../../src-shared/contract/till-sync.js';
import type { SyncController } from '../sync/controller.js';
import { handlersFor } from './handler.js';
import type { TillRuntime } from './context.js';

function controller(runtime: TillRuntime): SyncController {
  if (!runtime.sync) throw new TillError('INTERNAL', 'Sync is not available in this till.');
  return runtime.sync;
}

export const syncHandlers = handlersFor(syncMethods)({
  'sync.status': {
    kind: 'query',
    access: 'public',
    run: (ctx) => ctx.runtime.sync?.status() ?? unregisteredSyncStatus(),
  },
  // Public: it only brings the next attempt forward (nothing is revealed that sync.status does not show), and the
  // first-run screen needs "try again" before anyone can log in (no users until the first pull).
  'sync.now': {
    kind: 'async',
    access: 'public',
    run: (ctx) => controller(ctx.runtime).now(),
  },
  // Public while the till is unregistered (first run); once registered, an owner or manager must be logged in.
  'sync.register': {
    kind: 'async',
    access: 'public',
    run: async (ctx, input) => {
      const sync = controller(ctx.runtime);
      if (sync.registered) {
        const operator = ctx.runtime.operator;
        if (!operator) throw new TillError('NOT_AUTHENTICATED', 'Log in as the owner or a manager first.');
        if (ROLE_RANK[operator.role] < ROLE_RANK.manager) {
          throw new TillError(
            'FORBIDDEN',
            `Registering this till again needs a manager (you are logged in as ${operator.role}).`,
          );
        }
      }
      return sync.register(input, ctx.now);
    },
  },
});
