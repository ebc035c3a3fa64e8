// @vitest-environment happy-dom
// The real shell and screens (React, stores, i18n) on a real till core (real SQLite ledger) through an
// in-process bridge — what the IPC host does, minus Electron: log in by picking a user, open a session, a
// hardware scanner's scan (till event) lands in the cart through the same handler as a wedge scan, an unknown
// code says so, a reload restores the cart from the ledger, the language follows the user, and the F-keys
// shown on screen work.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TillBridge } from '../../../src-shared/contract/bridge.js';
import { createTillClient } from '../../../src-shared/contract/till-client.js';
import { setTillClient } from '../../../src-renderer/api/till.js';
import { initI18n, applyLocale } from '../../../src-renderer/i18n/i18n.js';
import { App } from '../../../src-renderer/shell/App.js';
import { useNoticeStore } from '../../../src-renderer/state/notice-store.js';
import { useSaleStore } from '../../../src-renderer/state/sale-store.js';
import { useScreenStore } from '../../../src-renderer/state/screen-store.js';
import { rememberLock, useSessionStore } from '../../../src-renderer/state/session-store.js';
import { createTestTill, type TestTill } from '../../support/test-till.js';

let t: TestTill;

function inProcessBridge(): TillBridge {
  return {
    call: (method, input) => Promise.resolve(t.till.invoke(method, input)),
    onEvent: (listener) => t.till.subscribe(listener),
  };
}

function resetStores(): void {
  rememberLock(null);
  useSessionStore.setState({
    phase: 'starting',
    operator: null,
    users: [],
    cashSession: null,
    lockedBy: null,
  });
  useSaleStore.setState({ sale: null, selectedLineId: null });
  useScreenStore.setState({ route: { name: 'till' } });
  useNoticeStore.setState({ notice: null });
  applyLocale('en');
}

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  t = createTestTill();
  setTillClient(createTillClient(inProcessBridge()));
  resetStores();
});
afterEach(() => {
  cleanup();
  t.close();
});

async function logInAsCashier(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Achieng Cashier' }));
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'cashier1234' } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
  await screen.findByText('Achieng Cashier (Cashier)');
}

function publishScan(data: string): void {
  t.till.runtime.events.publish('scanner.scan', { data, symbology: 'EAN13' });
}

describe('the till screen on a real till core', () => {
  it('logs in, opens a session, and takes hardware scans like wedge scans', async () => {
    render(<App />);
    await logInAsCashier();
    fireEvent.change(await screen.findByLabelText('Opening float (KES)'), { target: { value: '2000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open session' }));
    await screen.findByText(/Session open since/);
    expect(screen.getByTestId('sync-status').textContent).toBe('Not connected to the cloud');

    publishScan('6160000000012'); // Kabras Sugar 1kg
    await screen.findByText('Kabras Sugar 1kg');
    publishScan('6160000000012');
    const cart = screen.getByTestId('cart');
    await within(cart).findByText('2');
    expect(screen.getByTestId('sale-total').textContent).toBe('KES 330.00');

    publishScan('6160000009992');
    expect((await screen.findByRole('alert')).textContent).toContain('Unknown barcode');
    expect(document.body.dataset.beeps).toBe('1');
    expect(within(cart).getAllByRole('row')).toHaveLength(2); // header + the sugar line, unchanged
  });

  it('a reload restores the open cart from the ledger', async () => {
    t.openSession('cashier');
    const sale = t.till.call('sale.start', {});
    t.till.call('sale.addItem', { saleId: sale.id, code: '6160000000029' }); // Brookside Milk 500ml
    render(<App />);
    expect(await screen.findByText('Brookside Milk 500ml')).toBeTruthy();
    expect(screen.getByTestId('sale-total').textContent).toBe('KES 65.00');
  });

  it('switches to Kiswahili for this user and remembers it', async () => {
    t.openSession('cashier');
    render(<App />);
    await screen.findByText('Achieng Cashier (Cashier)');
    fireEvent.click(screen.getByRole('button', { name: 'Language: Kiswahili' }));
    expect(await screen.findByText('Achieng Cashier (Keshia)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lipa' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'F10 Lipa' })).toBeTruthy();
    expect(t.till.call('auth.current', {})?.locale).toBe('sw');
    expect(document.documentElement.lang).toBe('sw');
  });

  it('shows the F-keys of the screen and runs them from the keyboard', async () => {
    t.openSession('cashier');
    render(<App />);
    const bar = await screen.findByRole('navigation', { name: 'Keyboard shortcuts' });
    expect(within(bar).getByRole('button', { name: 'F10 Pay' })).toBeTruthy();
    expect(within(bar).getByRole<HTMLButtonElement>('button', { name: 'F10 Pay' }).disabled).toBe(true);

    publishScan('6160000000043'); // Coca-Cola 500ml
    await screen.findByText('Coca-Cola 500ml');
    fireEvent.keyDown(window, { key: 'F10' });
    expect(await screen.findByRole('heading', { name: 'Payment' })).toBeTruthy();
    expect(within(bar).getByRole('button', { name: 'F10 Complete sale' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(await screen.findByLabelText('Scan or search')).toBeTruthy();
  });

  it('locks the till: the same user unlocks with their PIN', async () => {
    t.openSession('cashier');
    render(<App />);
    await screen.findByText('Achieng Cashier (Cashier)');
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByText('Locked by Achieng Cashier. Type your PIN to unlock.')).toBeTruthy();
    expect(t.till.call('auth.current', {})).toBeNull();
    fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong password or PIN');
    fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '3333' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByLabelText('Scan or search')).toBeTruthy();
    expect(t.till.call('auth.current', {})?.name).toBe('Achieng Cashier');
  });
});
