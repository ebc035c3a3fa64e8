// Paid in / paid out: cash put into or taken out of the drawer outside a sale, with a reason
// (session.cashMovement). The till refuses a paid-out larger than the cash the drawer should hold.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashMovementView } from '../../../src-shared/contract/session.js';
import { till } from '../../api/till.js';
import { Dialog } from '../../components/Dialog.js';
import { reportError } from '../../errors/report-error.js';
import { parseAmountInput } from '../../format/money.js';
import { useNoticeStore } from '../../state/notice-store.js';

export type CashMovementKind = CashMovementView['kind'];

export function CashMovementDialog(props: {
  kind: CashMovementKind;
  onClose: () => void;
  onDone: (movement: CashMovementView) => void;
}) {
  const { t } = useTranslation();
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const amount = parseAmountInput(amountText);
  const ready = amount !== null && amount > 0 && reason.trim().length >= 3;
  const submit = () => {
    if (amount === null) return;
    setBusy(true);
    till()
      .call('session.cashMovement', { kind: props.kind, amount, reason: reason.trim() })
      .then((movement) => {
        useNoticeStore.getState().clear();
        props.onDone(movement);
      })
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <Dialog
      title={t(`session.movement.${props.kind}.title`)}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={t(`session.movement.${props.kind}.submit`)}
      submitDisabled={!ready}
      busy={busy}
    >
      <p className="hint">{t(`session.movement.${props.kind}.body`)}</p>
      <label className="field">
        <span className="field-label">{t('session.movement.amount')}</span>
        <input
          className="input input-money"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          autoFocus
          value={amountText}
          onChange={(e) => {
            setAmountText(e.target.value);
          }}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('session.movement.reason')}</span>
        <input
          className="input"
          type="text"
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </label>
    </Dialog>
  );
}
