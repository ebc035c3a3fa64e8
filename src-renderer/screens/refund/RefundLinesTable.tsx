// The lines of the sale being refunded: sold, already refunded, left, and the quantity to refund now (limited
// to what is left; a box with a problem says what is wrong next to it).
import { useTranslation } from 'react-i18next';
import type { SaleLineView } from '../../../src-shared/contract/sale.js';
import { ColumnHeads } from '../../components/ColumnHeads.js';
import { formatMoney } from '../../format/money.js';
import { formatQty } from '../../format/quantity.js';
import { refundableMilli, type RefundQtyProblem, type RefundQtyTexts } from './refund-lines.js';

export function RefundLinesTable(props: {
  lines: readonly SaleLineView[];
  currency: string;
  texts: RefundQtyTexts;
  problems: Readonly<Record<string, RefundQtyProblem>>;
  onChange: (texts: RefundQtyTexts) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table refund-lines" data-testid="refund-lines">
      <caption className="visually-hidden">{t('refund.linesCaption')}</caption>
      <ColumnHeads
        columns={[
          { label: t('refund.item') },
          { label: t('refund.unitPrice'), num: true },
          { label: t('refund.sold'), num: true },
          { label: t('refund.refunded'), num: true },
          { label: t('refund.left'), num: true },
          { label: t('refund.qtyToRefund') },
        ]}
      />
      <tbody>
        {props.lines.map((line, i) => {
          const left = refundableMilli(line);
          const problem = props.problems[line.id];
          const problemId = `refund-problem-${line.id}`;
          const qty = (milli: number) => formatQty(milli, line.unit, line.soldByWeight);
          return (
            <tr key={line.id} className={left === 0 ? 'row-done' : undefined}>
              <th scope="row">
                <span className="line-name">{line.name}</span>
                <span className="pick-sub">{line.sku}</span>
              </th>
              <td className="num">{formatMoney(line.unitPrice, props.currency)}</td>
              <td className="num">{qty(line.qtyMilli)}</td>
              <td className="num">{qty(line.refundedQtyMilli)}</td>
              <td className="num" data-testid="refund-left">
                {qty(left)}
              </td>
              <td>
                <input
                  className="input input-count"
                  type="text"
                  inputMode={line.soldByWeight ? 'decimal' : 'numeric'}
                  autoComplete="off"
                  autoFocus={i === 0}
                  disabled={left === 0}
                  aria-label={t('refund.qtyOf', { name: line.name })}
                  aria-invalid={problem !== undefined}
                  aria-describedby={problem ? problemId : undefined}
                  value={props.texts[line.id] ?? ''}
                  onChange={(e) => {
                    props.onChange({ ...props.texts, [line.id]: e.target.value });
                  }}
                />
                {problem && (
                  <span id={problemId} className="field-problem">
                    {t(`refund.problems.${problem}`, { left: qty(left) })}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
