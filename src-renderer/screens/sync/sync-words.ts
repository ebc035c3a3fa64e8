// SyncStatus → what the indicator says (pure, so every state is tested on its own): a tone for the dot, the
// headline key, the queue line ("3 records waiting to send"), the last success, and for the states an
// operator must act on (revoked, update required, unregistered) what to do. The i18n keys live under sync.*.
import type { SyncState, SyncStatus } from '../../../src-shared/contract/till-sync.js';

export type SyncTone = 'ok' | 'busy' | 'warn' | 'bad' | 'off';

export interface SyncView {
  tone: SyncTone;
  /** sync.state.<state>: the headline ("Online", "Offline — retrying"…). */
  labelKey: string;
  /** sync.queue (count) or null when nothing is waiting / not registered. */
  queue: { key: string; count: number } | null;
  /** The last success as an ISO time, or null (never / not registered). */
  lastSuccessAt: string | null;
  /** sync.action.<state>: what the operator should do, for the states that need someone. */
  actionKey: string | null;
  /** The owner (or a manager) may connect this till now. */
  canConnect: boolean;
  /** The catalog is still coming down: applied / known head. */
  pull: { cursor: number; head: number } | null;
}

const TONES: Readonly<Record<SyncState, SyncTone>> = {
  unregistered: 'off',
  idle: 'ok',
  syncing: 'busy',
  offline: 'warn',
  revoked: 'bad',
  update_required: 'bad',
  error: 'warn',
};

const NEEDS_ACTION: ReadonlySet<SyncState> = new Set(['unregistered', 'revoked', 'update_required']);

export function syncView(status: SyncStatus): SyncView {
  const registered = status.state !== 'unregistered';
  return {
    tone: TONES[status.state],
    labelKey: `sync.state.${status.state}`,
    queue: registered && status.queueDepth > 0 ? { key: 'sync.queue', count: status.queueDepth } : null,
    lastSuccessAt: registered ? status.lastSuccessAt : null,
    actionKey: NEEDS_ACTION.has(status.state) ? `sync.action.${status.state}` : null,
    canConnect: status.state === 'unregistered' || status.state === 'revoked',
    pull:
      registered && status.pullHead > status.pullCursor
        ? { cursor: status.pullCursor, head: status.pullHead }
        : null,
  };
}

/** Whole percent of the catalog applied (0–100); 100 when nothing is known to be missing. */
export function pullPercent(cursor: number, head: number): number {
  if (head <= 0 || cursor >= head) return 100;
  return Math.max(0, Math.min(99, Math.floor((cursor * 100) / head)));
}
