// Attach a client to the sale (needed for credit): search by name or phone, pick one; or remove the client.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientView } from '../../../../src-shared/contract/catalog.js';
import { till } from '../../../api/till.js';
import { Dialog } from '../../../components/Dialog.js';
import { reportError } from '../../../errors/report-error.js';
import { formatMoney } from '../../../format/money.js';
import { attachClient } from '../sale-actions.js';
import { useDialogSubmit } from './use-dialog-submit.js';

export function ClientDialog(props: { hasClient: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [clients, setClients] = useState<ClientView[]>([]);
  const { busy, submit } = useDialogSubmit(props.onClose);

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
      <label className="field">
        <span className="field-label">{t('client.search')}</span>
        <input
          className="input"
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
          }}
        />
      </label>
      <ul className="pick-list" aria-label={t('client.results')}>
        {clients.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="pick-item"
              disabled={busy}
              onClick={() => {
                void submit(() => attachClient(c.id));
              }}
            >
              <span className="pick-main">{c.name}</span>
              <span className="pick-sub">
                {c.phone ?? ''}
                {c.creditLimit > 0
                  ? ` · ${t('client.creditLimit', { amount: formatMoney(c.creditLimit) })}`
                  : ''}
              </span>
            </button>
          </li>
        ))}
        {clients.length === 0 && <li className="hint">{t('client.none')}</li>}
      </ul>
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
