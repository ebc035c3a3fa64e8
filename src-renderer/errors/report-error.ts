// Shows a failed till call in plain words on the notice line (and optionally beeps). Every screen reports
// errors through this, so codes map to words in one place (error-text.ts + i18n errors.*).
import { i18n } from '../i18n/i18n.js';
import { useNoticeStore } from '../state/notice-store.js';
import { presentError, type PresentedError } from './error-text.js';

export function describeError(error: unknown): PresentedError {
  return presentError(error, {
    t: (key, options) => i18n.t(key, options),
    exists: (key) => i18n.exists(key),
  });
}

export function reportError(error: unknown): PresentedError {
  const presented = describeError(error);
  if (presented.code === 'UNEXPECTED') console.error(error);
  useNoticeStore
    .getState()
    .show('error', presented.text, { details: presented.details, code: presented.code });
  return presented;
}

export function reportInfo(text: string, tone: 'info' | 'success' = 'info'): void {
  useNoticeStore.getState().show(tone, text);
}
