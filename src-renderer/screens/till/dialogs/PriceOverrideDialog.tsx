// Price override of one line: the new unit price, a reason, and a manager's approval for a cashier.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleLineView } from '../../../../src-shared/contract/sale.js';
import { Dialog } from '../../../components/Dialog.js';
import { TextField } from '../../../components/TextField.js';
import { useSubmit } from '../../../components/use-submit.js';
import { amountInputText, formatMoney, parseAmountInput } from '../../../format/money.js';
import { AuthorisationFields, useAuthorisation } from '../../shared/AuthorisationFields.js';
import { overridePrice } from '../sale-actions.js';

export function PriceOverrideDialog(props: { saleId: string; line: SaleLineView; onClose: () => void }) {
  const { t } = useTranslation();
  const [price, setPrice] = useState(amountInputText(props.line.unitPrice));
  const auth = useAuthorisation();
  const { busy, submit } = useSubmit(props.onClose);
  const unitPrice = parseAmountInput(price);
  return (
    <Dialog
      title={t('override.title', { name: props.line.name })}
      onClose={props.onClose}
      submitLabel={t('override.submit')}
      submitDisabled={unitPrice === null || !auth.ready}
      busy={busy}
      onSubmit={() => {
        if (unitPrice === null) return;
        void submit(() => overridePrice(props.saleId, props.line.id, unitPrice, auth.authorised()));
      }}
    >
      <p className="hint">{t('override.listPrice', { price: formatMoney(props.line.listUnitPrice) })}</p>
      <TextField label={t('override.newPrice')} kind="amount" autoFocus value={price} onValue={setPrice} />
      <AuthorisationFields {...auth.fields} />
    </Dialog>
  );
}
