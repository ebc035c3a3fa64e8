// The one message line of the screen: errors (in plain words, by TillError code — see errors/), warnings
// and confirmations. Errors are announced assertively (role="alert"), the rest politely.
import { defineStore } from './store.js';

export type NoticeTone = 'error' | 'info' | 'success';

export interface Notice {
  tone: NoticeTone;
  text: string;
  /** Field messages under the headline (validation). */
  details: string[];
  /** The TillError code, for tests and support (data-code on the message). */
  code: string | null;
  /** Increments per notice, so the same message twice is still announced. */
  seq: number;
}

export interface NoticeState {
  notice: Notice | null;
  show: (tone: NoticeTone, text: string, extra?: { details?: string[]; code?: string | null }) => void;
  clear: () => void;
}

export const useNoticeStore = defineStore<NoticeState>()((set, get) => ({
  notice: null,
  show(tone, text, extra = {}) {
    set({
      notice: {
        tone,
        text,
        details: extra.details ?? [],
        code: extra.code ?? null,
        seq: (get().notice?.seq ?? 0) + 1,
      },
    });
  },
  clear() {
    set({ notice: null });
  },
}));
