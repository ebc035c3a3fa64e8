// The drawer count by note and coin (KES_DENOMINATIONS from the domain): one count box per denomination,
// its subtotal, and the counted total. What was typed stays text; denomination-count.ts turns it into counts.
import { useTranslation } from 'react-i18next';
import { ColumnHeads } from '../../components/ColumnHeads.js';
import { formatMoney } from '../../format/money.js';
import type { CountTexts, DrawerCount } from './denomination-count.js';

export function DenominationCountTable(props: {
  count: DrawerCount;
  texts: CountTexts;
  onChange: (texts: CountTexts) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table denominations" data-testid="denomination-count">
      <caption>{t('session.close.byDenomination')}</caption>
      <ColumnHeads
        columns={[
          { label: t('session.close.denomination') },
          { label: t('session.close.count') },
          { label: t('session.close.subtotal'), num: true },
        ]}
      />
      <tbody>
        {props.count.rows.map((row, i) => {
          const { value, label, kind } = row.denomination;
          const name = t(`session.close.${kind}`, { label });
          return (
            <tr key={value} className={row.count === null ? 'row-invalid' : undefined}>
              <th scope="row">{name}</th>
              <td>
                <input
                  className="input input-count"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  autoFocus={i === 0}
                  aria-label={t('session.close.countOf', { name })}
                  aria-invalid={row.count === null}
                  value={props.texts[value] ?? ''}
                  onChange={(e) => {
                    props.onChange({ ...props.texts, [value]: e.target.value });
                  }}
                />
              </td>
              <td className="num">
                {row.count === null ? t('session.close.notACount') : formatMoney(row.subtotal)}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {t('session.close.countedTotal')}
          </th>
          <td className="num strong" data-testid="counted-total">
            {formatMoney(props.count.total)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
