// Runs a dialog's till call: busy while it runs, closes on success, reports the error (in plain words) and
// stays open on failure so the cashier can correct the PIN or the amount.
import { useState } from 'react';
import { reportError } from '../../../errors/report-error.js';
import { useNoticeStore } from '../../../state/notice-store.js';

export function useDialogSubmit(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const submit = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      useNoticeStore.getState().clear();
      onDone();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
