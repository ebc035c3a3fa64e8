// The till screen's entry: choose the bridge (Electron preload or the browser-mode HTTP host), make the
// typed client, start i18n, render the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createTillClient } from '../src-shared/contract/till-client.js';
import { selectBridge } from './api/select-bridge.js';
import { setTillClient } from './api/till.js';
import { i18n, initI18n } from './i18n/i18n.js';
import { App } from './shell/App.js';
import { useSessionStore } from './state/session-store.js';
import './styles/base.css';
import './styles/shell.css';
import './styles/screens.css';
import './styles/till.css';
import './styles/tender.css';
import './styles/receipt.css';
import './styles/back-office.css';
import './styles/sync.css';

async function start(): Promise<void> {
  await initI18n();
  const choice = selectBridge(window);
  if (choice.kind === 'no-token') {
    useSessionStore.getState().patch({ phase: 'no-token' });
  } else {
    setTillClient(createTillClient(choice.bridge));
  }
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  createRoot(rootElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
