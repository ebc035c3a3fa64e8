// The cash session: open it with a float; while open, its running figures (report.x), paid in / paid out,
// the X report, and closing with a drawer count (CloseSessionPanel) → the Z report with the variance.
// The last Z report can be shown again at any time.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { XReport, ZReport } from '../../../src-shared/contract/report.js';
import { till } from '../../api/till.js';
import { reportError, reportInfo } from '../../errors/report-error.js';
import { formatMoney } from '../../format/money.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { useScreenStore } from '../../state/screen-store.js';
import { useSessionStore } from '../../state/session-store.js';
import { OpenSessionPanel } from '../till/OpenSessionPanel.js';
import { localDateTime } from '../shared/local-time.js';
import { CashMovementDialog, type CashMovementKind } from './CashMovementDialog.js';
import { CloseSessionPanel } from './CloseSessionPanel.js';
import { ReportScreenPart } from './ReportScreenPart.js';
import { VarianceLine } from './VarianceLine.js';

type View =
  | { kind: 'overview' }
  | { kind: 'close' }
  | { kind: 'report'; report: XReport | ZReport }
  | { kind: 'closed'; report: ZReport };

export function CashSessionScreen() {
  const { t } = useTranslation();
  const cashSession = useSessionStore((s) => s.cashSession);
  const home = useScreenStore((s) => s.home);
  const [view, setView] = useState<View>({ kind: 'overview' });
  const [movement, setMovement] = useState<CashMovementKind | null>(null);
  const [figures, setFigures] = useState<XReport | null>(null);
  const [busy, setBusy] = useState(false);

  const loadFigures = useCallback(() => {
    if (!useSessionStore.getState().cashSession) {
      setFigures(null);
      return;
    }
    till().call('report.x', {}).then(setFigures).catch(reportError);
  }, []);

  useEffect(() => {
    loadFigures();
  }, [loadFigures, cashSession?.id]);

  const overview = () => {
    setView({ kind: 'overview' });
    loadFigures();
  };
  const showReport = (which: 'x' | 'z') => {
    setBusy(true);
    const call = which === 'x' ? till().call('report.x', {}) : till().call('report.z', {});
    call
      .then((report) => {
        setView({ kind: 'report', report });
      })
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };

  const open = cashSession !== null;
  const shortcuts: Shortcut[] =
    view.kind === 'overview'
      ? [
          {
            key: 'F2',
            labelKey: 'session.actions.paidIn',
            run: () => {
              setMovement('paid_in');
            },
            disabled: !open,
          },
          {
            key: 'F3',
            labelKey: 'session.actions.paidOut',
            run: () => {
              setMovement('paid_out');
            },
            disabled: !open,
          },
          {
            key: 'F4',
            labelKey: 'session.actions.xReport',
            run: () => {
              showReport('x');
            },
            disabled: !open || busy,
          },
          {
            key: 'F5',
            labelKey: 'session.actions.close',
            run: () => {
              setView({ kind: 'close' });
            },
            disabled: !open,
          },
          {
            key: 'F6',
            labelKey: 'session.actions.zReport',
            run: () => {
              showReport('z');
            },
            disabled: busy,
          },
          { key: 'F9', labelKey: 'session.actions.toTill', run: home },
          { key: 'Escape', labelKey: 'session.actions.toTill', run: home, hidden: true },
        ]
      : [];
  useShortcuts(shortcuts);

  if (view.kind === 'close' && cashSession) {
    return (
      <CloseSessionPanel
        session={cashSession}
        expected={figures?.drawer.expected ?? null}
        onBack={overview}
        onClosed={(report) => {
          setView({ kind: 'closed', report });
        }}
      />
    );
  }
  if (view.kind === 'report' || view.kind === 'closed') {
    return (
      <ReportScreenPart
        report={view.report}
        heading={view.kind === 'closed' ? <ClosedHeading report={view.report} /> : null}
        onBack={overview}
      />
    );
  }

  return (
    <div className="back-office">
      {!open ? (
        <OpenSessionPanel onOpened={loadFigures} />
      ) : (
        <section className="panel" aria-labelledby="session-title">
          <h1 id="session-title">{t('session.title')}</h1>
          <p data-testid="session-opened">
            {t('session.openedBy', {
              name: figures?.openedBy.name ?? '…',
              time: localDateTime(cashSession.openedAt),
            })}
          </p>
          <dl className="figures figures-grid" aria-label={t('session.figures')}>
            <div>
              <dt>{t('report.openingFloat')}</dt>
              <dd>{formatMoney(cashSession.openingFloat)}</dd>
            </div>
            <div>
              <dt>{t('report.cashSales')}</dt>
              <dd>{figures ? formatMoney(figures.drawer.cashSales) : '…'}</dd>
            </div>
            <div>
              <dt>{t('report.cashRefunds')}</dt>
              <dd>{figures ? formatMoney(figures.drawer.cashRefunds) : '…'}</dd>
            </div>
            <div>
              <dt>{t('session.paidIn')}</dt>
              <dd data-testid="paid-in">{figures ? formatMoney(figures.drawer.paidIn) : '…'}</dd>
            </div>
            <div>
              <dt>{t('session.paidOut')}</dt>
              <dd data-testid="paid-out">{figures ? formatMoney(figures.drawer.paidOut) : '…'}</dd>
            </div>
            <div>
              <dt>{t('report.salesCount')}</dt>
              <dd>{figures ? String(figures.sales.count) : '…'}</dd>
            </div>
          </dl>
        </section>
      )}
      <nav className="panel action-grid" aria-label={t('session.actionsRegion')}>
        {shortcuts
          .filter((s) => s.hidden !== true && s.key !== 'F9')
          .map((s) => (
            <button
              key={s.key}
              type="button"
              className="button action"
              disabled={s.disabled}
              aria-keyshortcuts={s.key}
              onClick={s.run}
            >
              <kbd aria-hidden="true">{s.key}</kbd> {t(s.labelKey)}
            </button>
          ))}
      </nav>
      {movement && (
        <CashMovementDialog
          kind={movement}
          onClose={() => {
            setMovement(null);
          }}
          onDone={(done) => {
            setMovement(null);
            reportInfo(
              t(`session.movement.${done.kind}.done`, { amount: formatMoney(done.amount) }),
              'success',
            );
            loadFigures();
          }}
        />
      )}
    </div>
  );
}

function ClosedHeading({ report }: { report: ZReport }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('session.closed.body', { label: report.zLabel })}</p>
      <dl className="figures">
        <div>
          <dt>{t('report.counted')}</dt>
          <dd>{formatMoney(report.counted)}</dd>
        </div>
        <div>
          <dt>{t('report.expected')}</dt>
          <dd>{formatMoney(report.expected)}</dd>
        </div>
      </dl>
      <VarianceLine variance={report.variance} />
    </>
  );
}
