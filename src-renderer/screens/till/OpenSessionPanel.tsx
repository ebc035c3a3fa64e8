// No cash session is open at this till: a sale needs one. Count the float in the drawer and open it.
// (The full cash-session screen — paid in/out, close, X/Z — is its own screen.)
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.js';
import { reportError } from '../../errors/report-error.js';
import { parseAmountInput } from '../../format/money.js';
import { openCashSession } from '../../shell/session-actions.js';
import { useNoticeStore } from '../../state/notice-store.js';

export function OpenSessionPanel(props: { onOpened: () => void }) {
  const { t } = useTranslation();
  const [float, setFloat] = useState('');
  const [busy, setBusy] = useState(false);
  const amount = parseAmountInput(float);
  return (
    <section className="panel panel-narrow open-session" aria-labelledby="open-session-title">
      <h1 id="open-session-title">{t('openSession.title')}</h1>
      <p>{t('openSession.body')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (amount === null) return;
          setBusy(true);
          openCashSession(amount)
            .then(() => {
              useNoticeStore.getState().clear();
              props.onOpened();
            })
            .catch(reportError)
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        <TextField label={t('openSession.float')} kind="amount" autoFocus value={float} onValue={setFloat} />
        <button type="submit" className="button button-primary" disabled={amount === null || busy}>
          {t('openSession.submit')}
        </button>
      </form>
    </section>
  );
}
