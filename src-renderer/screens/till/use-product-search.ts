// Search as you type: catalog.search after a short pause in typing (a scanner burst never triggers one —
// its keys come far faster than the pause), answers that arrive after a newer query are ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductView } from '../../../src-shared/contract/catalog.js';
import { till } from '../../api/till.js';
import { reportError } from '../../errors/report-error.js';

export const SEARCH_DEBOUNCE_MS = 80;

export interface ProductSearch {
  query: string;
  results: ProductView[];
  /** True while the shown results are for an older query. */
  pending: boolean;
  setQuery: (query: string) => void;
  /**
   * What a person's Enter picks from: the shown results when they are for `text`, else a fresh search for
   * `text` (without showing it). The field is already empty by then (Enter commits the entry).
   */
  resultsFor: (text: string) => Promise<ProductView[]>;
  clear: () => void;
}

export function useProductSearch(): ProductSearch {
  const [query, setQueryState] = useState('');
  const [results, setResults] = useState<ProductView[]>([]);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const run = useCallback(async (text: string): Promise<ProductView[]> => {
    const ticket = ++latest.current;
    if (text.trim() === '') {
      setResults([]);
      setPending(false);
      return [];
    }
    try {
      const answer = await till().call('catalog.search', { query: text, limit: 8 });
      if (ticket !== latest.current) return answer.products; // a newer query was typed meanwhile
      setResults(answer.products);
      setPending(false);
      return answer.products;
    } catch (error) {
      if (ticket === latest.current) {
        setPending(false);
        reportError(error);
      }
      return [];
    }
  }, []);

  const cancelTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  useEffect(() => cancelTimer, []);

  return {
    query,
    results,
    pending,
    setQuery(text) {
      setQueryState(text);
      cancelTimer();
      setPending(true);
      timer.current = setTimeout(() => {
        timer.current = null;
        void run(text);
      }, SEARCH_DEBOUNCE_MS);
    },
    async resultsFor(text) {
      if (text === query && !pending) return results;
      cancelTimer();
      try {
        return (await till().call('catalog.search', { query: text, limit: 8 })).products;
      } catch (error) {
        reportError(error);
        return [];
      }
    },
    clear() {
      cancelTimer();
      latest.current++;
      setQueryState('');
      setResults([]);
      setPending(false);
    },
  };
}
