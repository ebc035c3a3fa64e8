// Events the till core pushes to its screen (hosts forward them: IPC, SSE).
import type { SyncStatus } from './till-sync.js';

export interface TillEventMap {
  /** The open sale changed (or was completed/held: `sale` is then the final state). */
  'sale.updated': { saleId: string; status: 'open' | 'held' | 'completed' | 'voided' | 'cancelled' };
  'session.changed': { sessionId: string; status: 'open' | 'closed' };
  'auth.changed': { userId: string | null };
  'stock.alert': {
    productId: string;
    sku: string;
    name: string;
    onHandMilli: number;
    reorderLevelMilli: number;
    kind: 'low' | 'out' | 'oversold';
  };
  'sync.changed': SyncStatus;
  'device.status': { deviceId: string; status: string };
  /** Open the cash drawer now (published after the command that needs it commits); the drawer driver subscribes. */
  'drawer.kick': { cause: 'no_sale' | 'cash_movement' | 'refund' | 'sale'; documentId: string; at: string };
  'scanner.scan': { data: string; symbology: string | null };
}
export type TillEventName = keyof TillEventMap;
export interface TillEvent<K extends TillEventName = TillEventName> {
  type: K;
  payload: TillEventMap[K];
}
