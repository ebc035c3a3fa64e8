// The open sale's lines: what, how many, unit price (overrides marked), discount, line total. Clicking a
// row selects it (the line F2–F5 act on); the scan field keeps the focus.
// Rows are memoised and keyed by line id: the sale store keeps unchanged lines as the same objects, so a
// scan re-renders only the row it changed (and the table not at all while the cashier types).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleLineView } from '../../../src-shared/contract/sale.js';
import { ColumnHeads } from '../../components/ColumnHeads.js';
import { formatAmount } from '../../format/money.js';
import { formatQty } from '../../format/quantity.js';

export interface CartTableProps {
  lines: readonly SaleLineView[];
  currency: string;
  selectedLineId: string | null;
  /** Keep it stable (useCallback): a new function re-renders every row. */
  onSelect: (lineId: string) => void;
}

function OverrideBadge(props: { line: SaleLineView; currency: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge" title={props.line.overrideReason ?? undefined}>
      {t('till.overridden', { price: formatAmount(props.line.listUnitPrice, props.currency) })}
    </span>
  );
}

const CartRow = memo(function CartRow(props: {
  line: SaleLineView;
  currency: string;
  selected: boolean;
  onSelect: (lineId: string) => void;
}) {
  const { line, currency, selected, onSelect } = props;
  return (
    <tr
      className={selected ? 'cart-line selected' : 'cart-line'}
      aria-selected={selected}
      onClick={() => {
        onSelect(line.id);
      }}
    >
      <td className="num">{line.lineNo}</td>
      <td>
        <span className="line-name">{line.name}</span>
        {line.overridden && <OverrideBadge line={line} currency={currency} />}
      </td>
      <td className="num">{formatQty(line.qtyMilli, line.unit, line.soldByWeight)}</td>
      <td className="num">{formatAmount(line.unitPrice, currency)}</td>
      <td className="num">{line.lineDiscount > 0 ? `-${formatAmount(line.lineDiscount, currency)}` : ''}</td>
      <td className="num strong">{formatAmount(line.gross, currency)}</td>
    </tr>
  );
});

export const CartTable = memo(function CartTable(props: CartTableProps) {
  const { t } = useTranslation();
  if (props.lines.length === 0) {
    return (
      <div className="cart-empty" data-testid="cart">
        <p>{t('till.cartEmpty')}</p>
      </div>
    );
  }
  return (
    <div className="cart-scroll" data-testid="cart">
      <table className="cart">
        <caption className="visually-hidden">{t('till.cartCaption')}</caption>
        <ColumnHeads
          columns={[
            { label: '#', num: true },
            { label: t('till.item') },
            { label: t('till.qty'), num: true },
            { label: t('till.price'), num: true },
            { label: t('till.discount'), num: true },
            { label: t('till.lineTotal'), num: true },
          ]}
        />
        <tbody>
          {props.lines.map((line) => (
            <CartRow
              key={line.id}
              line={line}
              currency={props.currency}
              selected={line.id === props.selectedLineId}
              onSelect={props.onSelect}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
});
