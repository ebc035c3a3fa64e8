// Stock end to end in Chromium against the browser-mode till: a cashier opens Stock from the menu, sees the
// low-stock list (and no approvals queue), looks a product up with its stock on hand and asks for an
// adjustment (−2, damaged); a manager approves it in the approvals queue and the stock on hand goes down by 2.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { saveScreen } from './support/screens.js';

test.use({ freshTill: 'stock' });

async function login(page: Page, name: string, password: string, shown: string): Promise<void> {
  await page.getByRole('button', { name }).click();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByTestId('operator')).toHaveText(shown);
}

/** The "On hand" cell of the look-up row of `name`. */
async function onHandOf(page: Page, name: string): Promise<string> {
  const row = page.getByTestId('lookup-results').getByRole('row', { name: new RegExp(name) });
  return (await row.locator('td').nth(2).textContent()) ?? '';
}

test('a cashier looks up stock and requests an adjustment; a manager approves it', async ({ page, till }) => {
  await page.goto(till.pageUrl);
  await login(page, 'Achieng Cashier', 'cashier1234', 'Achieng Cashier (Cashier)');

  await test.step('F11 → F4 opens Stock on the low-stock list', async () => {
    await page.keyboard.press('F11');
    await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
    await page.keyboard.press('F4');
    await expect(page.getByRole('heading', { name: 'Stock' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Low stock/ }).first()).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(
      page.getByTestId('stock-low').or(page.getByText('No product is running low.')),
    ).toBeVisible();
  });

  let before = '';
  await test.step('look up a product: stock on hand', async () => {
    await page.keyboard.press('F4');
    await page.getByLabel('Find a product by name, SKU or barcode').fill('Kabras Sugar');
    await expect(
      page.getByTestId('lookup-results').getByRole('row', { name: /Kabras Sugar 1kg/ }),
    ).toBeVisible();
    before = await onHandOf(page, 'Kabras Sugar 1kg');
    expect(Number(before)).toBeGreaterThan(2);
  });

  await test.step('request an adjustment of −2 (damaged)', async () => {
    await page.getByRole('button', { name: 'Request an adjustment of Kabras Sugar 1kg' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adjust the stock of Kabras Sugar 1kg' });
    await dialog.getByLabel('Change (e.g. -2 or +5)').fill('-2');
    await dialog.getByLabel('Reason').fill('Damaged in the store room');
    await dialog.getByRole('button', { name: 'Request adjustment' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/Adjustment of Kabras Sugar 1kg requested/)).toBeVisible();
  });

  await test.step('a manager approves it in the queue: the stock goes down by 2', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await login(page, 'Otieno Manager', 'manager1234', 'Otieno Manager (Manager)');
    await page.keyboard.press('F11');
    await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
    await page.keyboard.press('F4');
    await expect(page.getByRole('heading', { name: 'Stock' })).toBeVisible();
    await page.keyboard.press('F5');
    const queue = page.getByTestId('approvals');
    await expect(queue.getByRole('row', { name: /Kabras Sugar 1kg/ })).toContainText('−2');
    await expectNoSeriousA11yViolations(page, 'stock approvals');
    await saveScreen(page, 'stock-approvals');
    await page.getByRole('button', { name: 'Approve the adjustment of Kabras Sugar 1kg' }).click();
    const after = String(Number(before) - 2);
    await expect(page.getByText(`Approved: Kabras Sugar 1kg now has ${after} on hand.`)).toBeVisible();
    await expect(page.getByText('No adjustment is waiting for approval.')).toBeVisible();
    await page.keyboard.press('F4');
    await page.getByLabel('Find a product by name, SKU or barcode').fill('Kabras Sugar');
    await expect.poll(() => onHandOf(page, 'Kabras Sugar 1kg')).toBe(after);
  });
});
