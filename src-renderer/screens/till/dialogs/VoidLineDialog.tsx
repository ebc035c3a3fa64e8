// Removing a line from the sale: a reason, and a manager's approval for a cashier.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleLineView } from '../../../../src-shared/contract/sale.js';
import { Dialog } from '../../../components/Dialog.js';
import { voidLine } from '../sale-actions.js';
import {
  AuthorisationFields,
  EMPTY_AUTHORISATION,
  isAuthorisationReady,
  toAuthorised,
  useNeedsApproval,
} from './AuthorisationFields.js';
import { useDialogSubmit } from './use-dialog-submit.js';

export function VoidLineDialog(props: { saleId: string; line: SaleLineView; onClose: () => void }) {
  const { t } = useTranslation();
  const needsApproval = useNeedsApproval();
  const [auth, setAuth] = useState(EMPTY_AUTHORISATION);
  const { busy, submit } = useDialogSubmit(props.onClose);
  return (
    <Dialog
      title={t('voidLine.title', { name: props.line.name })}
      onClose={props.onClose}
      submitLabel={t('voidLine.submit')}
      submitDisabled={!isAuthorisationReady(auth, needsApproval)}
      busy={busy}
      onSubmit={() => {
        void submit(() => voidLine(props.saleId, props.line.id, toAuthorised(auth, needsApproval)));
      }}
    >
      <AuthorisationFields value={auth} onChange={setAuth} needsApproval={needsApproval} />
    </Dialog>
  );
}
