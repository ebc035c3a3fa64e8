// Paid in / paid out: cash put into or taken out of the drawer outside a sale, with a reason
// (session.cashMovement). The till refuses a paid-out larger than the cash the drawer should hold.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashMovementView } from '../../../src-shared/contract/session.js';
import { till } from '../../api/till.js';
import { Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/TextField.js';
import { useSubmit } from '../../components/use-submit.js';
import { parseAmountInput } from '../../format/money.js';

export type CashMovementKind = CashMovementView['kind'];

export function CashMovementDialog(props: {
  kind: CashMovementKind;
  onClose: () => void;
  onDone: (movement: CashMovementView) => void;
}) {
  const { t } = useTranslation();
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit(props.onDone);
  const amount = parseAmountInput(amountText);
  const ready = amount !== null && amount > 0 && reason.trim().length >= 3;
  const record = () => {
    if (amount === null) return;
    void submit(() =>
      till().call('session.cashMovement', { kind: props.kind, amount, reason: reason.trim() }),
    );
  };
  return (
    <Dialog
      title={t(`session.movement.${props.kind}.title`)}
      onClose={props.onClose}
      onSubmit={record}
      submitLabel={t(`session.movement.${props.kind}.submit`)}
      submitDisabled={!ready}
      busy={busy}
    >
      <p className="hint">{t(`session.movement.${props.kind}.body`)}</p>
      <TextField
        label={t('session.movement.amount')}
        kind="amount"
        autoComplete="off"
        autoFocus
        value={amountText}
        onValue={setAmountText}
      />
      <TextField label={t('session.movement.reason')} maxLength={500} value={reason} onValue={setReason} />
    </Dialog>
  );
}
