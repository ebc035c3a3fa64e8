// Search as you type: catalog.search after a short pause in typing (a scanner burst never triggers one —
// its keys come far faster than the pause), answers that arrive after a newer query are ignored.
// The typed text lives in the scan field itself (an uncontrolled input) and in a ref here: a keystroke
// re-renders nothing, so a scanner's burst costs no React work; only an answer (new results) renders.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductView } from '../../../src-shared/contract/catalog.js';
import { till } from '../../api/till.js';
import { reportError } from '../../errors/report-error.js';

export const SEARCH_DEBOUNCE_MS = 80;

export interface ProductSearch {
  /** The results shown under the field. */
  results: ProductView[];
  /** The field's text changed: search for it after the pause. */
  setQuery: (query: string) => void;
  /**
   * What a person's Enter picks from: the shown results when they are for `text`, else a fresh search for
   * `text` (without showing it). The field is already empty by then (Enter commits the entry).
   */
  resultsFor: (text: string) => Promise<ProductView[]>;
  /** Forgets the query and the results (the caller empties the field). Stable across renders. */
  clear: () => void;
}

const NO_RESULTS: ProductView[] = [];

export function useProductSearch(): ProductSearch {
  const [results, setResults] = useState<ProductView[]>(NO_RESULTS);
  /** The shown results and the query they answer ('' for none), current even before the next render. */
  const shown = useRef<{ query: string; products: ProductView[] }>({ query: '', products: NO_RESULTS });
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = useCallback((text: string, products: ProductView[]) => {
    const list = products.length === 0 ? NO_RESULTS : products;
    shown.current = { query: text, products: list };
    setResults(list);
  }, []);

  const run = useCallback(
    async (text: string): Promise<ProductView[]> => {
      const ticket = ++latest.current;
      if (text.trim() === '') {
        show('', NO_RESULTS);
        return [];
      }
      try {
        const answer = await till().call('catalog.search', { query: text, limit: 8 });
        if (ticket !== latest.current) return answer.products; // a newer query was typed meanwhile
        show(text, answer.products);
        return answer.products;
      } catch (error) {
        if (ticket === latest.current) reportError(error);
        return [];
      }
    },
    [show],
  );

  const cancelTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  useEffect(() => cancelTimer, [cancelTimer]);

  const setQuery = useCallback(
    (text: string) => {
      cancelTimer();
      timer.current = setTimeout(() => {
        timer.current = null;
        void run(text);
      }, SEARCH_DEBOUNCE_MS);
    },
    [cancelTimer, run],
  );

  const resultsFor = useCallback(
    async (text: string): Promise<ProductView[]> => {
      if (text === shown.current.query) return shown.current.products;
      cancelTimer();
      try {
        return (await till().call('catalog.search', { query: text, limit: 8 })).products;
      } catch (error) {
        reportError(error);
        return [];
      }
    },
    [cancelTimer],
  );

  const clear = useCallback(() => {
    cancelTimer();
    latest.current++;
    show('', NO_RESULTS);
  }, [cancelTimer, show]);

  return { results, setQuery, resultsFor, clear };
}
