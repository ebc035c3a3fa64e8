// "Sync now" as a button or a shortcut runs it: busy until the till's sync.now answers; a failure is reported.
import { useState } from 'react';
import { reportError } from '../errors/report-error.js';
import { syncNow } from './sync-actions.js';

export function useSyncNow(): { busy: boolean; runNow: () => void } {
  const [busy, setBusy] = useState(false);
  const runNow = () => {
    setBusy(true);
    syncNow()
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };
  return { busy, runNow };
}
