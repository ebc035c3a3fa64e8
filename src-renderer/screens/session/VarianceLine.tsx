// The variance in words and colour: "Short by KES 50.00" (red), "Over by KES 20.00" / "Balanced" (green).
// Both colours are dark on a light tint (WCAG AA); the words carry the meaning without the colour.
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../format/money.js';
import { varianceWords } from './denomination-count.js';

export function VarianceLine(props: { variance: number; live?: boolean }) {
  const { t } = useTranslation();
  const words = varianceWords(props.variance);
  return (
    <p className={`variance variance-${words.tone}`} data-testid="variance" role="status">
      <span className="variance-label">
        {props.live ? t('session.variance.liveLabel') : t('session.variance.label')}
      </span>{' '}
      <strong>{t(words.key, { amount: formatMoney(words.amount) })}</strong>
    </p>
  );
}
