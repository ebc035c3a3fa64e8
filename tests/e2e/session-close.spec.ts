// The cash session end to end in Chromium against the browser-mode till: a cashier opens a session from the
// menu (F11 → Cash session), pays cash out with a reason, closes with a count by notes and coins and sees the
// variance (short, in words), then the Z report; the last Z report can be shown again. axe and a screenshot on
// the close-session screen.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { saveScreen } from './support/screens.js';

test.use({ freshTill: 'session-close' });

async function loginAsCashier(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Achieng Cashier' }).click();
  await page.getByLabel('Password').fill('cashier1234');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByTestId('operator')).toHaveText('Achieng Cashier (Cashier)');
}

/** Types a count into the box of one note or coin ("1000/- note"). */
async function count(page: Page, name: string, howMany: string): Promise<void> {
  await page.getByLabel(`Number of ${name}s`).fill(howMany);
}

test('open, paid out, close with a denomination count: the variance and the Z report', async ({
  page,
  till,
}) => {
  await page.goto(till.pageUrl);
  await loginAsCashier(page);

  await test.step('the menu (F11) leads to the cash session screen; a cashier does not see Devices', async () => {
    await page.keyboard.press('F11');
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('button', { name: /Refund \/ return/ })).toBeVisible();
    await expect(menu.getByRole('button', { name: /Devices/ })).toHaveCount(0);
    await saveScreen(page, 'menu');
    await page.keyboard.press('F3');
    await expect(menu).toBeHidden();
  });

  await test.step('open the session with a float of KES 5,000', async () => {
    await expect(page.getByRole('heading', { name: 'Open a cash session' })).toBeVisible();
    await page.getByLabel('Opening float (KES)').fill('5,000');
    await page.getByRole('button', { name: 'Open session' }).click();
    await expect(page.getByTestId('cash-session')).toContainText('float KES 5,000.00');
    await expect(page.getByRole('heading', { name: 'Cash session' })).toBeVisible();
  });

  await test.step('paid out KES 500 with a reason (F3)', async () => {
    await page.keyboard.press('F3');
    const dialog = page.getByRole('dialog', { name: 'Paid out' });
    await dialog.getByLabel('Amount (KES)').fill('500');
    await dialog.getByLabel('Reason').fill('Transport for a delivery');
    await dialog.getByRole('button', { name: 'Record paid out' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Paid out KES 500.00 recorded.')).toBeVisible();
    await expect(page.getByTestId('paid-out')).toHaveText('KES 500.00');
  });

  await test.step('the X report (F4) shows the session so far, printable', async () => {
    await page.keyboard.press('F4');
    const x = page.getByTestId('report-X');
    await expect(x).toContainText('X report');
    await expect(x).toContainText('Paid out (1)');
    await expect(page.getByTestId('report-expected')).toHaveText('KES 4,500.00');
    await saveScreen(page, 'x-report');
    await page.keyboard.press('F9');
    await expect(page.getByRole('heading', { name: 'Cash session' })).toBeVisible();
  });

  await test.step('close: count by notes and coins, the variance while counting', async () => {
    await page.keyboard.press('F5');
    await expect(page.getByRole('heading', { name: 'Close the cash session' })).toBeVisible();
    await expect(page.getByTestId('close-expected')).toHaveText('KES 4,500.00');
    await count(page, '1000/- note', '4');
    await count(page, '200/- note', '2');
    await count(page, '50/- note', '1');
    await expect(page.getByTestId('counted-total')).toHaveText('KES 4,450.00');
    await expect(page.getByTestId('variance')).toContainText('Short by KES 50.00');
    await count(page, '20/- coin', 'x');
    await expect(page.getByText('not a count')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Close session/ })).toBeDisabled();
    await count(page, '20/- coin', '');
    await expect(page.getByRole('button', { name: /^Close session/ })).toBeEnabled();
    await expectNoSeriousA11yViolations(page, 'close-session screen');
    await saveScreen(page, 'close-session');
  });

  await test.step('closing shows the variance in words and the Z report', async () => {
    await page.keyboard.press('F10');
    await expect(page.getByRole('heading', { name: 'Session closed' })).toBeVisible();
    await expect(page.getByTestId('variance')).toContainText('Short by KES 50.00');
    const z = page.getByTestId('report-Z');
    await expect(z).toBeVisible();
    await expect(z).toContainText(/Z report T01-Z\d+/);
    await expect(page.getByTestId('report-expected')).toHaveText('KES 4,500.00');
    await expect(page.getByTestId('report-counted')).toHaveText('KES 4,450.00');
    await expect(page.getByTestId('report-variance')).toHaveText('Short by KES 50.00');
    await expect(z).toContainText('1000/- × 4');
    await expect(page.getByTestId('cash-session')).toHaveText('No open session');
    await saveScreen(page, 'z-report');
  });

  await test.step('the last Z report can be shown again (F6)', async () => {
    await page.keyboard.press('F9');
    await expect(page.getByRole('heading', { name: 'Open a cash session' })).toBeVisible();
    await page.keyboard.press('F6');
    await expect(page.getByTestId('report-Z')).toBeVisible();
    await expect(page.getByTestId('report-variance')).toHaveText('Short by KES 50.00');
  });
});
