// The operator's open sale as the ledger last returned it (every sale.* command returns the whole SaleView),
// plus which cart line is selected. The ledger is the truth: on start-up the shell reloads it with sale.get.
// Lines that did not change keep their previous objects (reuse-unchanged.ts), so only changed rows re-render.
import type { SaleView } from '../../src-shared/contract/sale.js';
import { reuseUnchangedLines } from './reuse-unchanged.js';
import { defineStore } from './store.js';

export interface SaleState {
  sale: SaleView | null;
  selectedLineId: string | null;
  setSale: (sale: SaleView | null) => void;
  selectLine: (lineId: string | null) => void;
}

export const useSaleStore = defineStore<SaleState>()((set, get) => ({
  sale: null,
  selectedLineId: null,
  setSale(sale) {
    const { selectedLineId: selected, sale: previous } = get();
    const open = sale?.status === 'open' ? reuseUnchangedLines(previous, sale) : null;
    const lines = open?.lines ?? [];
    // A new line is selected (so F2–F5 act on what was just scanned); otherwise the selection stays.
    const grew = lines.length > (previous?.lines.length ?? 0);
    const keep = !grew && lines.some((l) => l.id === selected);
    set({
      sale: open,
      selectedLineId: keep ? selected : (lines.at(-1)?.id ?? null),
    });
  },
  selectLine(lineId) {
    set({ selectedLineId: lineId });
  },
}));
