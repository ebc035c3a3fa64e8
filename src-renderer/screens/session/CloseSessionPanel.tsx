// Closing the cash session: count the drawer by note and coin (or type one total), optionally blind (the
// expected cash stays hidden until the count is in), a manager's approval when closing someone else's
// session, then session.close → the Z report with the variance.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_RANK } from '../../../src-shared/contract/common.js';
import type { ZReport } from '../../../src-shared/contract/report.js';
import type { SessionView } from '../../../src-shared/contract/session.js';
import { till } from '../../api/till.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { TextField } from '../../components/TextField.js';
import { reportError } from '../../errors/report-error.js';
import { formatMoney, parseAmountInput } from '../../format/money.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { refreshCashSession } from '../../shell/session-actions.js';
import { useNoticeStore } from '../../state/notice-store.js';
import { useSessionStore } from '../../state/session-store.js';
import {
  EMPTY_APPROVAL,
  isApprovalComplete,
  ManagerApprovalFields,
  type ManagerApproval,
} from '../shared/ManagerApprovalFields.js';
import { countDrawer, liveReconciliation, type CountTexts } from './denomination-count.js';
import { DenominationCountTable } from './DenominationCountTable.js';
import { VarianceLine } from './VarianceLine.js';

type CountMode = 'denominations' | 'total';

export function CloseSessionPanel(props: {
  session: SessionView;
  /** The cash the drawer should hold now (report.x), null while loading. */
  expected: number | null;
  onClosed: (z: ZReport) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const operator = useSessionStore((s) => s.operator);
  const [mode, setMode] = useState<CountMode>('denominations');
  const [blind, setBlind] = useState(false);
  const [texts, setTexts] = useState<CountTexts>({});
  const [totalText, setTotalText] = useState('');
  const [approval, setApproval] = useState<ManagerApproval>(EMPTY_APPROVAL);
  const [busy, setBusy] = useState(false);

  const needsApproval =
    operator !== null &&
    props.session.openedBy !== operator.id &&
    ROLE_RANK[operator.role] < ROLE_RANK.manager;
  const drawer = countDrawer(texts);
  const counted =
    mode === 'denominations' ? (drawer.invalid ? null : drawer.total) : parseAmountInput(totalText);
  const ready = counted !== null && !busy && (!needsApproval || isApprovalComplete(approval));

  const close = () => {
    if (!ready) return;
    const count =
      mode === 'denominations' && drawer.denominations.length > 0
        ? { denominations: drawer.denominations }
        : { countedTotal: counted };
    setBusy(true);
    till()
      .call('session.close', { ...count, blind, ...(needsApproval ? { approval } : {}) })
      .then(async (z) => {
        useNoticeStore.getState().clear();
        props.onClosed(z);
        await refreshCashSession();
      })
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };

  const shortcuts: Shortcut[] = [
    { key: 'F9', labelKey: 'session.actions.back', run: props.onBack },
    { key: 'Escape', labelKey: 'session.actions.back', run: props.onBack, hidden: true },
    { key: 'F10', labelKey: 'session.close.submit', run: close, disabled: !ready },
  ];
  useShortcuts(shortcuts);

  return (
    <section className="panel close-session" aria-labelledby="close-session-title">
      <h1 id="close-session-title">{t('session.close.title')}</h1>
      <p className="hint">{t('session.close.body')}</p>
      <form
        className="close-session-form"
        onSubmit={(event) => {
          event.preventDefault();
          close();
        }}
      >
        <div className="close-session-count">
          <ChoiceGroup
            legend={t('session.close.mode')}
            name="count-mode"
            describedBy="close-mode-hint"
            options={['denominations', 'total'] as const}
            value={mode}
            onChange={setMode}
            label={(m) => t(`session.close.modes.${m}`)}
          />
          <p id="close-mode-hint" className="visually-hidden">
            {t('session.close.modeHint')}
          </p>
          {mode === 'denominations' ? (
            <DenominationCountTable count={drawer} texts={texts} onChange={setTexts} />
          ) : (
            <TextField
              label={t('session.close.totalLabel')}
              kind="amount"
              large
              autoComplete="off"
              autoFocus
              value={totalText}
              onValue={setTotalText}
            />
          )}
        </div>
        <div className="close-session-side">
          <label className="check">
            <input
              type="checkbox"
              checked={blind}
              onChange={(e) => {
                setBlind(e.target.checked);
              }}
            />
            {t('session.close.blind')}
          </label>
          <dl className="figures">
            <div>
              <dt>{t('session.close.countedTotal')}</dt>
              <dd data-testid="close-counted">{counted === null ? '—' : formatMoney(counted)}</dd>
            </div>
            <div>
              <dt>{t('session.close.expected')}</dt>
              <dd data-testid="close-expected">
                {blind
                  ? t('session.close.hidden')
                  : props.expected === null
                    ? '…'
                    : formatMoney(props.expected)}
              </dd>
            </div>
          </dl>
          {!blind && props.expected !== null && counted !== null && (
            <VarianceLine variance={liveReconciliation(props.expected, counted).variance} live />
          )}
          {blind && <p className="hint">{t('session.close.blindHint')}</p>}
          {needsApproval && (
            <ManagerApprovalFields
              legend={t('session.close.approval')}
              value={approval}
              onChange={setApproval}
            />
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={props.onBack}>
              {t('session.actions.back')}
            </button>
            <button type="submit" className="button button-primary" disabled={!ready}>
              {t('session.close.submit')} <kbd aria-hidden="true">F10</kbd>
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
