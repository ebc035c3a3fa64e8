// Stock levels (low / out of stock lists, look-up results): on hand, reorder level, status in words, and
// a button to ask for an adjustment of the row's product.
import { useTranslation } from 'react-i18next';
import type { StockStatus } from '../../../src-shared/contract/stock.js';
import { ColumnHeads } from '../../components/ColumnHeads.js';
import { formatQty } from '../../format/quantity.js';
import type { AdjustTarget } from './AdjustmentDialog.js';

export interface StockRow extends AdjustTarget {
  reorderLevelMilli: number;
  status: StockStatus | null;
  /** Extra column (the price in the look-up). */
  extra?: string;
}

export function StockLevelTable(props: {
  caption: string;
  rows: readonly StockRow[];
  empty: string;
  extraHeader?: string;
  onAdjust: (row: StockRow) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (props.rows.length === 0) return <p className="empty-state">{props.empty}</p>;
  return (
    <table className="data-table" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <ColumnHeads
        columns={[
          { label: t('stock.product') },
          { label: t('stock.sku') },
          props.extraHeader !== undefined &&
            props.extraHeader !== '' && { label: props.extraHeader, num: true },
          { label: t('stock.onHand'), num: true },
          { label: t('stock.reorderLevel'), num: true },
          { label: t('stock.status') },
          { label: t('stock.actions'), hidden: true },
        ]}
      />
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.productId}>
            <th scope="row">{row.name}</th>
            <td>{row.sku}</td>
            {props.extraHeader && <td className="num">{row.extra}</td>}
            <td className="num">{formatQty(row.onHandMilli)}</td>
            <td className="num">{formatQty(row.reorderLevelMilli)}</td>
            <td>
              {row.status && (
                <span className={`stock-status stock-${row.status}`}>
                  {t(`stock.statuses.${row.status}`)}
                </span>
              )}
            </td>
            <td>
              <button
                type="button"
                className="button button-small"
                aria-label={t('stock.adjustFor', { name: row.name })}
                onClick={() => {
                  props.onAdjust(row);
                }}
              >
                {t('stock.adjustShort')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
