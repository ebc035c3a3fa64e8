// The sale's side panel: client, subtotal, discounts, tax, the total in large type, and Pay. Memoised: it
// re-renders when the sale changes, not on every keystroke in the scan field (keep onPay stable).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../src-shared/contract/sale.js';
import { formatMoney } from '../../format/money.js';

export const SaleSummary = memo(function SaleSummary(props: { sale: SaleView | null; onPay: () => void }) {
  const { t } = useTranslation();
  const sale = props.sale;
  const currency = sale?.currency ?? 'KES';
  const totals = sale?.totals;
  const itemCount = sale?.lines.length ?? 0;
  return (
    <aside className="sale-summary" aria-label={t('till.summaryRegion')}>
      <div className="summary-client" data-testid="sale-client">
        <span className="field-label">{t('till.client')}</span>
        <span>{sale?.client ? sale.client.name : t('till.noClient')}</span>
      </div>
      <dl className="totals">
        <div>
          <dt>{t('till.subtotal')}</dt>
          <dd>{formatMoney(totals?.subtotal ?? 0, currency)}</dd>
        </div>
        {(totals?.discountTotal ?? 0) > 0 && (
          <div>
            <dt>{t('till.discounts')}</dt>
            <dd>-{formatMoney(totals?.discountTotal ?? 0, currency)}</dd>
          </div>
        )}
        <div>
          <dt>{t('till.tax')}</dt>
          <dd>{formatMoney(totals?.taxTotal ?? 0, currency)}</dd>
        </div>
        <div className="total-row">
          <dt>{t('till.total')}</dt>
          <dd data-testid="sale-total">{formatMoney(totals?.total ?? 0, currency)}</dd>
        </div>
      </dl>
      <p className="hint">{t('till.itemCount', { count: itemCount })}</p>
      <button
        type="button"
        className="button button-primary button-pay"
        disabled={itemCount === 0}
        onClick={props.onPay}
        aria-keyshortcuts="F10"
      >
        {t('till.pay')} <kbd aria-hidden="true">F10</kbd>
      </button>
    </aside>
  );
});
