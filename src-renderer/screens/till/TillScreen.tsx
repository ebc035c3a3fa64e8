// The till: the scan/search field (always focused), search results, the cart, the sale's totals, and the
// F-key actions on the selected line and the sale. Scans (wedge bursts and hardware scanner events) add
// by code; a person's Enter adds the highlighted search result; unknown codes beep and say so.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../src-shared/contract/catalog.js';
import { TillError } from '../../../src-shared/contract/errors.js';
import type { SaleLineView } from '../../../src-shared/contract/sale.js';
import { reportError } from '../../errors/report-error.js';
import { errorBeep } from '../../scanner/beep.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { lockScreen } from '../../shell/session-actions.js';
import { useNoticeStore } from '../../state/notice-store.js';
import { useSaleStore } from '../../state/sale-store.js';
import { useScreenStore } from '../../state/screen-store.js';
import { useSessionStore } from '../../state/session-store.js';
import { CartTable } from './CartTable.js';
import { ClientDialog } from './dialogs/ClientDialog.js';
import { DiscountDialog } from './dialogs/DiscountDialog.js';
import { PriceOverrideDialog } from './dialogs/PriceOverrideDialog.js';
import { QuantityDialog } from './dialogs/QuantityDialog.js';
import { RecallDialog } from './dialogs/RecallDialog.js';
import { SwitchUserDialog } from './dialogs/SwitchUserDialog.js';
import { VoidLineDialog } from './dialogs/VoidLineDialog.js';
import { OpenSessionPanel } from './OpenSessionPanel.js';
import * as actions from './sale-actions.js';
import { SaleSummary } from './SaleSummary.js';
import { ScanField } from './ScanField.js';
import { setScanHandler } from './scan-dispatch.js';
import { optionId, SearchResults } from './SearchResults.js';
import { useProductSearch } from './use-product-search.js';

type DialogState =
  | null
  | { kind: 'quantity' | 'price' | 'void' | 'lineDiscount' | 'cartDiscount' | 'client' | 'recall' | 'switch' }
  | { kind: 'weight'; product: ProductView };

/** Codes that mean "this code is not something we sell": beep, say so, leave the cart as it was. */
const BAD_CODE = new Set(['UNKNOWN_BARCODE', 'BAD_CHECK_DIGIT', 'PRODUCT_INACTIVE', 'INVALID_BARCODE']);

const RESULTS_ID = 'search-results';
const NO_LINES: readonly SaleLineView[] = [];

export function TillScreen() {
  const { t } = useTranslation();
  const cashSession = useSessionStore((s) => s.cashSession);
  const sale = useSaleStore((s) => s.sale);
  const selectedLineId = useSaleStore((s) => s.selectedLineId);
  const selectLine = useSaleStore((s) => s.selectLine);
  const navigate = useScreenStore((s) => s.navigate);
  const search = useProductSearch();
  const [highlighted, setHighlighted] = useState(0);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [busy, setBusy] = useState(false);
  const scanRef = useRef<HTMLInputElement>(null);

  const focusScan = useCallback(() => {
    scanRef.current?.focus();
  }, []);

  const closeDialog = useCallback(() => {
    setDialog(null);
  }, []);

  // Stable handlers for the memoised cart and summary: typing in the scan field re-renders this screen,
  // never the cart's rows.
  const onSelectLine = useCallback(
    (lineId: string) => {
      selectLine(lineId);
      focusScan();
    },
    [selectLine, focusScan],
  );
  const goToTender = useCallback(() => {
    navigate({ name: 'tender' });
  }, [navigate]);

  useEffect(() => {
    if (dialog === null) focusScan();
  }, [dialog, focusScan, cashSession]);

  // The scan field keeps the focus: a character typed (or scanned) while nothing editable has the focus
  // goes to the field, so a scan never lands on a button.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      const active = document.activeElement;
      if (
        active instanceof HTMLInputElement ||
        active instanceof HTMLTextAreaElement ||
        active instanceof HTMLSelectElement ||
        document.querySelector('dialog[open]')
      )
        return;
      scanRef.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);

  const selectedLine = sale?.lines.find((l) => l.id === selectedLineId) ?? null;

  const run = useCallback(
    async (action: () => Promise<unknown>, badCodeBeeps = false): Promise<boolean> => {
      setBusy(true);
      try {
        await action();
        useNoticeStore.getState().clear();
        return true;
      } catch (error) {
        const code = error instanceof TillError ? error.code : null;
        if (badCodeBeeps && code !== null && BAD_CODE.has(code)) errorBeep();
        reportError(error);
        return false;
      } finally {
        setBusy(false);
        focusScan();
      }
    },
    [focusScan],
  );

  // The entry is over (scanned, picked, Escape): empty the field (it holds its own text) and the results.
  const clearSearch = search.clear;
  const clearEntry = useCallback(() => {
    clearSearch();
    if (scanRef.current) scanRef.current.value = '';
    setHighlighted(0);
  }, [clearSearch]);

  const addScanned = useCallback(
    (code: string) => {
      clearEntry();
      void run(() => actions.addByCode(code), true);
    },
    [clearEntry, run],
  );

  // Hardware scanners (till event scanner.scan) reach the same handler as a wedge scan.
  useEffect(() => {
    setScanHandler(addScanned);
    return () => {
      setScanHandler(null);
    };
  }, [addScanned]);

  const pick = (product: ProductView) => {
    clearEntry();
    if (product.soldByWeight) {
      setDialog({ kind: 'weight', product });
      return;
    }
    void run(() => actions.addProduct(product.id));
  };

  const typedEnter = async (text: string) => {
    const index = highlighted;
    const results = await search.resultsFor(text);
    clearEntry();
    const chosen = results[Math.min(index, results.length - 1)];
    if (chosen) pick(chosen);
    else addScanned(text); // nothing matches by name: it may still be a code (else: beep, unknown code)
  };

  const moveHighlight = (direction: 1 | -1) => {
    if (search.results.length > 0) {
      setHighlighted((h) => (h + direction + search.results.length) % search.results.length);
      return;
    }
    const lines = sale?.lines ?? [];
    if (lines.length === 0) return;
    const at = lines.findIndex((l) => l.id === selectedLineId);
    const next = lines[Math.max(0, Math.min(lines.length - 1, (at < 0 ? lines.length : at) + direction))];
    if (next) selectLine(next.id);
  };

  const hasLines = (sale?.lines.length ?? 0) > 0;
  const open = (kind: Exclude<Exclude<DialogState, null>['kind'], 'weight'>) => () => {
    setDialog({ kind });
  };
  const shortcuts: Shortcut[] = [
    { key: 'F1', labelKey: 'till.actions.switchUser', run: open('switch') },
    { key: 'F2', labelKey: 'till.actions.quantity', run: open('quantity'), disabled: !selectedLine },
    { key: 'F3', labelKey: 'till.actions.lineDiscount', run: open('lineDiscount'), disabled: !selectedLine },
    { key: 'F4', labelKey: 'till.actions.price', run: open('price'), disabled: !selectedLine },
    { key: 'F5', labelKey: 'till.actions.voidLine', run: open('void'), disabled: !selectedLine },
    { key: 'F6', labelKey: 'till.actions.cartDiscount', run: open('cartDiscount'), disabled: !hasLines },
    { key: 'F7', labelKey: 'till.actions.client', run: open('client'), disabled: !cashSession },
    {
      key: 'F8',
      labelKey: 'till.actions.hold',
      disabled: !hasLines || busy,
      run: () => {
        if (!sale) return;
        void run(() => actions.holdSale(sale.id)).then((ok) => {
          if (ok) useNoticeStore.getState().show('success', t('till.held'));
        });
      },
    },
    { key: 'F9', labelKey: 'till.actions.recall', run: open('recall'), disabled: !cashSession },
    {
      key: 'F10',
      labelKey: 'till.actions.pay',
      disabled: !hasLines,
      run: goToTender,
    },
    { key: 'F12', labelKey: 'till.actions.lock', run: () => void lockScreen().catch(reportError) },
    {
      key: 'Escape',
      labelKey: 'till.actions.clear',
      hidden: true,
      run: () => {
        clearEntry();
        useNoticeStore.getState().clear();
      },
    },
  ];
  useShortcuts(shortcuts);

  if (!cashSession) {
    return (
      <>
        <OpenSessionPanel onOpened={focusScan} />
        {dialog?.kind === 'switch' && <SwitchUserDialog onClose={closeDialog} />}
      </>
    );
  }

  const currency = sale?.currency ?? 'KES';
  return (
    <div className="till">
      <section className="till-left" aria-label={t('till.saleRegion')}>
        <div className="scan-area">
          <ScanField
            ref={scanRef}
            onChange={(text) => {
              setHighlighted(0);
              search.setQuery(text);
            }}
            onScan={addScanned}
            onTypedEnter={(text) => void typedEnter(text)}
            onArrow={moveHighlight}
            onBlur={(event) => {
              // Focus went nowhere (a click on empty space): take it back, unless a dialog took it.
              if (event.relatedTarget === null && dialog === null) setTimeout(focusScan, 0);
            }}
            activeOptionId={
              search.results[highlighted] ? optionId(search.results[highlighted].id) : undefined
            }
            listId={RESULTS_ID}
            expanded={search.results.length > 0}
          />
          {search.results.length > 0 && (
            <SearchResults id={RESULTS_ID} results={search.results} highlighted={highlighted} onPick={pick} />
          )}
        </div>
        <CartTable
          lines={sale?.lines ?? NO_LINES}
          currency={currency}
          selectedLineId={selectedLineId}
          onSelect={onSelectLine}
        />
      </section>
      <SaleSummary sale={sale} onPay={goToTender} />
      {dialog && sale && selectedLine && dialog.kind === 'quantity' && (
        <QuantityDialog
          title={t('quantity.title', { name: selectedLine.name })}
          initialMilli={selectedLine.qtyMilli}
          weighed={selectedLine.soldByWeight}
          unit={selectedLine.unit}
          busy={busy}
          onClose={closeDialog}
          onApply={(qty) =>
            run(() => actions.setQuantity(sale.id, selectedLine.id, qty)).then((ok) => {
              if (ok) closeDialog();
            })
          }
        />
      )}
      {dialog?.kind === 'weight' && (
        <QuantityDialog
          title={t('quantity.weighTitle', { name: dialog.product.name })}
          initialMilli={null}
          weighed
          unit={dialog.product.unit}
          busy={busy}
          onClose={closeDialog}
          onApply={(qty) =>
            run(() => actions.addProduct(dialog.product.id, qty)).then((ok) => {
              if (ok) closeDialog();
            })
          }
        />
      )}
      {dialog?.kind === 'price' && sale && selectedLine && (
        <PriceOverrideDialog saleId={sale.id} line={selectedLine} onClose={closeDialog} />
      )}
      {dialog?.kind === 'void' && sale && selectedLine && (
        <VoidLineDialog saleId={sale.id} line={selectedLine} onClose={closeDialog} />
      )}
      {dialog?.kind === 'lineDiscount' && sale && selectedLine && (
        <DiscountDialog
          title={t('discount.lineTitle', { name: selectedLine.name })}
          hasDiscount={selectedLine.discount !== null}
          onClose={closeDialog}
          onApply={(discount, auth) => actions.setLineDiscount(sale.id, selectedLine.id, discount, auth)}
        />
      )}
      {dialog?.kind === 'cartDiscount' && sale && (
        <DiscountDialog
          title={t('discount.cartTitle')}
          hasDiscount={sale.cartDiscount !== null}
          onClose={closeDialog}
          onApply={(discount, auth) => actions.setCartDiscount(sale.id, discount, auth)}
        />
      )}
      {dialog?.kind === 'client' && <ClientDialog hasClient={sale?.client != null} onClose={closeDialog} />}
      {dialog?.kind === 'recall' && <RecallDialog onClose={closeDialog} />}
      {dialog?.kind === 'switch' && <SwitchUserDialog onClose={closeDialog} />}
    </div>
  );
}
