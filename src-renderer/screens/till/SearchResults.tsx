// Search results under the scan field (a listbox the field controls): name, SKU, price, stock. Click or
// Enter adds the highlighted one.
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../src-shared/contract/catalog.js';
import { formatMoney } from '../../format/money.js';
import { formatQty } from '../../format/quantity.js';

export function optionId(productId: string): string {
  return `product-${productId}`;
}

export function SearchResults(props: {
  id: string;
  results: readonly ProductView[];
  highlighted: number;
  onPick: (product: ProductView) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul id={props.id} className="search-results" role="listbox" aria-label={t('till.searchResults')}>
      {props.results.map((p, i) => (
        <li
          key={p.id}
          id={optionId(p.id)}
          role="option"
          aria-selected={i === props.highlighted}
          className={i === props.highlighted ? 'result highlighted' : 'result'}
          onMouseDown={(event) => {
            event.preventDefault(); // keep the focus in the scan field
          }}
          onClick={() => {
            props.onPick(p);
          }}
        >
          <span className="result-name">{p.name}</span>
          <span className="result-sku">{p.sku}</span>
          <span className="result-stock">
            {p.trackStock ? t('till.onHand', { qty: formatQty(p.onHandMilli, p.unit, p.soldByWeight) }) : ''}
          </span>
          <span className="result-price">
            {formatMoney(p.price)}
            {p.soldByWeight && p.unit ? ` / ${p.unit}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
