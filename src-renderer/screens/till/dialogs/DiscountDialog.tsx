// A discount on one line or on the whole sale: an amount or a percentage, a reason, and a manager's
// approval for a cashier. "Remove discount" takes it off (no approval needed).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discount } from '../../../../src-shared/domain/cart.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { Dialog } from '../../../components/Dialog.js';
import { TextField } from '../../../components/TextField.js';
import { useSubmit } from '../../../components/use-submit.js';
import { parseAmountInput } from '../../../format/money.js';
import { AuthorisationFields, useAuthorisation } from '../../shared/AuthorisationFields.js';
import type { Authorised } from '../sale-actions.js';

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
  const [kind, setKind] = useState<'amount' | 'percent'>('percent');
  const [value, setValue] = useState('');
  const auth = useAuthorisation();
  const { busy, submit } = useSubmit(props.onClose);
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
      submitDisabled={discount === null || !auth.ready}
      busy={busy}
      onSubmit={() => {
        void submit(() => props.onApply(discount, auth.authorised()));
      }}
    >
      <ChoiceGroup
        legend={t('discount.kind')}
        name="discount-kind"
        options={['percent', 'amount'] as const}
        value={kind}
        onChange={setKind}
        label={(k) => t(`discount.${k}`)}
      />
      <TextField
        label={kind === 'amount' ? t('discount.amountLabel') : t('discount.percentLabel')}
        kind="amount"
        value={value}
        onValue={setValue}
      />
      <AuthorisationFields {...auth.fields} />
      {props.hasDiscount && (
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => {
            void submit(() => props.onApply(null, { reason: auth.value.reason.trim() || 'removed' }));
          }}
        >
          {t('discount.remove')}
        </button>
      )}
    </Dialog>
  );
}
