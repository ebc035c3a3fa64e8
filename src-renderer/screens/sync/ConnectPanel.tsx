// The connect screen's body: the form, then — once sync.register answered — the store this till now sells
// for and the catalog coming down ("Syncing the catalog… 1,200 of 5,000"), followed live from 'sync.changed'.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../src-shared/contract/till-sync.js';
import { useSyncStore } from '../../state/sync-store.js';
import { ConnectForm } from './ConnectForm.js';
import { pullPercent } from './sync-words.js';

export function CatalogProgress({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const done = status.pullHead <= status.pullCursor && status.state !== 'syncing';
  if (done) return <p data-testid="catalog-progress">{t('sync.connected.upToDate')}</p>;
  const head = Math.max(status.pullHead, status.pullCursor);
  return (
    <div className="catalog-progress" data-testid="catalog-progress">
      <p>
        {t('sync.connected.syncing', {
          cursor: status.pullCursor.toLocaleString('en-GB'),
          head: head.toLocaleString('en-GB'),
        })}
      </p>
      <progress
        max={100}
        value={pullPercent(status.pullCursor, head)}
        aria-label={t('sync.connected.progressLabel')}
      />
    </div>
  );
}

export function ConnectPanel(props: { titleKey: string; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const live = useSyncStore((s) => s.status);
  const [connected, setConnected] = useState<SyncStatus | null>(null);
  const status = connected && live?.storeId === connected.storeId ? live : connected;

  return (
    <section className="panel panel-narrow connect-panel" aria-labelledby="connect-title">
      <h1 id="connect-title">{t(props.titleKey)}</h1>
      {status ? (
        <div role="status" className="connected">
          <p className="connected-store" data-testid="connected-store">
            {t('sync.connected.store', { store: status.storeName ?? status.storeId ?? '' })}
          </p>
          <CatalogProgress status={status} />
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={props.onDone}>
              {t('sync.connected.continue')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="hint">{t('sync.connect.intro')}</p>
          <ConnectForm
            serverUrl={live?.serverUrl ?? null}
            onConnected={setConnected}
            {...(props.onCancel ? { onCancel: props.onCancel } : {})}
          />
        </>
      )}
    </section>
  );
}
