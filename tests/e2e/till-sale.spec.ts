// A cashier's sale end to end in Chromium against the browser-mode till (real serve.ts, real ledger): log in,
// open a session, scan three items as a keyboard-wedge burst, a person typing the same digits (a search, not a
// scan), search and add by name, an unknown barcode, a price override with a wrong and then the right manager
// PIN, tender too little, split cash + M-Pesa, the change, complete, the receipt and its reprint (COPY).
// axe on the login, till and tender screens; screenshots of till, tender and receipt.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { saveScreen } from './support/screens.js';

test.use({ freshTill: 'till-sale' });

/** Demo store barcodes (src-main/ledger/seed/demo-store.ts: 616 + 9-digit index + check digit). */
const SUGAR = '6160000000012'; // Kabras Sugar 1kg, KES 165.00
const MILK = '6160000000029'; // Brookside Milk 500ml, KES 65.00
const SODA = '6160000000043'; // Coca-Cola 500ml, KES 80.00
const UNKNOWN = '6160000009992'; // a valid EAN-13 no product has

/** A keyboard-wedge scanner: the code as a burst of keys ~10 ms apart, then Enter. */
async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 10 });
  await page.keyboard.press('Enter');
}

const cartRows = (page: Page) => page.getByTestId('cart').locator('tbody tr');

test('a cashier rings, tenders and completes a sale, and sees the receipt', async ({ page, till }) => {
  await page.goto(till.pageUrl);

  await test.step('login screen: accessible; a wrong password is refused in plain words', async () => {
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(page).not.toHaveURL(/token=/); // the launch token is taken out of the address bar
    await expectNoSeriousA11yViolations(page, 'login screen');
    await page.getByRole('button', { name: 'Achieng Cashier' }).click();
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong password or PIN');
    await page.getByLabel('Password').fill('cashier1234');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(page.getByTestId('operator')).toHaveText('Achieng Cashier (Cashier)');
    await expect(page.getByTestId('sync-status')).toHaveText('Not connected to the cloud');
  });

  await test.step('open a cash session with a float', async () => {
    await expect(page.getByRole('heading', { name: 'Open a cash session' })).toBeVisible();
    await page.getByLabel('Opening float (KES)').fill('5,000');
    await page.getByRole('button', { name: 'Open session' }).click();
    await expect(page.getByTestId('cash-session')).toContainText('float KES 5,000.00');
  });

  const scan = page.getByLabel('Scan or search');
  await test.step('three items scanned as keyboard-wedge bursts', async () => {
    await expect(scan).toBeFocused();
    await wedgeScan(page, SUGAR);
    await expect(cartRows(page)).toHaveCount(1);
    await wedgeScan(page, MILK);
    await expect(cartRows(page)).toHaveCount(2);
    await wedgeScan(page, SODA);
    await expect(cartRows(page)).toHaveCount(3);
    await expect(cartRows(page).nth(0)).toContainText('Kabras Sugar 1kg');
    await expect(cartRows(page).nth(1)).toContainText('Brookside Milk 500ml');
    await expect(cartRows(page).nth(2)).toContainText('Coca-Cola 500ml');
    await expect(scan).toBeFocused();
    await expect(scan).toHaveValue('');
  });

  await test.step('an unknown barcode beeps and says so, leaving the cart as it was', async () => {
    await wedgeScan(page, UNKNOWN);
    await expect(page.getByRole('alert')).toContainText('Unknown barcode');
    await expect(page.locator('body')).toHaveAttribute('data-beeps', '1');
    await expect(cartRows(page)).toHaveCount(3);
    await expect(scan).toBeFocused();
  });

  await test.step('a person typing the same digits gets a search, and Enter adds the match', async () => {
    await page.keyboard.type(SUGAR, { delay: 120 });
    await expect(page.getByRole('option', { name: /Kabras Sugar 1kg/ })).toBeVisible();
    await expect(cartRows(page).nth(0)).toContainText('Kabras Sugar 1kg');
    await page.keyboard.press('Enter');
    await expect(cartRows(page)).toHaveCount(3);
    await expect(cartRows(page).nth(0).locator('td').nth(2)).toHaveText('2');
  });

  await test.step('search by name and add the product', async () => {
    await page.keyboard.type('jogoo', { delay: 40 });
    await expect(page.getByRole('option', { name: /Jogoo Maize Flour 2kg/ })).toBeVisible();
    await saveScreen(page, 'till-search');
    await page.getByRole('option', { name: /Jogoo Maize Flour 2kg/ }).click();
    await expect(cartRows(page)).toHaveCount(4);
    await expect(cartRows(page).nth(3)).toContainText('Jogoo Maize Flour 2kg');
    await expect(scan).toBeFocused();
  });

  await test.step('price override needs a manager: a wrong PIN is refused, the right one applies', async () => {
    await cartRows(page).nth(1).click(); // the milk
    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: 'Change the price of Brookside Milk 500ml' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('New unit price (KES)').fill('60');
    await dialog.getByLabel('Reason').fill('damaged pack');
    await dialog.getByLabel('Approving manager').selectOption({ label: 'Otieno Manager' });
    await dialog.getByLabel('Manager PIN').fill('9999');
    await saveScreen(page, 'price-override');
    await dialog.getByRole('button', { name: 'Change price' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong manager PIN');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Manager PIN').fill('2222');
    await dialog.getByRole('button', { name: 'Change price' }).click();
    await expect(dialog).toBeHidden();
    await expect(cartRows(page).nth(1)).toContainText('price changed (was 65.00)');
    await expect(scan).toBeFocused();
    // 2 × 165 + 60 + 80 + 175
    await expect(page.getByTestId('sale-total')).toHaveText('KES 645.00');
  });

  await test.step('till screen: accessible, screenshot', async () => {
    await expectNoSeriousA11yViolations(page, 'till screen');
    await saveScreen(page, 'till');
  });

  await test.step('pay: too little is refused, then cash + M-Pesa, change in large type', async () => {
    await page.keyboard.press('F10');
    await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible();
    await expect(page.getByTestId('amount-due')).toHaveText('KES 645.00');
    const amount = page.getByLabel('Amount (KES)');
    await amount.fill('100');
    await page.getByRole('button', { name: 'Add payment' }).click();
    await expect(page.getByTestId('balance')).toHaveText('KES 545.00');
    await page.getByRole('button', { name: 'Complete sale', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('not fully paid');

    await page.getByRole('radio', { name: /M-Pesa/ }).check();
    await expect(amount).toHaveValue('545.00');
    await amount.fill('300');
    await page.getByLabel('M-Pesa code').fill('QK12ABC345');
    await page.getByRole('button', { name: 'Add payment' }).click();
    await expect(page.getByTestId('balance')).toHaveText('KES 245.00');

    await page.getByRole('radio', { name: /Cash/ }).check();
    await page.getByRole('button', { name: 'KES 500.00' }).click(); // quick cash: the next 500
    await expect(page.getByTestId('balance')).toHaveText('KES 0.00');
    await expect(page.getByTestId('change-due')).toHaveText('KES 255.00');
    await expectNoSeriousA11yViolations(page, 'tender screen');
    await saveScreen(page, 'tender');
  });

  await test.step('complete (Enter in the empty amount field): the receipt, and a reprint marked COPY', async () => {
    await expect(page.getByLabel('Amount (KES)')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
    await expect(page.getByTestId('change-summary')).toHaveText('KES 255.00');
    const receipt = page.getByRole('article', { name: /Receipt T01-\d{6}/ });
    await expect(receipt).toContainText('Kabras Sugar 1kg');
    await expect(receipt).toContainText('price override');
    await expect(receipt).toContainText('QK12ABC345');
    await expect(page.getByTestId('receipt-total')).toHaveText('KES 645.00');
    await expect(receipt).not.toContainText('COPY');
    await saveScreen(page, 'receipt');
    await page.getByRole('button', { name: 'Reprint', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Receipt copy' })).toBeVisible();
    await expect(page.getByRole('article', { name: /Receipt T01-\d{6}/ })).toContainText('*** COPY ***');
    await page.getByRole('button', { name: 'New sale', exact: true }).click();
    await expect(page.getByText('No items yet.')).toBeVisible();
    await expect(scan).toBeFocused();
  });
});
