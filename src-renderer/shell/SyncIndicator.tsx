// The top bar's sync indicator, on every screen (login included): state, records waiting to send, last
// success; a revoked till or one too old for the cloud says what to do. Fed by state/sync-store.ts (one
// sync.status at start, then 'sync.changed' events — no polling). "Connect to the cloud" for an owner (or
// with nobody logged in, on an unregistered till) and "Sync now" for a manager (or, before the first pull
// brought any users, for whoever is at the till).
import { useTranslation } from 'react-i18next';
import { isManager } from '../screens/menu/menu-entries.js';
import { syncView } from '../screens/sync/sync-words.js';
import { useSessionStore } from '../state/session-store.js';
import { useSyncStore } from '../state/sync-store.js';
import { useSyncNow } from './use-sync-now.js';

/** "08:05" today, else "25/11 08:05", in the till's time zone. */
export function shortTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
  if (d.toDateString() === now.toDateString()) return time;
  return `${d.toLocaleDateString('en-GB', { day: '2-digit', month: '2-digit' })} ${time}`;
}

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const available = useSyncStore((s) => s.available);
  const role = useSessionStore((s) => s.operator?.role);
  const loggedIn = role !== undefined;
  const noUsers = useSessionStore((s) => s.users.length === 0);
  const phase = useSessionStore((s) => s.phase);
  const connecting = useSyncStore((s) => s.connecting);
  const { busy, runNow } = useSyncNow();

  if (!status) {
    return (
      <span className="status-item status-sync" data-testid="sync-status" data-tone="off">
        {available ? t('sync.loading') : t('sync.unavailable')}
      </span>
    );
  }

  const view = syncView(status);
  const mayConnect = view.canConnect && !connecting && phase === 'ready' && (!loggedIn || isManager(role));
  // sync.now is public: with nobody logged in it shows only while the till has no users yet (first pull).
  const mayRun =
    (isManager(role) || (!loggedIn && noUsers)) && status.state !== 'unregistered' && view.actionKey === null;

  return (
    <>
      <span className="status-item status-sync" data-testid="sync-status" data-tone={view.tone}>
        <span className="sync-state">{t(view.labelKey)}</span>
        {view.queue && (
          <span className="sync-queue" data-testid="sync-queue">
            {t(view.queue.key, { count: view.queue.count })}
          </span>
        )}
        {view.lastSuccessAt && (
          <span className="sync-last">{t('sync.lastSuccess', { time: shortTime(view.lastSuccessAt) })}</span>
        )}
      </span>
      {mayConnect && (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            useSyncStore.getState().patch({ connecting: true });
          }}
        >
          {t('sync.connectButton')}
        </button>
      )}
      {mayRun && (
        <button type="button" className="button button-small" disabled={busy} onClick={runNow}>
          {t('sync.now')}
        </button>
      )}
    </>
  );
}

/** Under the top bar while the till cannot send at all: what happened and what to do. */
export function SyncAlert() {
  const { t } = useTranslation();
  const state = useSyncStore((s) => s.status?.state);
  if (state !== 'revoked' && state !== 'update_required') return null;
  return (
    <p className="sync-alert" role="alert" data-testid="sync-alert">
      <strong>{t(`sync.state.${state}`)}</strong> {t(`sync.action.${state}`)}
    </p>
  );
}
