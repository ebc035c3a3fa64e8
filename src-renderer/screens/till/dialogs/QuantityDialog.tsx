// The quantity of a line — or the weight of a weighed product being added (kg, 3 decimals).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog.js';
import { TextField } from '../../../components/TextField.js';
import { formatQty, parseQtyInput } from '../../../format/quantity.js';

export function QuantityDialog(props: {
  title: string;
  initialMilli: number | null;
  weighed: boolean;
  unit: string | null;
  onApply: (qtyMilli: number) => Promise<unknown>;
  onClose: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initialMilli === null ? '' : formatQty(props.initialMilli));
  const qty = parseQtyInput(text);
  const whole = props.weighed || (qty !== null && qty % 1000 === 0);
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      submitLabel={t('common.ok')}
      submitDisabled={qty === null || !whole}
      busy={props.busy}
      onSubmit={() => {
        if (qty !== null) void props.onApply(qty);
      }}
    >
      <TextField
        label={props.weighed ? t('quantity.weight', { unit: props.unit ?? 'kg' }) : t('quantity.label')}
        kind="amount"
        value={text}
        onValue={setText}
      />
      {!whole && <p className="hint">{t('quantity.wholeOnly')}</p>}
    </Dialog>
  );
}
