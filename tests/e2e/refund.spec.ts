// A refund end to end in Chromium against the browser-mode till: a completed cash sale (rung up through the
// till's HTTP API), then at the screen a cashier finds its receipt (F11 → Refund), sees quantities limited
// to what was sold, refunds one item with a manager's approval (a wrong PIN is refused first), and sees the
// refund receipt; the refunded line then shows nothing left to refund.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, type TillServer } from './fixtures.js';
import { saveScreen } from './support/screens.js';

test.use({ freshTill: 'refund' });

const SUGAR = '6160000000012'; // Kabras Sugar 1kg, KES 165.00
const MILK = '6160000000029'; // Brookside Milk 500ml, KES 65.00

async function rpc<T>(
  request: APIRequestContext,
  till: TillServer,
  method: string,
  input: object,
): Promise<T> {
  const response = await request.post(`${till.url}/rpc/${method}`, {
    headers: { authorization: `Bearer ${till.token}` },
    data: input,
  });
  const body = (await response.json()) as {
    ok: boolean;
    value?: T;
    error?: { code: string; message: string };
  };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code ?? '?'} ${body.error?.message ?? ''}`);
  return body.value as T;
}

/** A cashier's completed cash sale of sugar + milk; returns its receipt number. */
async function completedSale(request: APIRequestContext, till: TillServer): Promise<string> {
  await rpc(request, till, 'auth.login', { phone: '0700000003', password: 'cashier1234' });
  const session = await rpc<object | null>(request, till, 'session.current', {});
  if (!session) await rpc(request, till, 'session.open', { openingFloat: 500_000 });
  const sale = await rpc<{ id: string }>(request, till, 'sale.start', {});
  await rpc(request, till, 'sale.addItem', { saleId: sale.id, code: SUGAR });
  await rpc(request, till, 'sale.addItem', { saleId: sale.id, code: MILK });
  await rpc(request, till, 'sale.tender', { saleId: sale.id, method: 'CASH', amount: 50_000 });
  const done = await rpc<{ receipt: { receiptNumber: string } }>(request, till, 'sale.complete', {
    saleId: sale.id,
  });
  return done.receipt.receiptNumber;
}

const qtyBox = (page: Page, name: string) => page.getByLabel(`Quantity of ${name} to refund`);

test('a cashier refunds one item from a receipt with a manager approval', async ({ page, till, request }) => {
  const receiptNumber = await completedSale(request, till);
  await page.goto(till.pageUrl);
  await expect(page.getByTestId('operator')).toHaveText('Achieng Cashier (Cashier)');

  await test.step('F11 → F2 opens the refund screen; the receipt is found by its number', async () => {
    await expect(page.getByLabel('Scan or search')).toBeFocused();
    await page.keyboard.press('F11');
    await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
    await page.keyboard.press('F2');
    await expect(page.getByRole('heading', { name: 'Refund / return' })).toBeVisible();
    await page.getByLabel('Receipt number').fill('T01-999999');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByLabel('Receipt number').fill(receiptNumber);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Refund from receipt ${receiptNumber}` })).toBeVisible();
    await expect(page.getByTestId('refund-lines').locator('tbody tr')).toHaveCount(2);
  });

  const submit = page.getByRole('button', { name: 'Refund', exact: true });
  await test.step('quantities are limited to what was sold', async () => {
    await qtyBox(page, 'Brookside Milk 500ml').fill('2');
    await expect(page.getByText('At most 1 can be refunded.')).toBeVisible();
    await page.getByLabel('Reason', { exact: true }).fill('Customer returned it unopened');
    await expect(submit).toBeDisabled();
    await qtyBox(page, 'Brookside Milk 500ml').fill('1');
    await expect(page.getByText('At most 1 can be refunded.')).toBeHidden();
  });

  await test.step('a wrong manager PIN is refused; the right one refunds', async () => {
    await page.getByLabel('Approving manager').selectOption({ label: 'Otieno Manager' });
    await page.getByLabel('Manager PIN').fill('0000');
    await submit.click();
    await expect(page.getByRole('alert')).toContainText('Wrong manager PIN');
    await page.getByLabel('Manager PIN').fill('2222');
    await page.keyboard.press('F10');
    await expect(page.getByRole('heading', { name: 'Refund done' })).toBeVisible();
    await expect(page.getByTestId('refund-total')).toHaveText('KES 65.00');
    const refundReceipt = page.getByRole('article', { name: /Receipt T01-R\d+/ });
    await expect(refundReceipt).toContainText('Brookside Milk 500ml');
    await expect(refundReceipt).toContainText('*** REFUND ***');
    await expect(refundReceipt).toContainText(`Original receipt${receiptNumber}`);
    await saveScreen(page, 'refund-receipt');
  });

  await test.step('the same receipt again: the milk has nothing left to refund', async () => {
    await page.keyboard.press('F3');
    await page.getByLabel('Receipt number').fill(receiptNumber);
    await page.keyboard.press('Enter');
    await expect(qtyBox(page, 'Brookside Milk 500ml')).toBeDisabled();
    await expect(qtyBox(page, 'Kabras Sugar 1kg')).toBeEnabled();
  });
});
