// Price override of one line: the new unit price, a reason, and a manager's approval for a cashier.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleLineView } from '../../../../src-shared/contract/sale.js';
import { Dialog } from '../../../components/Dialog.js';
import { amountInputText, formatMoney, parseAmountInput } from '../../../format/money.js';
import { overridePrice } from '../sale-actions.js';
import {
  AuthorisationFields,
  EMPTY_AUTHORISATION,
  isAuthorisationReady,
  toAuthorised,
  useNeedsApproval,
} from './AuthorisationFields.js';
import { useDialogSubmit } from './use-dialog-submit.js';

export function PriceOverrideDialog(props: { saleId: string; line: SaleLineView; onClose: () => void }) {
  const { t } = useTranslation();
  const needsApproval = useNeedsApproval();
  const [price, setPrice] = useState(amountInputText(props.line.unitPrice));
  const [auth, setAuth] = useState(EMPTY_AUTHORISATION);
  const { busy, submit } = useDialogSubmit(props.onClose);
  const unitPrice = parseAmountInput(price);
  return (
    <Dialog
      title={t('override.title', { name: props.line.name })}
      onClose={props.onClose}
      submitLabel={t('override.submit')}
      submitDisabled={unitPrice === null || !isAuthorisationReady(auth, needsApproval)}
      busy={busy}
      onSubmit={() => {
        if (unitPrice === null) return;
        void submit(() =>
          overridePrice(props.saleId, props.line.id, unitPrice, toAuthorised(auth, needsApproval)),
        );
      }}
    >
      <p className="hint">{t('override.listPrice', { price: formatMoney(props.line.listUnitPrice) })}</p>
      <label className="field">
        <span className="field-label">{t('override.newPrice')}</span>
        <input
          className="input input-money"
          type="text"
          inputMode="decimal"
          autoFocus
          value={price}
          onChange={(e) => {
            setPrice(e.target.value);
          }}
        />
      </label>
      <AuthorisationFields value={auth} onChange={setAuth} needsApproval={needsApproval} />
    </Dialog>
  );
}
