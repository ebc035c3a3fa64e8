// Shown instead of the till when it cannot work yet: the page was opened without its token link, the till
// host does not answer, or the till is not set up (no store). A till that is not set up is connected to the
// cloud here (sync.register adopts the cloud's store and catalog); a demo till is started on a new data
// folder instead (the host seeds the demo store on a new ledger).
import { useTranslation } from 'react-i18next';
import { reportError } from '../../errors/report-error.js';
import { boot } from '../../shell/session-actions.js';
import { useSessionStore } from '../../state/session-store.js';
import { useSyncStore } from '../../state/sync-store.js';
import { ConnectPanel } from '../sync/ConnectPanel.js';
import { restartAfterConnect } from '../sync/ConnectScreen.js';

export function FirstRunScreen({ reason }: { reason: 'no-token' | 'unreachable' | 'not-provisioned' }) {
  const { t } = useTranslation();
  const syncAvailable = useSyncStore((s) => s.available);
  const retry = () => {
    useSessionStore.getState().patch({ phase: 'starting' });
    boot().catch(reportError);
  };
  return (
    <>
      <section className="panel panel-narrow first-run" aria-labelledby="first-run-title">
        <h1 id="first-run-title">{t(`firstRun.${reason}.title`)}</h1>
        <p>{t(`firstRun.${reason}.body`)}</p>
        {reason === 'not-provisioned' && (
          <ul className="first-run-options">
            <li>
              <strong>{t('firstRun.cloudTitle')}</strong> — {t('firstRun.cloudBody')}
            </li>
            <li>
              <strong>{t('firstRun.demoTitle')}</strong> — {t('firstRun.demoBody')}
            </li>
          </ul>
        )}
        {reason !== 'no-token' && (
          <button type="button" className="button" onClick={retry}>
            {t('firstRun.retry')}
          </button>
        )}
      </section>
      {reason === 'not-provisioned' && syncAvailable && (
        <ConnectPanel titleKey="sync.connect.title" onDone={restartAfterConnect} />
      )}
    </>
  );
}
