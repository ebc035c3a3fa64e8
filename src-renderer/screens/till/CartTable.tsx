// The open sale's lines: what, how many, unit price (overrides marked), discount, line total. Clicking a
// row selects it (the line F2–F5 act on); the scan field keeps the focus.
import { useTranslation } from 'react-i18next';
import type { SaleLineView } from '../../../src-shared/contract/sale.js';
import { ColumnHeads } from '../../components/ColumnHeads.js';
import { formatAmount } from '../../format/money.js';
import { formatQty } from '../../format/quantity.js';

export function CartTable(props: {
  lines: readonly SaleLineView[];
  currency: string;
  selectedLineId: string | null;
  onSelect: (lineId: string) => void;
}) {
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
          {props.lines.map((line) => {
            const selected = line.id === props.selectedLineId;
            return (
              <tr
                key={line.id}
                className={selected ? 'cart-line selected' : 'cart-line'}
                aria-selected={selected}
                onClick={() => {
                  props.onSelect(line.id);
                }}
              >
                <td className="num">{line.lineNo}</td>
                <td>
                  <span className="line-name">{line.name}</span>
                  {line.overridden && (
                    <span className="badge" title={line.overrideReason ?? undefined}>
                      {t('till.overridden', { price: formatAmount(line.listUnitPrice, props.currency) })}
                    </span>
                  )}
                </td>
                <td className="num">{formatQty(line.qtyMilli, line.unit, line.soldByWeight)}</td>
                <td className="num">{formatAmount(line.unitPrice, props.currency)}</td>
                <td className="num">
                  {line.lineDiscount > 0 ? `-${formatAmount(line.lineDiscount, props.currency)}` : ''}
                </td>
                <td className="num strong">{formatAmount(line.gross, props.currency)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
