// Tender: split payments (cash, card + reference, M-Pesa + reference, credit to the attached client,
// voucher), the running balance, change due in large type, quick-cash buttons, and Complete → receipt.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  tenderNeedsReference,
  type TenderMethod,
  TENDER_METHODS,
} from '../../../src-shared/domain/tender.js';
import { TextField } from '../../components/TextField.js';
import { reportError } from '../../errors/report-error.js';
import { amountInputText, formatMoney, parseAmountInput } from '../../format/money.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { useNoticeStore } from '../../state/notice-store.js';
import { useSaleStore } from '../../state/sale-store.js';
import { useScreenStore } from '../../state/screen-store.js';
import { quickCashAmounts } from './quick-cash.js';
import { addTender, completeSale, removeTender } from './tender-actions.js';

const METHOD_KEYS: Record<TenderMethod, string> = {
  CASH: 'F2',
  CARD: 'F3',
  MPESA: 'F4',
  CREDIT: 'F5',
  VOUCHER: 'F6',
};

export function TenderScreen() {
  const { t } = useTranslation();
  const sale = useSaleStore((s) => s.sale);
  const navigate = useScreenStore((s) => s.navigate);
  const home = useScreenStore((s) => s.home);
  const [method, setMethod] = useState<TenderMethod>('CASH');
  const [amountText, setAmountText] = useState('');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const balance = sale?.payment.balance ?? 0;

  // The amount field offers what is left to pay, and gets the focus, whenever the balance or method changes.
  useEffect(() => {
    setAmountText(balance > 0 ? amountInputText(balance) : '');
    amountRef.current?.focus();
    amountRef.current?.select();
  }, [balance, method]);

  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      useNoticeStore.getState().clear();
      return true;
    } catch (error) {
      reportError(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const complete = () => {
    if (!sale) return;
    void run(async () => {
      const done = await completeSale(sale.id);
      navigate({ name: 'receipt', receipt: done.receipt });
    });
  };

  const pay = (payMethod: TenderMethod, amount: number, ref: string) => {
    if (!sale) return;
    void run(() => addTender(sale.id, payMethod, amount, ref)).then((ok) => {
      if (ok) setReference('');
    });
  };

  const shortcuts: Shortcut[] = [
    ...TENDER_METHODS.map((m): Shortcut => ({
      key: METHOD_KEYS[m],
      labelKey: `tender.methods.${m}`,
      run: () => {
        setMethod(m);
      },
    })),
    {
      key: 'F8',
      labelKey: 'tender.exactCash',
      disabled: balance <= 0 || busy,
      run: () => {
        pay('CASH', balance, '');
      },
    },
    { key: 'F9', labelKey: 'tender.back', run: home },
    { key: 'F10', labelKey: 'tender.complete', disabled: busy, run: complete },
    { key: 'Escape', labelKey: 'tender.back', hidden: true, run: home },
  ];
  useShortcuts(shortcuts);

  if (!sale) {
    return (
      <section className="panel panel-narrow">
        <p>{t('tender.noSale')}</p>
        <button type="button" className="button" onClick={home}>
          {t('tender.back')}
        </button>
      </section>
    );
  }

  const currency = sale.currency;
  const amount = parseAmountInput(amountText, currency);
  const needsRef = tenderNeedsReference(method);
  const canAdd = amount !== null && amount > 0 && (!needsRef || reference.trim() !== '') && !busy;
  const { payment } = sale;

  return (
    <div className="tender">
      <section className="tender-entry" aria-labelledby="tender-title">
        <h1 id="tender-title">{t('tender.title')}</h1>
        <fieldset className="method-picker">
          <legend>{t('tender.method')}</legend>
          {TENDER_METHODS.map((m) => (
            <label key={m} className={m === method ? 'method selected' : 'method'}>
              <input
                type="radio"
                name="tender-method"
                value={m}
                checked={m === method}
                onChange={() => {
                  setMethod(m);
                }}
              />
              <span>{t(`tender.methods.${m}`)}</span>
              <kbd aria-hidden="true">{METHOD_KEYS[m]}</kbd>
            </label>
          ))}
        </fieldset>
        {method === 'CREDIT' && (
          <p className="hint">
            {sale.client
              ? t('tender.creditFor', {
                  name: sale.client.name,
                  available: formatMoney(
                    Math.max(0, sale.client.creditLimit - sale.client.creditBalance),
                    currency,
                  ),
                })
              : t('tender.creditNeedsClient')}
          </p>
        )}
        <form
          className="tender-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (canAdd) pay(method, amount, reference);
          }}
        >
          <TextField
            ref={amountRef}
            label={t('tender.amount')}
            kind="amount"
            large
            autoComplete="off"
            value={amountText}
            onValue={setAmountText}
            onKeyDown={(e) => {
              // Enter in the empty field with nothing left to pay completes (keyboard flow: amount ⏎, ⏎).
              if (e.key === 'Enter' && payment.complete && amountText.trim() === '') {
                e.preventDefault();
                complete();
              }
            }}
          />
          {(needsRef || method === 'VOUCHER') && (
            <TextField
              label={t(`tender.reference.${method}`)}
              autoComplete="off"
              maxLength={64}
              value={reference}
              onValue={setReference}
            />
          )}
          <button type="submit" className="button button-primary" disabled={!canAdd}>
            {t('tender.add')}
          </button>
        </form>
        {method === 'CASH' && balance > 0 && (
          <div className="quick-cash" role="group" aria-label={t('tender.quickCash')}>
            {quickCashAmounts(balance).map((value) => (
              <button
                key={value}
                type="button"
                className="button quick"
                disabled={busy}
                onClick={() => {
                  pay('CASH', value, '');
                }}
              >
                {value === balance
                  ? t('tender.exact', { amount: formatMoney(value, currency) })
                  : formatMoney(value, currency)}
              </button>
            ))}
          </div>
        )}
      </section>
      <section className="tender-status" aria-label={t('tender.statusRegion')}>
        <dl className="tender-figures">
          <div>
            <dt>{t('tender.due')}</dt>
            <dd data-testid="amount-due">{formatMoney(payment.due, currency)}</dd>
          </div>
          <div>
            <dt>{t('tender.paid')}</dt>
            <dd data-testid="amount-paid">{formatMoney(payment.paid, currency)}</dd>
          </div>
          <div className={payment.balance > 0 ? 'figure-balance owing' : 'figure-balance'}>
            <dt>{t('tender.balance')}</dt>
            <dd data-testid="balance">{formatMoney(payment.balance, currency)}</dd>
          </div>
        </dl>
        <div className={payment.change > 0 ? 'change change-due' : 'change'} role="status" aria-live="polite">
          <span className="change-label">{t('tender.change')}</span>
          <span className="change-amount" data-testid="change-due">
            {formatMoney(payment.change, currency)}
          </span>
        </div>
        {sale.tenders.length > 0 && (
          <table className="tenders">
            <caption>{t('tender.payments')}</caption>
            <tbody>
              {sale.tenders.map((tender) => (
                <tr key={tender.id}>
                  <th scope="row">
                    {t(`tender.methods.${tender.method}`)}
                    {tender.reference ? <span className="ref"> {tender.reference}</span> : null}
                  </th>
                  <td className="num">{formatMoney(tender.amount, currency)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy}
                      aria-label={t('tender.remove', {
                        method: t(`tender.methods.${tender.method}`),
                        amount: formatMoney(tender.amount, currency),
                      })}
                      onClick={() => void run(() => removeTender(sale.id, tender.id))}
                    >
                      {t('tender.removeShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button
          type="button"
          className="button button-primary button-pay"
          disabled={busy}
          onClick={complete}
          aria-keyshortcuts="F10"
        >
          {t('tender.complete')} <kbd aria-hidden="true">F10</kbd>
        </button>
      </section>
    </div>
  );
}
