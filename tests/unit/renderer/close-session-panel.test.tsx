// @vitest-environment happy-dom
// The close-session screen as a cashier uses it: counts typed per note/coin give the counted total and the
// variance in words while counting; a blind close hides the expected cash and the variance; a box that is
// not a count blocks closing. Real component, real i18n (English), no till call until Close.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../src-shared/contract/session.js';
import { initI18n } from '../../../src-renderer/i18n/i18n.js';
import { CloseSessionPanel } from '../../../src-renderer/screens/session/CloseSessionPanel.js';
import { useSessionStore } from '../../../src-renderer/state/session-store.js';

const session: SessionView = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  terminalId: '0190a0a0-0000-7000-8000-000000000002',
  businessDate: '2026-11-25',
  status: 'open',
  openedBy: 'cashier-1',
  openedAt: '2026-11-25T05:00:00.000Z',
  openingFloat: 500_000,
  closedBy: null,
  closedAt: null,
  blindClose: null,
  countedTotal: null,
  expectedCash: null,
  variance: null,
  zNumber: null,
};

beforeAll(async () => {
  await initI18n('en');
  useSessionStore.getState().patch({
    operator: { id: 'cashier-1', name: 'Achieng Cashier', role: 'employee', locale: 'en' },
  });
});

afterEach(() => {
  cleanup();
});

function renderPanel() {
  render(
    <CloseSessionPanel
      session={session}
      expected={450_000}
      onBack={() => undefined}
      onClosed={() => undefined}
    />,
  );
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('CloseSessionPanel', () => {
  it('adds the counts and says the variance while counting', () => {
    renderPanel();
    expect(screen.getByTestId('close-expected').textContent).toBe('KES 4,500.00');
    type('Number of 1000/- notes', '4');
    type('Number of 200/- notes', '2');
    type('Number of 50/- notes', '1');
    expect(screen.getByTestId('counted-total').textContent).toBe('KES 4,450.00');
    expect(screen.getByTestId('variance').textContent).toContain('Short by KES 50.00');
    type('Number of 100/- notes', '1');
    expect(screen.getByTestId('variance').textContent).toContain('Over by KES 50.00');
  });

  it('hides the expected cash and the variance on a blind close', () => {
    renderPanel();
    type('Number of 1000/- notes', '4');
    fireEvent.click(screen.getByLabelText(/Blind close/));
    expect(screen.getByTestId('close-expected').textContent).toBe('hidden (blind close)');
    expect(screen.queryByTestId('variance')).toBeNull();
    expect(document.body.textContent).not.toContain('4,500.00');
  });

  it('will not close while a box is not a count', () => {
    renderPanel();
    type('Number of 20/- coins', '2x');
    expect(screen.getByText('not a count')).toBeTruthy();
    const close = screen.getByRole<HTMLButtonElement>('button', { name: 'Close session' });
    expect(close.disabled).toBe(true);
    type('Number of 20/- coins', '2');
    expect(close.disabled).toBe(false);
  });

  it('accepts one total instead of a count by notes and coins', () => {
    renderPanel();
    fireEvent.click(screen.getByLabelText('One total'));
    type('Counted total (KES)', '4,500');
    expect(screen.getByTestId('variance').textContent).toContain('Balanced');
  });
});
