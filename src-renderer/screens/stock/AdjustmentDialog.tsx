// Ask for a stock correction of one product (stock.requestAdjustment): the change (+ found/received,
// − damaged/missing), a reason and an optional note. Nothing moves until a manager approves it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockAdjustmentView } from '../../../src-shared/contract/stock.js';
import { till } from '../../api/till.js';
import { Dialog } from '../../components/Dialog.js';
import { reportError } from '../../errors/report-error.js';
import { formatQty } from '../../format/quantity.js';
import { useNoticeStore } from '../../state/notice-store.js';
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
  const [busy, setBusy] = useState(false);
  const qtyDeltaMilli = parseSignedQty(qtyText);
  const ready = qtyDeltaMilli !== null && reason.trim().length >= 3;
  const submit = () => {
    if (qtyDeltaMilli === null) return;
    setBusy(true);
    till()
      .call('stock.requestAdjustment', {
        productId: props.target.productId,
        qtyDeltaMilli,
        reason: reason.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      .then((adjustment) => {
        useNoticeStore.getState().clear();
        props.onDone(adjustment);
      })
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <Dialog
      title={t('stock.adjust.title', { name: props.target.name })}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={t('stock.adjust.submit')}
      submitDisabled={!ready}
      busy={busy}
    >
      <p className="hint">
        {t('stock.adjust.onHand', { sku: props.target.sku, qty: formatQty(props.target.onHandMilli) })}
      </p>
      <label className="field">
        <span className="field-label">{t('stock.adjust.change')}</span>
        <input
          className="input input-money"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          autoFocus
          aria-describedby="adjust-change-hint"
          value={qtyText}
          onChange={(e) => {
            setQtyText(e.target.value);
          }}
        />
        <span id="adjust-change-hint" className="hint">
          {t('stock.adjust.changeHint')}
        </span>
      </label>
      <label className="field">
        <span className="field-label">{t('stock.adjust.reason')}</span>
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
      <label className="field">
        <span className="field-label">{t('stock.adjust.note')}</span>
        <input
          className="input"
          type="text"
          maxLength={1000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </label>
    </Dialog>
  );
}
