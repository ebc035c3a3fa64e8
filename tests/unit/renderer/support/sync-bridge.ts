// A till bridge for the sync screens' component tests: it answers only sync.* (what each test scripts) and
// records every call, and it delivers 'sync.changed' events the way the hosts do. The real till core's sync
// handlers against a real cloud are tested with src-main/sync; here the screen's side is under test:
// which words each SyncStatus shows, what the connect form sends, and how each error code reads.
import type { TillBridge } from '../../../../src-shared/contract/bridge.js';
import type { TillErrorBody, TillResult } from '../../../../src-shared/contract/errors.js';
import type { TillEvent } from '../../../../src-shared/contract/events.js';
import { unregisteredSyncStatus, type SyncStatus } from '../../../../src-shared/contract/till-sync.js';

export function syncStatus(partial: Partial<SyncStatus> = {}): SyncStatus {
  return {
    state: 'idle',
    online: true,
    queueDepth: 0,
    lastSuccessAt: null,
    lastError: null,
    nextAttemptAt: null,
    serverUrl: 'https://pos.example.co.ke',
    storeId: '0190a0a0-0000-7000-8000-0000000000aa',
    storeName: 'Nairobi CBD',
    terminalId: '0190a0a0-0000-7000-8000-0000000000bb',
    terminalCode: 'T1',
    epoch: 1,
    pullCursor: 0,
    pullHead: 0,
    ...partial,
  };
}

export const UNREGISTERED: SyncStatus = unregisteredSyncStatus();

export type Answer = { value: unknown } | { error: TillErrorBody };

export interface SyncBridge extends TillBridge {
  calls: { method: string; input: unknown }[];
  /** What the next calls of `method` answer (the last one repeats). */
  answer: (method: string, ...answers: Answer[]) => void;
  emit: (status: SyncStatus) => void;
}

export function createSyncBridge(): SyncBridge {
  const calls: { method: string; input: unknown }[] = [];
  const scripted = new Map<string, Answer[]>();
  const listeners = new Set<(event: TillEvent) => void>();
  return {
    calls,
    answer(method, ...answers) {
      scripted.set(method, answers);
    },
    emit(status) {
      for (const listener of [...listeners]) listener({ type: 'sync.changed', payload: status });
    },
    call(method, input): Promise<TillResult<unknown>> {
      calls.push({ method, input });
      const queue = scripted.get(method);
      const next = queue && queue.length > 1 ? queue.shift() : queue?.[0];
      if (!next) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: `not scripted: ${method}` },
        });
      }
      return Promise.resolve(
        'error' in next ? { ok: false, error: next.error } : { ok: true, value: next.value },
      );
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
