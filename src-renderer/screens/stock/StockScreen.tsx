// Stock: low and out-of-stock lists, a product look-up with stock on hand, adjustment requests (anyone),
// and the manager's approvals queue. F2–F5 switch lists; each row can ask for an adjustment.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../src-shared/contract/catalog.js';
import type { StockAdjustmentView, StockLevelView } from '../../../src-shared/contract/stock.js';
import { till } from '../../api/till.js';
import { TextField } from '../../components/TextField.js';
import { reportError, reportInfo } from '../../errors/report-error.js';
import { formatMoney } from '../../format/money.js';
import { formatQty } from '../../format/quantity.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { useScreenStore } from '../../state/screen-store.js';
import { useSessionStore } from '../../state/session-store.js';
import { isManager } from '../menu/menu-entries.js';
import { AdjustmentDialog, type AdjustTarget } from './AdjustmentDialog.js';
import { ApprovalsQueue } from './ApprovalsQueue.js';
import { StockLevelTable, type StockRow } from './StockLevelTable.js';

type Tab = 'low' | 'out' | 'lookup' | 'approvals';

const TAB_KEYS: Readonly<Record<Tab, string>> = { low: 'F2', out: 'F3', lookup: 'F4', approvals: 'F5' };
const LIST_LIMIT = 200;

function levelRow(level: StockLevelView): StockRow {
  return {
    productId: level.productId,
    name: level.name,
    sku: level.sku,
    onHandMilli: level.onHandMilli,
    reorderLevelMilli: level.reorderLevelMilli,
    status: level.status,
  };
}

function productRow(product: ProductView): StockRow {
  return {
    productId: product.id,
    name: product.name,
    sku: product.sku,
    onHandMilli: product.onHandMilli,
    reorderLevelMilli: product.reorderLevelMilli,
    status: null,
    extra: formatMoney(product.price),
  };
}

function ProductLookup(props: { onAdjust: (row: StockRow) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ProductView[] | null>(null);
  useEffect(() => {
    const text = query.trim();
    if (text === '') {
      setResults(null);
      return;
    }
    let current = true;
    till()
      .call('catalog.search', { query: text, limit: 25 })
      .then((found) => {
        if (current) setResults(found.products);
      })
      .catch(reportError);
    return () => {
      current = false;
    };
  }, [query]);
  return (
    <>
      <TextField
        label={t('stock.lookup.label')}
        kind="search"
        large
        autoComplete="off"
        autoFocus
        value={query}
        onValue={setQuery}
      />
      {results && (
        <StockLevelTable
          caption={t('stock.lookup.caption')}
          rows={results.map(productRow)}
          empty={t('stock.lookup.none')}
          extraHeader={t('stock.price')}
          onAdjust={props.onAdjust}
          testId="lookup-results"
        />
      )}
    </>
  );
}

export function StockScreen() {
  const { t } = useTranslation();
  const home = useScreenStore((s) => s.home);
  const operator = useSessionStore((s) => s.operator);
  const manager = isManager(operator?.role);
  const [tab, setTab] = useState<Tab>('low');
  const [levels, setLevels] = useState<{ items: StockLevelView[]; total: number } | null>(null);
  const [pending, setPending] = useState<StockAdjustmentView[] | null>(null);
  const [adjusting, setAdjusting] = useState<AdjustTarget | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback((which: Tab) => {
    if (which === 'lookup') return;
    if (which === 'approvals') {
      till()
        .call('stock.pendingAdjustments', { limit: LIST_LIMIT })
        .then((page) => {
          setPending(page.items);
        })
        .catch(reportError);
      return;
    }
    setLevels(null);
    till()
      .call(which === 'low' ? 'stock.lowStock' : 'stock.outOfStock', { limit: LIST_LIMIT })
      .then((page) => {
        setLevels({ items: page.items, total: page.total });
      })
      .catch(reportError);
  }, []);

  useEffect(() => {
    load(tab);
  }, [tab, load]);

  const decide = (adjustment: StockAdjustmentView, decision: 'approve' | 'reject') => {
    setBusy(true);
    till()
      .call(decision === 'approve' ? 'stock.approveAdjustment' : 'stock.rejectAdjustment', {
        adjustmentId: adjustment.id,
      })
      .then((result) => {
        reportInfo(
          t(decision === 'approve' ? 'stock.approvals.approved' : 'stock.approvals.rejected', {
            name: result.adjustment.name ?? '',
            onHand: formatQty(result.level.onHandMilli),
          }),
          'success',
        );
        load('approvals');
      })
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };

  const tabs: Tab[] = manager ? ['low', 'out', 'lookup', 'approvals'] : ['low', 'out', 'lookup'];
  const shortcuts: Shortcut[] = [
    ...tabs.map((name) => ({
      key: TAB_KEYS[name],
      labelKey: `stock.tabs.${name}`,
      run: () => {
        setTab(name);
      },
    })),
    { key: 'F9', labelKey: 'stock.toTill', run: home },
    { key: 'Escape', labelKey: 'stock.toTill', run: home, hidden: true },
  ];
  useShortcuts(shortcuts);

  return (
    <div className="back-office">
      <section className="panel" aria-labelledby="stock-title">
        <h1 id="stock-title">{t('stock.title')}</h1>
        <nav className="tab-bar" aria-label={t('stock.tabsRegion')}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              className="button tab"
              aria-current={tab === name ? 'page' : undefined}
              aria-keyshortcuts={TAB_KEYS[name]}
              onClick={() => {
                setTab(name);
              }}
            >
              <kbd aria-hidden="true">{TAB_KEYS[name]}</kbd> {t(`stock.tabs.${name}`)}
            </button>
          ))}
        </nav>
        {(tab === 'low' || tab === 'out') &&
          (levels ? (
            <StockLevelTable
              caption={t(`stock.captions.${tab}`, { count: levels.total })}
              rows={levels.items.map(levelRow)}
              empty={t(`stock.empty.${tab}`)}
              onAdjust={setAdjusting}
              testId={`stock-${tab}`}
            />
          ) : (
            <p className="hint">{t('common.loading')}</p>
          ))}
        {tab === 'lookup' && <ProductLookup onAdjust={setAdjusting} />}
        {tab === 'approvals' &&
          (pending ? (
            <ApprovalsQueue
              items={pending}
              busy={busy}
              operatorId={operator?.id ?? null}
              isOwner={operator?.role === 'owner'}
              onDecide={decide}
            />
          ) : (
            <p className="hint">{t('common.loading')}</p>
          ))}
      </section>
      {adjusting && (
        <AdjustmentDialog
          target={adjusting}
          onClose={() => {
            setAdjusting(null);
          }}
          onDone={(adjustment) => {
            setAdjusting(null);
            reportInfo(t('stock.adjust.requested', { name: adjustment.name ?? '' }), 'success');
            if (tab === 'approvals') load('approvals');
          }}
        />
      )}
    </div>
  );
}
