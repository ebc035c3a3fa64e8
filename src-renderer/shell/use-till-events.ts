// Till events the shell reacts to: the cash session opened/closed elsewhere (refresh the top bar), a
// hardware scanner's scan (routed to the till screen's scan handler — the same one a wedge scan uses), and
// the sync worker's status (the top bar's indicator; the only way it updates after start-up).
import { useEffect } from 'react';
import { hasTillClient, till } from '../api/till.js';
import { reportError } from '../errors/report-error.js';
import { useSessionStore } from '../state/session-store.js';
import { refreshCashSession } from './session-actions.js';
import { onSyncChanged } from './sync-actions.js';
import { dispatchScan } from '../screens/till/scan-dispatch.js';

export function useTillEvents(): void {
  useEffect(() => {
    if (!hasTillClient()) return;
    const client = till();
    const offSession = client.on('session.changed', () => {
      if (useSessionStore.getState().operator) refreshCashSession().catch(reportError);
    });
    const offScan = client.on('scanner.scan', (payload) => {
      dispatchScan(payload.data);
    });
    const offSync = client.on('sync.changed', onSyncChanged);
    return () => {
      offSession();
      offScan();
      offSync();
    };
  }, []);
}
