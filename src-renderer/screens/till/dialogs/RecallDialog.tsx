// Held sales at this till (oldest first): recall one to carry on with it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldSaleSummary } from '../../../../src-shared/contract/sale.js';
import { till } from '../../../api/till.js';
import { Dialog } from '../../../components/Dialog.js';
import { PickList } from '../../../components/PickList.js';
import { useSubmit } from '../../../components/use-submit.js';
import { reportError } from '../../../errors/report-error.js';
import { formatMoney } from '../../../format/money.js';
import { recallSale } from '../sale-actions.js';

export function RecallDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const [held, setHeld] = useState<HeldSaleSummary[] | null>(null);
  const { busy, submit } = useSubmit(props.onClose);
  useEffect(() => {
    till().call('sale.listHeld', {}).then(setHeld).catch(reportError);
  }, []);
  return (
    <Dialog title={t('recall.title')} onClose={props.onClose} wide>
      {held === null ? (
        <p className="hint">{t('common.loading')}</p>
      ) : held.length === 0 ? (
        <p className="hint">{t('recall.none')}</p>
      ) : (
        <PickList
          label={t('recall.title')}
          items={held}
          busy={busy}
          onPick={(h) => {
            void submit(() => recallSale(h.id));
          }}
          main={(h) => t('recall.item', { count: h.lineCount, total: formatMoney(h.total) })}
          sub={(h) =>
            [
              h.cashierName,
              h.clientName,
              h.holdNote,
              new Date(h.heldAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }),
            ]
              .filter(Boolean)
              .join(' · ')
          }
        />
      )}
    </Dialog>
  );
}
