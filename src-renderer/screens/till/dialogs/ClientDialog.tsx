// Attach a client to the sale (needed for credit): search by name or phone, pick one; or remove the client.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientView } from '../../../../src-shared/contract/catalog.js';
import { till } from '../../../api/till.js';
import { Dialog } from '../../../components/Dialog.js';
import { PickList } from '../../../components/PickList.js';
import { TextField } from '../../../components/TextField.js';
import { useSubmit } from '../../../components/use-submit.js';
import { reportError } from '../../../errors/report-error.js';
import { formatMoney } from '../../../format/money.js';
import { attachClient } from '../sale-actions.js';

export function ClientDialog(props: { hasClient: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [clients, setClients] = useState<ClientView[]>([]);
  const { busy, submit } = useSubmit(props.onClose);

  useEffect(() => {
    let stale = false;
    till()
      .call('catalog.clients', { query, limit: 10 })
      .then((found) => {
        if (!stale) setClients(found);
      })
      .catch(reportError);
    return () => {
      stale = true;
    };
  }, [query]);

  return (
    <Dialog title={t('client.title')} onClose={props.onClose} wide>
      <TextField label={t('client.search')} kind="search" value={query} onValue={setQuery} />
      <PickList
        label={t('client.results')}
        items={clients}
        busy={busy}
        onPick={(c) => {
          void submit(() => attachClient(c.id));
        }}
        main={(c) => c.name}
        sub={(c) =>
          `${c.phone ?? ''}${c.creditLimit > 0 ? ` · ${t('client.creditLimit', { amount: formatMoney(c.creditLimit) })}` : ''}`
        }
      >
        {clients.length === 0 && <li className="hint">{t('client.none')}</li>}
      </PickList>
      {props.hasClient && (
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => {
            void submit(() => attachClient(null));
          }}
        >
          {t('client.remove')}
        </button>
      )}
    </Dialog>
  );
}
