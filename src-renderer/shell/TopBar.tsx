// Always on screen: the app, who is logged in, the open cash session, the sync state (SyncIndicator), the
// language, and Lock / Log out for the operator; under it, a revoked or outdated till's sync alert.
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../src-shared/contract/auth.js';
import { reportError } from '../errors/report-error.js';
import { applyLocale } from '../i18n/i18n.js';
import { formatMoney } from '../format/money.js';
import { useSessionStore } from '../state/session-store.js';
import { useShallow } from '../state/store.js';
import { changeLocale, lockScreen, logout } from './session-actions.js';
import { SyncAlert, SyncIndicator } from './SyncIndicator.js';

/** The till's local wall-clock time of an ISO-8601 UTC instant ("08:05"). */
function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
}

export function TopBar() {
  const { t, i18n } = useTranslation();
  const { operator, cashSession } = useSessionStore(
    useShallow((s) => ({ operator: s.operator, cashSession: s.cashSession })),
  );
  const nextLocale: Locale = i18n.language === 'sw' ? 'en' : 'sw';

  const switchLanguage = () => {
    if (operator) changeLocale(nextLocale).catch(reportError);
    else applyLocale(nextLocale);
  };

  return (
    <header className="top-bar">
      <div className="brand">{t('shell.brand')}</div>
      <div className="top-bar-status" aria-label={t('shell.statusRegion')} role="group">
        <span className="status-item" data-testid="operator">
          {operator
            ? t('shell.operator', { name: operator.name, role: t(`roles.${operator.role}`) })
            : t('shell.nobody')}
        </span>
        <span className="status-item" data-testid="cash-session">
          {cashSession
            ? t('shell.sessionOpen', {
                time: timeOf(cashSession.openedAt),
                float: formatMoney(cashSession.openingFloat),
              })
            : t('shell.sessionNone')}
        </span>
        <SyncIndicator />
      </div>
      <div className="top-bar-actions">
        <button
          type="button"
          className="button button-small"
          onClick={switchLanguage}
          lang={nextLocale}
          aria-label={t('shell.switchLanguage', { language: t(`languages.${nextLocale}`) })}
        >
          {t(`languages.${nextLocale}`)}
        </button>
        {operator && (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => void lockScreen().catch(reportError)}
            >
              {t('shell.lock')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => void logout().catch(reportError)}
            >
              {t('shell.logout')}
            </button>
          </>
        )}
      </div>
      <SyncAlert />
    </header>
  );
}
