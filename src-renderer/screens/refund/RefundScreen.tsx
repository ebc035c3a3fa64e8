// Refund / return: find the sale by its receipt number (typed, or scanned from the receipt's barcode), choose
// lines and quantities (what is left to refund), a reason and — for a cashier — a manager's approval, refund
// to the original payments or in cash (refund.create), then the refund receipt preview.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefundView } from '../../../src-shared/contract/refund.js';
import type { SaleDetail } from '../../../src-shared/contract/sale.js';
import { till } from '../../api/till.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { TextField } from '../../components/TextField.js';
import { useSubmit } from '../../components/use-submit.js';
import { reportError } from '../../errors/report-error.js';
import { formatMoney } from '../../format/money.js';
import { formatQuantityDisplay } from '../../../src-shared/domain/quantity.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { useNoticeStore } from '../../state/notice-store.js';
import { useScreenStore } from '../../state/screen-store.js';
import { ReceiptView } from '../receipt/ReceiptView.js';
import { PrintablePreview } from '../shared/PrintablePreview.js';
import { localDateTime } from '../shared/local-time.js';
import { AuthorisationFields, useAuthorisation } from '../shared/AuthorisationFields.js';
import { setScanHandler } from '../till/scan-dispatch.js';
import { everythingLeft, refundSelection, type RefundQtyTexts } from './refund-lines.js';
import { RefundLinesTable } from './RefundLinesTable.js';

type RefundTender = 'original' | 'cash';

function FindReceipt(props: { busy: boolean; onFind: (receiptNumber: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <section className="panel panel-narrow" aria-labelledby="refund-find-title">
      <h1 id="refund-find-title">{t('refund.title')}</h1>
      <p>{t('refund.findBody')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== '') props.onFind(text.trim());
        }}
      >
        <TextField
          label={t('refund.receiptNumber')}
          large
          autoComplete="off"
          autoFocus
          maxLength={40}
          value={text}
          onValue={setText}
        />
        <button type="submit" className="button button-primary" disabled={props.busy || text.trim() === ''}>
          {t('refund.find')}
        </button>
      </form>
    </section>
  );
}

function RefundDone(props: { refund: RefundView; onAnother: () => void; onTill: () => void }) {
  const { t } = useTranslation();
  const { refund } = props;
  const print = () => {
    window.print();
  };
  useShortcuts([
    { key: 'F2', labelKey: 'receipt.print', run: print },
    { key: 'F3', labelKey: 'refund.another', run: props.onAnother },
    { key: 'F10', labelKey: 'refund.toTill', run: props.onTill },
    { key: 'Escape', labelKey: 'refund.toTill', run: props.onTill, hidden: true },
  ]);
  return (
    <PrintablePreview
      titleId="refund-done-title"
      actions={
        <>
          <h1 id="refund-done-title">{t('refund.doneTitle')}</h1>
          <p>{t('refund.doneBody', { number: refund.refundNumber, receipt: refund.receiptNumber })}</p>
          <p className="change-summary">
            {t('refund.paidBack')} <strong data-testid="refund-total">{formatMoney(refund.total)}</strong>
          </p>
          <ul className="plain-list">
            {refund.payments.map((p) => (
              <li key={p.id}>
                {t(`tender.methods.${p.method}`)}
                {p.reference ? ` ${p.reference}` : ''}: {formatMoney(p.amount)}
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" className="button" onClick={print}>
              {t('receipt.print')}
            </button>
            <button type="button" className="button" onClick={props.onAnother}>
              {t('refund.another')}
            </button>
            <button type="button" className="button button-primary" onClick={props.onTill} autoFocus>
              {t('refund.toTill')}
            </button>
          </div>
        </>
      }
    >
      <ReceiptView receipt={refund.receipt} />
    </PrintablePreview>
  );
}

function ChooseLines(props: {
  detail: SaleDetail;
  onAnother: () => void;
  onDone: (refund: RefundView) => void;
  onTill: () => void;
}) {
  const { t } = useTranslation();
  const { sale } = props.detail;
  const [texts, setTexts] = useState<RefundQtyTexts>({});
  const auth = useAuthorisation();
  const [tender, setTender] = useState<RefundTender>('original');
  const { busy, submit: run } = useSubmit(props.onDone);
  const selection = refundSelection(sale.lines, texts);
  const ready = selection.ready && auth.ready && !busy;
  const receiptNumber = sale.receiptNumber ?? '';

  const submit = () => {
    if (!ready) return;
    const authorised = auth.authorised();
    void run(() =>
      till().call('refund.create', {
        receiptNumber,
        lines: selection.lines,
        tender,
        reason: authorised.reason,
        ...(authorised.approval ? { approval: authorised.approval } : {}),
      }),
    );
  };
  const fillAll = () => {
    setTexts(everythingLeft(sale.lines, formatQuantityDisplay));
  };

  useShortcuts([
    { key: 'F3', labelKey: 'refund.another', run: props.onAnother },
    { key: 'F4', labelKey: 'refund.all', run: fillAll },
    { key: 'F9', labelKey: 'refund.toTill', run: props.onTill },
    { key: 'F10', labelKey: 'refund.submit', run: submit, disabled: !ready },
  ]);

  const refundable = sale.status === 'completed';
  return (
    <form
      className="refund"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <section className="panel refund-sale" aria-labelledby="refund-sale-title">
        <h1 id="refund-sale-title">{t('refund.saleTitle', { number: receiptNumber })}</h1>
        <p className="hint">
          {t('refund.saleMeta', {
            date: localDateTime(sale.completedAt),
            total: formatMoney(sale.payment.due, sale.currency),
          })}
          {sale.tenders
            .map((tn) => ` · ${t(`tender.methods.${tn.method}`)} ${formatMoney(tn.amount)}`)
            .join('')}
        </p>
        {!refundable && (
          <p className="field-problem" role="status">
            {t('refund.notRefundable')}
          </p>
        )}
        <RefundLinesTable
          lines={sale.lines}
          currency={sale.currency}
          texts={texts}
          problems={selection.problems}
          onChange={setTexts}
        />
        <div className="form-actions form-actions-start">
          <button type="button" className="button" onClick={fillAll} aria-keyshortcuts="F4">
            {t('refund.all')}
          </button>
        </div>
      </section>
      <section className="panel refund-side" aria-labelledby="refund-how-title">
        <h2 id="refund-how-title">{t('refund.howTitle')}</h2>
        <ChoiceGroup
          legend={t('refund.tender')}
          name="refund-tender"
          layout="column"
          options={['original', 'cash'] as const}
          value={tender}
          onChange={setTender}
          label={(value) => t(`refund.tenders.${value}`)}
        />
        <AuthorisationFields {...auth.fields} />
        <button
          type="submit"
          className="button button-primary button-wide"
          disabled={!ready || !refundable}
          aria-keyshortcuts="F10"
        >
          {t('refund.submit')} <kbd aria-hidden="true">F10</kbd>
        </button>
      </section>
    </form>
  );
}

export function RefundScreen() {
  const home = useScreenStore((s) => s.home);
  const [detail, setDetail] = useState<SaleDetail | null>(null);
  const [done, setDone] = useState<RefundView | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const find = (receiptNumber: string) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    till()
      .call('sale.findByReceipt', { receiptNumber })
      .then((found) => {
        useNoticeStore.getState().clear();
        setDone(null);
        setDetail(found);
      })
      .catch(reportError)
      .finally(() => {
        busyRef.current = false;
        setBusy(false);
      });
  };
  const findRef = useRef(find);
  findRef.current = find;

  // A receipt's barcode scanned by a hardware scanner looks the sale up (the till screen is not mounted).
  useEffect(() => {
    setScanHandler((code) => {
      findRef.current(code);
    });
    return () => {
      setScanHandler(null);
    };
  }, []);

  const another = () => {
    setDetail(null);
    setDone(null);
  };

  useShortcuts(
    detail || done
      ? []
      : [
          { key: 'F9', labelKey: 'refund.toTill', run: home },
          { key: 'Escape', labelKey: 'refund.toTill', run: home, hidden: true },
        ],
  );

  if (done) return <RefundDone refund={done} onAnother={another} onTill={home} />;
  if (detail) {
    return (
      <ChooseLines
        key={detail.sale.id}
        detail={detail}
        onAnother={another}
        onTill={home}
        onDone={(refund) => {
          setDone(refund);
          setDetail(null);
        }}
      />
    );
  }
  return <FindReceipt busy={busy} onFind={find} />;
}
