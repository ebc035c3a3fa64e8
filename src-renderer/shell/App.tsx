// The app shell: top bar, message line, the current screen, shortcut bar. Which screen: the start-up phase
// first (no token, host unreachable, till not set up), then lock / login while nobody is logged in, then
// the routed work screen (state/screen-store.ts). The connect-to-cloud screen replaces login or the work
// screen while it is open (the sync indicator's "Connect to the cloud").
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hasTillClient } from '../api/till.js';
import { reportError } from '../errors/report-error.js';
import { ScreenFor } from '../screens/registry.js';
import { FirstRunScreen } from '../screens/first-run/FirstRunScreen.js';
import { LockScreen } from '../screens/login/LockScreen.js';
import { LoginScreen } from '../screens/login/LoginScreen.js';
import { ConnectScreen } from '../screens/sync/ConnectScreen.js';
import { useGlobalShortcutKeys } from '../shortcuts/shortcuts.js';
import { useScreenStore } from '../state/screen-store.js';
import { useSessionStore } from '../state/session-store.js';
import { useSyncStore } from '../state/sync-store.js';
import { NoticeLine } from './NoticeLine.js';
import { boot } from './session-actions.js';
import { ShortcutBar } from './ShortcutBar.js';
import { loadSyncStatus } from './sync-actions.js';
import { TopBar } from './TopBar.js';
import { useTillEvents } from './use-till-events.js';

function Main() {
  const { t } = useTranslation();
  const phase = useSessionStore((s) => s.phase);
  const operator = useSessionStore((s) => s.operator);
  const lockedBy = useSessionStore((s) => s.lockedBy);
  const route = useScreenStore((s) => s.route);
  const connecting = useSyncStore((s) => s.connecting);

  switch (phase) {
    case 'starting':
      return <p className="boot-message">{t('shell.starting')}</p>;
    case 'no-token':
      return <FirstRunScreen reason="no-token" />;
    case 'unreachable':
      return <FirstRunScreen reason="unreachable" />;
    case 'not-provisioned':
      return <FirstRunScreen reason="not-provisioned" />;
    case 'ready':
      if (connecting) return <ConnectScreen />;
      if (!operator) return lockedBy ? <LockScreen lockedBy={lockedBy} /> : <LoginScreen />;
      return <ScreenFor route={route} />;
  }
}

export function App() {
  useGlobalShortcutKeys();
  useTillEvents();
  useEffect(() => {
    if (useSessionStore.getState().phase === 'starting') boot().catch(reportError);
    if (hasTillClient()) loadSyncStatus().catch(reportError);
  }, []);
  return (
    <div className="app">
      <TopBar />
      <NoticeLine />
      <main className="app-main">
        <Main />
      </main>
      <ShortcutBar />
    </div>
  );
}
