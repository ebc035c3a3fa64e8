// Removing a line from the sale: a reason, and a manager's approval for a cashier.
import { useTranslation } from 'react-i18next';
import type { SaleLineView } from '../../../../src-shared/contract/sale.js';
import { Dialog } from '../../../components/Dialog.js';
import { useSubmit } from '../../../components/use-submit.js';
import { AuthorisationFields, useAuthorisation } from '../../shared/AuthorisationFields.js';
import { voidLine } from '../sale-actions.js';

export function VoidLineDialog(props: { saleId: string; line: SaleLineView; onClose: () => void }) {
  const { t } = useTranslation();
  const auth = useAuthorisation();
  const { busy, submit } = useSubmit(props.onClose);
  return (
    <Dialog
      title={t('voidLine.title', { name: props.line.name })}
      onClose={props.onClose}
      submitLabel={t('voidLine.submit')}
      submitDisabled={!auth.ready}
      busy={busy}
      onSubmit={() => {
        void submit(() => voidLine(props.saleId, props.line.id, auth.authorised()));
      }}
    >
      <AuthorisationFields {...auth.fields} />
    </Dialog>
  );
}
