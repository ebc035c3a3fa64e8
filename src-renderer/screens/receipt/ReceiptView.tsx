// A receipt as the customer reads it, rendered from the ReceiptModel (the same model the printer uses):
// store header, lines, tax by band, total, payments, change, footer. Reprints say COPY; voids say VOID;
// refunds say REFUND and name the original receipt.
import { useTranslation } from 'react-i18next';
import type { ReceiptModel } from '../../../src-shared/contract/receipt.js';
import { formatAmount, formatMoney } from '../../format/money.js';

function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

export function ReceiptView({ receipt }: { receipt: ReceiptModel }) {
  const { t } = useTranslation();
  const c = receipt.currency;
  return (
    <article className="receipt" aria-label={t('receipt.label', { number: receipt.receiptNumber })}>
      {receipt.copy && <p className="receipt-mark">{t('receipt.copy')}</p>}
      {receipt.voided && <p className="receipt-mark">{t('receipt.void')}</p>}
      {receipt.kind === 'refund' && <p className="receipt-mark">{t('receipt.refund')}</p>}
      <header className="receipt-header">
        <p className="receipt-store">{receipt.store.name}</p>
        {receipt.store.address && <p>{receipt.store.address}</p>}
        {receipt.store.phone && <p>{t('receipt.phone', { phone: receipt.store.phone })}</p>}
        {receipt.store.kraPin && <p>{t('receipt.kraPin', { pin: receipt.store.kraPin })}</p>}
      </header>
      <dl className="receipt-meta">
        <div>
          <dt>{t('receipt.number')}</dt>
          <dd data-testid="receipt-number">{receipt.receiptNumber}</dd>
        </div>
        {receipt.originalReceiptNumber && (
          <div>
            <dt>{t('receipt.original')}</dt>
            <dd>{receipt.originalReceiptNumber}</dd>
          </div>
        )}
        <div>
          <dt>{t('receipt.date')}</dt>
          <dd>{localTime(receipt.timestamp)}</dd>
        </div>
        <div>
          <dt>{t('receipt.cashier')}</dt>
          <dd>
            {receipt.cashier} · {receipt.terminalCode}
          </dd>
        </div>
        {receipt.client && (
          <div>
            <dt>{t('receipt.client')}</dt>
            <dd>{receipt.client.name}</dd>
          </div>
        )}
      </dl>
      <table className="receipt-lines">
        <caption className="visually-hidden">{t('receipt.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('receipt.item')}</th>
            <th scope="col" className="num">
              {t('receipt.amount', { currency: c })}
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line, i) => (
            <tr key={`${line.sku}-${i}`}>
              <td>
                <span className="receipt-line-name">{line.name}</span>
                <span className="receipt-line-detail">
                  {line.qtyDisplay} × {formatAmount(line.unitPrice, c)}
                  {line.overridden ? ` (${t('receipt.priceOverride')})` : ''}
                  {line.discount > 0 ? ` −${formatAmount(line.discount, c)}` : ''}
                </span>
              </td>
              <td className="num">
                {formatAmount(line.lineTotal, c)} {line.band}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="receipt-totals">
        <div>
          <dt>{t('receipt.subtotal')}</dt>
          <dd>{formatMoney(receipt.subtotal, c)}</dd>
        </div>
        {receipt.discountTotal > 0 && (
          <div>
            <dt>{t('receipt.discount')}</dt>
            <dd>-{formatMoney(receipt.discountTotal, c)}</dd>
          </div>
        )}
        {receipt.taxes.map((tax) => (
          <div key={tax.taxClass} className="receipt-tax">
            <dt>
              {tax.band} {tax.label}
            </dt>
            <dd>{formatMoney(tax.tax, c)}</dd>
          </div>
        ))}
        {receipt.rounding !== 0 && (
          <div>
            <dt>{t('receipt.rounding')}</dt>
            <dd>{formatMoney(receipt.rounding, c)}</dd>
          </div>
        )}
        <div className="receipt-total">
          <dt>{t('receipt.total')}</dt>
          <dd data-testid="receipt-total">{formatMoney(receipt.totalDue, c)}</dd>
        </div>
        {receipt.tenders.map((tender, i) => (
          <div key={`${tender.method}-${i}`}>
            <dt>
              {t(`tender.methods.${tender.method}`)}
              {tender.reference ? ` ${tender.reference}` : ''}
            </dt>
            <dd>{formatMoney(tender.amount, c)}</dd>
          </div>
        ))}
        <div className="receipt-change">
          <dt>{t('receipt.change')}</dt>
          <dd data-testid="receipt-change">{formatMoney(receipt.change, c)}</dd>
        </div>
      </dl>
      {receipt.footer && <p className="receipt-footer">{receipt.footer}</p>}
    </article>
  );
}
