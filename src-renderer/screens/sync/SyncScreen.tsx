// Sync (manager, from the menu): what the sync worker is doing — state, records waiting to send, last
// success, last error, the cloud, store and till this till is registered as, the catalog's progress — with
// "Sync now" (F2) and "Connect to the cloud" / "Register again" (F3), which opens the connect form here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/report-error.js';
import { useSyncNow } from '../../shell/use-sync-now.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { useScreenStore } from '../../state/screen-store.js';
import { useSessionStore } from '../../state/session-store.js';
import { useSyncStore } from '../../state/sync-store.js';
import { isManager } from '../menu/menu-entries.js';
import { localDateTime } from '../shared/local-time.js';
import { CatalogProgress, ConnectPanel } from './ConnectPanel.js';
import { syncView } from './sync-words.js';

export function SyncScreen() {
  const { t } = useTranslation();
  const home = useScreenStore((s) => s.home);
  const manager = isManager(useSessionStore((s) => s.operator?.role));
  const status = useSyncStore((s) => s.status);
  const available = useSyncStore((s) => s.available);
  const [connecting, setConnecting] = useState(false);
  const { busy, runNow } = useSyncNow();
  const registered = status !== null && status.state !== 'unregistered';

  const shortcuts: Shortcut[] = connecting
    ? []
    : [
        { key: 'F2', labelKey: 'sync.now', run: runNow, disabled: !manager || !registered || busy },
        {
          key: 'F3',
          labelKey: registered ? 'sync.registerAgain' : 'sync.connectButton',
          run: () => {
            setConnecting(true);
          },
          disabled: !manager || !available,
        },
        { key: 'F9', labelKey: 'sync.toTill', run: home },
        { key: 'Escape', labelKey: 'sync.toTill', run: home, hidden: true },
      ];
  useShortcuts(shortcuts);

  if (connecting) {
    return (
      <div className="back-office">
        <ConnectPanel
          titleKey={registered ? 'sync.registerAgain' : 'sync.connect.title'}
          onDone={() => {
            setConnecting(false);
          }}
          onCancel={() => {
            setConnecting(false);
          }}
        />
      </div>
    );
  }

  const view = status ? syncView(status) : null;
  return (
    <div className="back-office">
      <section className="panel" aria-labelledby="sync-title">
        <h1 id="sync-title">{t('sync.title')}</h1>
        {!manager && <p className="hint">{t('sync.managerOnly')}</p>}
        {!status || !view ? (
          <p className="empty-state">{available ? t('sync.loading') : t('sync.unavailable')}</p>
        ) : (
          <>
            <dl className="sync-details" data-testid="sync-details">
              <dt>{t('sync.details.state')}</dt>
              <dd data-tone={view.tone}>{t(view.labelKey)}</dd>
              {view.actionKey && (
                <>
                  <dt>{t('sync.details.todo')}</dt>
                  <dd>{t(view.actionKey)}</dd>
                </>
              )}
              {registered && (
                <>
                  <dt>{t('sync.details.waiting')}</dt>
                  <dd>{view.queue ? t(view.queue.key, { count: view.queue.count }) : t('sync.allSent')}</dd>
                  <dt>{t('sync.details.lastSuccess')}</dt>
                  <dd>{status.lastSuccessAt ? localDateTime(status.lastSuccessAt) : t('sync.never')}</dd>
                  {status.lastError && (
                    <>
                      <dt>{t('sync.details.lastError')}</dt>
                      <dd>
                        {describeError(status.lastError).text} ({localDateTime(status.lastError.at)})
                      </dd>
                    </>
                  )}
                  <dt>{t('sync.details.server')}</dt>
                  <dd>{status.serverUrl}</dd>
                  <dt>{t('sync.details.store')}</dt>
                  <dd>{status.storeName ?? status.storeId}</dd>
                  <dt>{t('sync.details.till')}</dt>
                  <dd>{status.terminalCode ?? status.terminalId}</dd>
                  <dt>{t('sync.details.catalog')}</dt>
                  <dd>
                    <CatalogProgress status={status} />
                  </dd>
                </>
              )}
            </dl>
            {manager && (
              <div className="form-actions form-actions-start">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={!registered || busy}
                  onClick={runNow}
                >
                  {t('sync.now')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setConnecting(true);
                  }}
                >
                  {registered ? t('sync.registerAgain') : t('sync.connectButton')}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
