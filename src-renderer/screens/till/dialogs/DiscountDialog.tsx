// A discount on one line or on the whole sale: an amount or a percentage, a reason, and a manager's
// approval for a cashier. "Remove discount" takes it off (no approval needed).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discount } from '../../../../src-shared/domain/cart.js';
import { Dialog } from '../../../components/Dialog.js';
import { parseAmountInput } from '../../../format/money.js';
import type { Authorised } from '../sale-actions.js';
import {
  AuthorisationFields,
  EMPTY_AUTHORISATION,
  isAuthorisationReady,
  toAuthorised,
  useNeedsApproval,
} from './AuthorisationFields.js';
import { useDialogSubmit } from './use-dialog-submit.js';

/** "12.5" % → 1250 basis points; null unless 0 < p ≤ 100 with at most 2 decimals. */
export function parsePercentInput(text: string): number | null {
  const bp = parseAmountInput(text.replace('%', ''));
  return bp !== null && bp > 0 && bp <= 10_000 ? bp : null;
}

export function DiscountDialog(props: {
  title: string;
  hasDiscount: boolean;
  onApply: (discount: Discount | null, auth: Authorised) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const needsApproval = useNeedsApproval();
  const [kind, setKind] = useState<'amount' | 'percent'>('percent');
  const [value, setValue] = useState('');
  const [auth, setAuth] = useState(EMPTY_AUTHORISATION);
  const { busy, submit } = useDialogSubmit(props.onClose);
  const amount = kind === 'amount' ? parseAmountInput(value) : parsePercentInput(value);
  const discount: Discount | null =
    amount === null || amount <= 0
      ? null
      : kind === 'amount'
        ? { kind: 'amount', amount }
        : { kind: 'percent', basisPoints: amount };
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      submitLabel={t('discount.submit')}
      submitDisabled={discount === null || !isAuthorisationReady(auth, needsApproval)}
      busy={busy}
      onSubmit={() => {
        void submit(() => props.onApply(discount, toAuthorised(auth, needsApproval)));
      }}
    >
      <fieldset className="segmented">
        <legend>{t('discount.kind')}</legend>
        {(['percent', 'amount'] as const).map((k) => (
          <label key={k} className="segment">
            <input
              type="radio"
              name="discount-kind"
              checked={kind === k}
              onChange={() => {
                setKind(k);
              }}
            />
            {t(`discount.${k}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">
          {kind === 'amount' ? t('discount.amountLabel') : t('discount.percentLabel')}
        </span>
        <input
          className="input input-money"
          type="text"
          inputMode="decimal"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
          }}
        />
      </label>
      <AuthorisationFields value={auth} onChange={setAuth} needsApproval={needsApproval} />
      {props.hasDiscount && (
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => {
            void submit(() => props.onApply(null, { reason: auth.reason.trim() || 'removed' }));
          }}
        >
          {t('discount.remove')}
        </button>
      )}
    </Dialog>
  );
}
