// Ask for a stock correction of one product (stock.requestAdjustment): the change (+ found/received,
// − damaged/missing), a reason and an optional note. Nothing moves until a manager approves it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockAdjustmentView } from '../../../src-shared/contract/stock.js';
import { till } from '../../api/till.js';
import { Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/TextField.js';
import { useSubmit } from '../../components/use-submit.js';
import { formatQty } from '../../format/quantity.js';
import { parseSignedQty } from './adjustment-qty.js';

export interface AdjustTarget {
  productId: string;
  name: string;
  sku: string;
  onHandMilli: number;
}

export function AdjustmentDialog(props: {
  target: AdjustTarget;
  onClose: () => void;
  onDone: (adjustment: StockAdjustmentView) => void;
}) {
  const { t } = useTranslation();
  const [qtyText, setQtyText] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const { busy, submit } = useSubmit(props.onDone);
  const qtyDeltaMilli = parseSignedQty(qtyText);
  const ready = qtyDeltaMilli !== null && reason.trim().length >= 3;
  const request = () => {
    if (qtyDeltaMilli === null) return;
    void submit(() =>
      till().call('stock.requestAdjustment', {
        productId: props.target.productId,
        qtyDeltaMilli,
        reason: reason.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
  };
  return (
    <Dialog
      title={t('stock.adjust.title', { name: props.target.name })}
      onClose={props.onClose}
      onSubmit={request}
      submitLabel={t('stock.adjust.submit')}
      submitDisabled={!ready}
      busy={busy}
    >
      <p className="hint">
        {t('stock.adjust.onHand', { sku: props.target.sku, qty: formatQty(props.target.onHandMilli) })}
      </p>
      <TextField
        label={t('stock.adjust.change')}
        kind="amount"
        autoComplete="off"
        autoFocus
        hint={t('stock.adjust.changeHint')}
        value={qtyText}
        onValue={setQtyText}
      />
      <TextField label={t('stock.adjust.reason')} maxLength={500} value={reason} onValue={setReason} />
      <TextField label={t('stock.adjust.note')} maxLength={1000} value={note} onValue={setNote} />
    </Dialog>
  );
}
