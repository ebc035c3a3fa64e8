// After a completed sale: the receipt preview, Print (the browser's print of the preview until the hardware
// issue wires printers), Reprint (the ledger's copy, marked COPY) and New sale.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { till } from '../../api/till.js';
import { reportError } from '../../errors/report-error.js';
import { formatMoney } from '../../format/money.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import type { Route } from '../../state/screen-store.js';
import { useScreenStore } from '../../state/screen-store.js';
import { ReceiptView } from './ReceiptView.js';

export function ReceiptScreen({ route }: { route: Extract<Route, { name: 'receipt' }> }) {
  const { t } = useTranslation();
  const navigate = useScreenStore((s) => s.navigate);
  const home = useScreenStore((s) => s.home);
  const [busy, setBusy] = useState(false);
  const receipt = route.receipt;

  const print = () => {
    window.print();
  };
  const reprint = () => {
    setBusy(true);
    till()
      .call('sale.get', { saleId: receipt.documentId })
      .then((detail) => {
        if (detail?.receipt) navigate({ name: 'receipt', receipt: detail.receipt });
      })
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };

  const shortcuts: Shortcut[] = [
    { key: 'F2', labelKey: 'receipt.print', run: print },
    { key: 'F3', labelKey: 'receipt.reprint', run: reprint, disabled: busy },
    { key: 'F10', labelKey: 'receipt.newSale', run: home },
    { key: 'Escape', labelKey: 'receipt.newSale', run: home, hidden: true },
  ];
  useShortcuts(shortcuts);

  return (
    <div className="receipt-screen">
      <section className="receipt-actions no-print" aria-labelledby="receipt-title">
        <h1 id="receipt-title">{receipt.copy ? t('receipt.titleCopy') : t('receipt.title')}</h1>
        <p className="change-summary">
          {t('receipt.changeDue')}{' '}
          <strong data-testid="change-summary">{formatMoney(receipt.change, receipt.currency)}</strong>
        </p>
        <div className="form-actions">
          <button type="button" className="button" onClick={print}>
            {t('receipt.print')}
          </button>
          <button type="button" className="button" onClick={reprint} disabled={busy}>
            {t('receipt.reprint')}
          </button>
          <button type="button" className="button button-primary" onClick={home} autoFocus>
            {t('receipt.newSale')}
          </button>
        </div>
      </section>
      <div className="receipt-paper">
        <ReceiptView receipt={receipt} />
      </div>
    </div>
  );
}
