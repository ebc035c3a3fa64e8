// The manager's approvals queue: pending stock adjustments, oldest first, each approved (the stock moves)
// or rejected (nothing moves) with stock.approveAdjustment / stock.rejectAdjustment.
import { useTranslation } from 'react-i18next';
import type { StockAdjustmentView } from '../../../src-shared/contract/stock.js';
import { formatQuantityDisplay } from '../../../src-shared/domain/quantity.js';
import { ColumnHeads } from '../../components/ColumnHeads.js';
import { localDateTime } from '../shared/local-time.js';

function signedQty(qtyDeltaMilli: number): string {
  const text = formatQuantityDisplay(Math.abs(qtyDeltaMilli));
  return qtyDeltaMilli < 0 ? `−${text}` : `+${text}`;
}

export function ApprovalsQueue(props: {
  items: readonly StockAdjustmentView[];
  busy: boolean;
  /** The logged-in manager: their own requests need another manager (or the owner) to approve. */
  operatorId: string | null;
  isOwner: boolean;
  onDecide: (adjustment: StockAdjustmentView, decision: 'approve' | 'reject') => void;
}) {
  const { t } = useTranslation();
  if (props.items.length === 0) return <p className="empty-state">{t('stock.approvals.none')}</p>;
  return (
    <table className="data-table" data-testid="approvals">
      <caption>{t('stock.approvals.caption')}</caption>
      <ColumnHeads
        columns={[
          { label: t('stock.product') },
          { label: t('stock.approvals.change'), num: true },
          { label: t('stock.approvals.reason') },
          { label: t('stock.approvals.requestedBy') },
          { label: t('stock.actions'), hidden: true },
        ]}
      />
      <tbody>
        {props.items.map((a) => {
          const name = a.name ?? a.productId;
          const own = a.requestedBy === props.operatorId && !props.isOwner;
          return (
            <tr key={a.id}>
              <th scope="row">
                <span className="line-name">{name}</span>
                {a.sku && <span className="pick-sub">{a.sku}</span>}
              </th>
              <td className="num strong">{signedQty(a.qtyDeltaMilli)}</td>
              <td>
                {a.reason}
                {a.note && <span className="pick-sub">{a.note}</span>}
              </td>
              <td>
                {a.requestedByName ?? a.requestedBy}
                <span className="pick-sub">{localDateTime(a.requestedAt)}</span>
              </td>
              <td>
                <div className="row-actions">
                  {own ? (
                    <span className="hint">{t('stock.approvals.ownRequest')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-small button-primary"
                      disabled={props.busy}
                      aria-label={t('stock.approvals.approveFor', { name })}
                      onClick={() => {
                        props.onDecide(a, 'approve');
                      }}
                    >
                      {t('stock.approvals.approve')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small button-danger"
                    disabled={props.busy}
                    aria-label={t('stock.approvals.rejectFor', { name })}
                    onClick={() => {
                      props.onDecide(a, 'reject');
                    }}
                  >
                    {t('stock.approvals.reject')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
