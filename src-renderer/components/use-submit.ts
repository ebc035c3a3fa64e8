// Runs a form's or a dialog's till call: busy while it runs; on success the notice line is cleared and the
// result handed to onDone (a dialog closes); on failure the error is reported in plain words and the form
// stays as it is, so the operator can correct the PIN or the amount.
import { useState } from 'react';
import { reportError } from '../errors/report-error.js';
import { useNoticeStore } from '../state/notice-store.js';

export function useSubmit<T = unknown>(onDone: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const submit = async (action: () => Promise<T>) => {
    setBusy(true);
    try {
      const result = await action();
      useNoticeStore.getState().clear();
      onDone(result);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
