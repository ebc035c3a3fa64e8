// Each SyncStatus the till reports → what the indicator says: a headline for every state and, for the states
// someone must act on, what to do — in English and Kiswahili; records waiting and the catalog's progress only
// once the till is registered.
import { describe, expect, it } from 'vitest';
import { SYNC_STATES } from '../../../src-shared/contract/till-sync.js';
import { pullPercent, syncView } from '../../../src-renderer/screens/sync/sync-words.js';
import en from '../../../src-renderer/i18n/en.json' with { type: 'json' };
import sw from '../../../src-renderer/i18n/sw.json' with { type: 'json' };
import { syncStatus, UNREGISTERED } from './support/sync-bridge.js';

function lookup(resource: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resource);
}

describe('syncView', () => {
  it('has words for every state, and what to do for revoked, update required and unregistered, in both languages', () => {
    for (const state of SYNC_STATES) {
      const view = syncView(syncStatus({ state }));
      for (const resource of [en, sw]) {
        expect(typeof lookup(resource, view.labelKey), view.labelKey).toBe('string');
        if (view.actionKey) expect(typeof lookup(resource, view.actionKey), view.actionKey).toBe('string');
      }
      expect(view.actionKey !== null, state).toBe(
        ['unregistered', 'revoked', 'update_required'].includes(state),
      );
    }
  });

  it('counts records waiting and the last success only for a registered till', () => {
    const at = '2026-11-26T05:05:00.000Z';
    expect(syncView(syncStatus({ state: 'offline', queueDepth: 3, lastSuccessAt: at }))).toMatchObject({
      tone: 'warn',
      queue: { key: 'sync.queue', count: 3 },
      lastSuccessAt: at,
      canConnect: false,
    });
    expect(syncView(syncStatus({ queueDepth: 0 })).queue).toBeNull();
    expect(syncView({ ...UNREGISTERED, queueDepth: 7 })).toMatchObject({
      tone: 'off',
      queue: null,
      canConnect: true,
    });
    expect(syncView(syncStatus({ state: 'revoked' })).canConnect).toBe(true);
  });

  it('shows the catalog coming down while the cursor is behind the head', () => {
    expect(syncView(syncStatus({ pullCursor: 10, pullHead: 40 })).pull).toEqual({ cursor: 10, head: 40 });
    expect(syncView(syncStatus({ pullCursor: 40, pullHead: 40 })).pull).toBeNull();
    expect(pullPercent(1200, 5000)).toBe(24);
    expect(pullPercent(4999, 5000)).toBe(99);
    expect(pullPercent(5000, 5000)).toBe(100);
    expect(pullPercent(0, 0)).toBe(100);
  });

  it('says the plural right', () => {
    expect(en.sync.queue_one.replace('{{count}}', '1')).toBe('1 record waiting to send');
    expect(sw.sync.queue_other.replace('{{count}}', '3')).toBe('Rekodi 3 zinasubiri kutumwa');
  });
});
