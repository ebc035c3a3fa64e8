// @vitest-environment happy-dom
// Connecting a till to the cloud as the owner does it: the form checks what was typed before calling the
// till (each bad field says what to type), sends sync.register the trimmed input, reads each refusal in plain
// words (English and Kiswahili) — a refusal with the cloud's reason under it —, puts the till's field errors
// under the fields, never keeps the password, and on success names the store and follows the catalog coming
// down.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTillClient } from '../../../src-shared/contract/till-client.js';
import { setTillClient } from '../../../src-renderer/api/till.js';
import { applyLocale, initI18n } from '../../../src-renderer/i18n/i18n.js';
import { FirstRunScreen } from '../../../src-renderer/screens/first-run/FirstRunScreen.js';
import { ConnectPanel } from '../../../src-renderer/screens/sync/ConnectPanel.js';
import { useSessionStore } from '../../../src-renderer/state/session-store.js';
import { useTillEvents } from '../../../src-renderer/shell/use-till-events.js';
import { useSyncStore } from '../../../src-renderer/state/sync-store.js';
import { createSyncBridge, syncStatus, UNREGISTERED, type SyncBridge } from './support/sync-bridge.js';

const PASSWORD = 'owner-secret-1234';
let bridge: SyncBridge;
let done = 0;

function Screen() {
  useTillEvents();
  return (
    <ConnectPanel
      titleKey="sync.connect.title"
      onDone={() => {
        done += 1;
      }}
    />
  );
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
}

function fillIn(overrides: Partial<Record<string, string>> = {}) {
  const values: Record<string, string> = {
    'Cloud address': ' https://pos.example.co.ke/ ',
    "Owner's phone number": ' 0700000001 ',
    "Owner's password": PASSWORD,
    'Store code (optional)': '',
    'Name of this till': ' Till 2 ',
    ...overrides,
  };
  for (const [label, value] of Object.entries(values)) type(label, value);
}

function input(label: string): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(label, { exact: false });
}

async function submit(name = 'Connect'): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name }));
  await act(() => Promise.resolve());
}

function registerCalls() {
  return bridge.calls.filter((c) => c.method === 'sync.register');
}

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  bridge = createSyncBridge();
  setTillClient(createTillClient(bridge));
  useSyncStore.setState({ status: UNREGISTERED, available: true, connecting: false });
  applyLocale('en');
  done = 0;
});
afterEach(() => {
  cleanup();
  useSessionStore.getState().patch({ phase: 'starting' });
});

describe('the connect form', () => {
  it('says what to type in each bad field and does not call the till', async () => {
    render(<Screen />);
    await submit();
    expect(screen.getByRole('alert').textContent).toBe(
      'Some fields need fixing: see the messages under them.',
    );
    expect(screen.getByText('Type the full address, starting with http:// or https://')).toBeTruthy();
    expect(screen.getByText("Type the owner's phone number")).toBeTruthy();
    expect(screen.getByText("Type the owner's password")).toBeTruthy();
    expect(screen.getByText('Give this till a name')).toBeTruthy();
    expect(screen.queryByText("Type the store's code, or leave it empty")).toBeNull();
    expect(input('Cloud address').getAttribute('aria-invalid')).toBe('true');
    expect(input('Store code').getAttribute('aria-invalid')).toBe('false');

    fillIn({ 'Cloud address': 'ftp://pos.example.co.ke' });
    await submit();
    expect(screen.getByText('Type the full address, starting with http:// or https://')).toBeTruthy();
    expect(screen.queryByText('Give this till a name')).toBeNull();
    expect(registerCalls()).toEqual([]);
  });

  it('sends the trimmed input, leaves out an empty store, and never keeps the password', async () => {
    render(<Screen />);
    bridge.answer('sync.register', {
      value: syncStatus({ state: 'syncing', pullCursor: 1200, pullHead: 5000 }),
    });
    fillIn();
    await submit();
    expect(registerCalls()).toEqual([
      {
        method: 'sync.register',
        input: {
          serverUrl: 'https://pos.example.co.ke',
          phone: '0700000001',
          password: PASSWORD,
          tillName: 'Till 2',
        },
      },
    ]);
    expect(await screen.findByText('Connected to Nairobi CBD')).toBeTruthy();
    expect(screen.getByTestId('catalog-progress').textContent).toBe('Syncing the catalog… 1,200 of 5,000');
    expect(screen.getByRole('progressbar', { name: 'Catalog downloaded' }).getAttribute('value')).toBe('24');
    expect(JSON.stringify(useSyncStore.getState())).not.toContain(PASSWORD);
    expect(document.body.innerHTML).not.toContain(PASSWORD);

    act(() => {
      bridge.emit(syncStatus({ state: 'syncing', pullCursor: 4000, pullHead: 5000 }));
    });
    expect(screen.getByTestId('catalog-progress').textContent).toBe('Syncing the catalog… 4,000 of 5,000');
    act(() => {
      bridge.emit(syncStatus({ state: 'idle', pullCursor: 5000, pullHead: 5000 }));
    });
    expect(screen.getByTestId('catalog-progress').textContent).toBe('The catalog is up to date.');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(done).toBe(1);
  });

  it('sends the store when one is typed', async () => {
    render(<Screen />);
    bridge.answer('sync.register', { value: syncStatus() });
    fillIn({ 'Store code (optional)': ' NRB1 ' });
    await submit();
    expect(registerCalls()[0]?.input).toMatchObject({ store: 'NRB1' });
  });

  it.each([
    [
      'CLOUD_UNREACHABLE',
      "The cloud cannot be reached at that address. Check the address and this till's internet connection, then try again.",
    ],
    [
      'CLOUD_REJECTED',
      "The cloud refused to connect this till: check the owner's phone number and password, and the store code.",
    ],
    [
      'LEDGER_HAS_OTHER_STORE',
      'This till already holds sales of another store. To connect it to this store, start the till on a new data folder.',
    ],
  ])('reads %s in plain words and clears the password', async (code, words) => {
    render(<Screen />);
    bridge.answer('sync.register', { error: { code, message: `technical: ${code} 401 {"detail":"x"}` } });
    fillIn();
    await submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      code === 'CLOUD_REJECTED' ? `${words}The cloud said: technical: ${code} 401 {"detail":"x"}` : words,
    );
    expect(input("Owner's password").value).toBe('');
    expect(input('Cloud address').value).toBe(' https://pos.example.co.ke/ ');
    expect(input('Name of this till').value).toBe(' Till 2 ');
    expect(screen.queryByText(/Connected to/)).toBeNull();
  });

  it("puts the till's field errors under the fields", async () => {
    render(<Screen />);
    bridge.answer('sync.register', {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid input',
        fieldErrors: { tillName: ['Too big'], serverUrl: ['bad url'] },
      },
    });
    fillIn();
    await submit();
    expect((await screen.findByRole('alert')).textContent).toBe('Some of what was entered is not valid.');
    expect(screen.getByText('Give this till a name')).toBeTruthy();
    expect(screen.getByText('Type the full address, starting with http:// or https://')).toBeTruthy();
    expect(input('Name of this till').getAttribute('aria-invalid')).toBe('true');
    expect(input("Owner's phone number").getAttribute('aria-invalid')).toBe('false');
  });

  it('speaks Kiswahili', async () => {
    applyLocale('sw');
    render(<Screen />);
    bridge.answer('sync.register', { error: { code: 'CLOUD_REJECTED', message: 'Bad credentials' } });
    type('Anwani ya wingu', 'https://pos.example.co.ke');
    type('Namba ya simu ya mmiliki', '0700000001');
    type('Nenosiri la mmiliki', PASSWORD);
    type('Jina la kaunta hii', 'Kaunta 2');
    await submit('Unganisha');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Wingu limekataa kuunganisha kaunta hii: kagua namba ya simu na nenosiri la mmiliki, na msimbo wa duka.' +
        'Wingu lilisema: Bad credentials',
    );
  });

  it('connects a till that is not set up from the first-run screen, then starts it', async () => {
    useSessionStore.getState().patch({ phase: 'not-provisioned' });
    render(<FirstRunScreen reason="not-provisioned" />);
    expect(screen.getByRole('heading', { name: 'Set up this till' })).toBeTruthy();
    bridge.answer('sync.register', { value: syncStatus({ state: 'syncing', pullCursor: 0, pullHead: 10 }) });
    bridge.answer('auth.users', { value: [] });
    bridge.answer('auth.current', { value: null });
    fillIn();
    await submit();
    expect(await screen.findByText('Connected to Nairobi CBD')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await act(() => Promise.resolve());
    expect(useSessionStore.getState().phase).toBe('ready');
    expect(bridge.calls.map((c) => c.method)).toEqual(['sync.register', 'auth.users', 'auth.current']);
  });
});
