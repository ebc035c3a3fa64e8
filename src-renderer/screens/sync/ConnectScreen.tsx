// The connect screen opened from the sync indicator (nobody logged in on an unregistered or revoked till, or
// an owner/manager): the connect panel in place of login or the work screen; Cancel or Continue goes back
// (Continue starts the till again, so a newly adopted store's users and session show).
import { reportError } from '../../errors/report-error.js';
import { boot } from '../../shell/session-actions.js';
import { useSessionStore } from '../../state/session-store.js';
import { useSyncStore } from '../../state/sync-store.js';
import { ConnectPanel } from './ConnectPanel.js';

export function restartAfterConnect(): void {
  useSyncStore.getState().patch({ connecting: false });
  useSessionStore.getState().patch({ phase: 'starting' });
  boot().catch(reportError);
}

export function ConnectScreen() {
  return (
    <ConnectPanel
      titleKey="sync.connect.title"
      onDone={restartAfterConnect}
      onCancel={() => {
        useSyncStore.getState().patch({ connecting: false });
      }}
    />
  );
}
