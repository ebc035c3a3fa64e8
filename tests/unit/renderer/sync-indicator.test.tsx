// @vitest-environment happy-dom
// The top bar's sync indicator as a cashier or manager sees it, for each SyncStatus the till can report:
// the state in words, records waiting to send, the last success, what to do when the till was revoked or is
// too old, "Connect to the cloud" on an unregistered till (not for a cashier), "Sync now" for a manager. It
// reads sync.status once and then follows 'sync.changed' events without asking again.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OperatorView } from '../../../src-shared/contract/auth.js';
import { createTillClient } from '../../../src-shared/contract/till-client.js';
import { setTillClient } from '../../../src-renderer/api/till.js';
import { applyLocale, initI18n } from '../../../src-renderer/i18n/i18n.js';
import { loadSyncStatus } from '../../../src-renderer/shell/sync-actions.js';
import { TopBar } from '../../../src-renderer/shell/TopBar.js';
import { useTillEvents } from '../../../src-renderer/shell/use-till-events.js';
import { useSessionStore } from '../../../src-renderer/state/session-store.js';
import { useSyncStore } from '../../../src-renderer/state/sync-store.js';
import { createSyncBridge, syncStatus, UNREGISTERED, type SyncBridge } from './support/sync-bridge.js';

const CASHIER: OperatorView = { id: 'u-3', name: 'Achieng Cashier', role: 'employee', locale: 'en' };
const MANAGER: OperatorView = { id: 'u-2', name: 'Baraka Manager', role: 'manager', locale: 'en' };

let bridge: SyncBridge;

function Shell() {
  useTillEvents();
  return <TopBar />;
}

async function showWith(status: ReturnType<typeof syncStatus>, operator: OperatorView | null = null) {
  useSessionStore.getState().patch({ operator, phase: 'ready' });
  bridge.answer('sync.status', { value: status });
  render(<Shell />);
  await act(loadSyncStatus);
  return screen.getByTestId('sync-status');
}

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  bridge = createSyncBridge();
  setTillClient(createTillClient(bridge));
  useSyncStore.setState({ status: null, available: true, connecting: false });
  applyLocale('en');
});
afterEach(() => {
  cleanup();
  useSessionStore.getState().patch({ operator: null, phase: 'starting', users: [] });
});

describe('the sync indicator', () => {
  it('says "Not connected to the cloud" on an unregistered till, with Connect for an owner but not a cashier', async () => {
    const indicator = await showWith(UNREGISTERED);
    expect(indicator.textContent).toBe('Not connected to the cloud');
    expect(screen.getByRole('button', { name: 'Connect to the cloud' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Connect to the cloud' }));
    expect(useSyncStore.getState().connecting).toBe(true);
    cleanup();

    await showWith(UNREGISTERED, CASHIER);
    expect(screen.getByTestId('sync-status').textContent).toBe('Not connected to the cloud');
    expect(screen.queryByRole('button', { name: 'Connect to the cloud' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows online with the records waiting to send and the last success', async () => {
    const lastSuccessAt = new Date();
    lastSuccessAt.setHours(8, 5, 0, 0);
    const indicator = await showWith(
      syncStatus({ state: 'idle', queueDepth: 3, lastSuccessAt: lastSuccessAt.toISOString() }),
      CASHIER,
    );
    expect(indicator.textContent).toBe('Online3 records waiting to sendlast sent 08:05');
    expect(indicator.dataset.tone).toBe('ok');
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('says offline in words that tell the cashier sales are kept', async () => {
    const indicator = await showWith(syncStatus({ state: 'offline', online: false, queueDepth: 1 }));
    expect(indicator.textContent).toBe('Offline — sales are kept and sent later1 record waiting to send');
    expect(indicator.dataset.tone).toBe('warn');
  });

  it('tells what to do when the till was revoked or needs an update', async () => {
    await showWith(syncStatus({ state: 'revoked', online: false, queueDepth: 12 }), CASHIER);
    expect(screen.getByTestId('sync-status').textContent).toContain(
      'This till was disconnected from the cloud',
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'This till was disconnected from the cloud Nothing is being sent. Sales go on and are kept on this till. An owner must connect this till to the cloud again.',
    );
    cleanup();

    await showWith(syncStatus({ state: 'update_required' }), MANAGER);
    expect(screen.getByRole('alert').textContent).toContain(
      'Install the new version of AsiriaPOS on this till.',
    );
    expect(screen.getByTestId('sync-status').dataset.tone).toBe('bad');
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('offers a revoked till to be connected again by a manager', async () => {
    await showWith(syncStatus({ state: 'revoked' }), MANAGER);
    expect(screen.getByRole('button', { name: 'Connect to the cloud' })).toBeTruthy();
  });

  it('follows sync.changed events without asking the till again', async () => {
    const indicator = await showWith(syncStatus({ state: 'idle' }), CASHIER);
    expect(indicator.textContent).toBe('Online');
    act(() => {
      bridge.emit(syncStatus({ state: 'syncing', queueDepth: 2 }));
    });
    expect(screen.getByTestId('sync-status').textContent).toBe('Syncing…2 records waiting to send');
    act(() => {
      bridge.emit(syncStatus({ state: 'offline', online: false, queueDepth: 5 }));
    });
    expect(screen.getByTestId('sync-status').textContent).toBe(
      'Offline — sales are kept and sent later5 records waiting to send',
    );
    act(() => {
      bridge.emit(syncStatus({ state: 'revoked', online: false, queueDepth: 5 }));
    });
    expect(screen.getByRole('alert').textContent).toContain('An owner must connect this till');
    expect(bridge.calls.map((c) => c.method)).toEqual(['sync.status']);
  });

  it('lets a manager sync now and shows the answer', async () => {
    await showWith(syncStatus({ state: 'offline', online: false, queueDepth: 4 }), MANAGER);
    bridge.answer('sync.now', { value: syncStatus({ state: 'idle', queueDepth: 0 }) });
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await screen.findByText('Online');
    expect(bridge.calls.map((c) => c.method)).toEqual(['sync.status', 'sync.now']);
    expect(screen.queryByTestId('sync-queue')).toBeNull();
  });

  it("refreshes the login screen's users as pulled pages arrive while nobody is logged in", async () => {
    useSessionStore.getState().patch({ phase: 'ready', users: [] });
    await showWith(syncStatus({ state: 'syncing', pullCursor: 0, pullHead: 40 }));
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
    bridge.answer('auth.users', { value: [MANAGER, CASHIER] });
    await act(async () => {
      bridge.emit(syncStatus({ state: 'syncing', pullCursor: 20, pullHead: 40 }));
      await Promise.resolve();
    });
    expect(useSessionStore.getState().users.map((u) => u.name)).toEqual([
      'Baraka Manager',
      'Achieng Cashier',
    ]);
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    act(() => {
      bridge.emit(syncStatus({ state: 'idle', pullCursor: 20, pullHead: 40, queueDepth: 1 }));
    });
    expect(bridge.calls.filter((c) => c.method === 'auth.users')).toHaveLength(1);
  });

  it('speaks Kiswahili', async () => {
    applyLocale('sw');
    await showWith(syncStatus({ state: 'offline', queueDepth: 3 }));
    expect(screen.getByTestId('sync-status').textContent).toBe(
      'Nje ya mtandao — mauzo yanahifadhiwa na kutumwa baadayeRekodi 3 zinasubiri kutumwa',
    );
  });

  it('says sync is not available on a till without sync', async () => {
    useSessionStore.getState().patch({ operator: null });
    render(<Shell />);
    await act(loadSyncStatus);
    expect(screen.getByTestId('sync-status').textContent).toBe('Sync: not available on this till');
  });
});
