// A cashier's whole day as ONE story in Chromium against the browser-mode till (real serve.ts, real ledger):
// log in, open the session with a float, scan three items as keyboard-wedge bursts, search and add one by
// name, a price override with the manager's PIN and a reason, split cash + M-Pesa with a reference, the
// change, complete and the receipt; refund one item from that receipt (manager approval, paid back in cash);
// a paid-out with a reason; close with a count by notes and coins, the variance, the Z report.
// Every amount the cashier reads is computed here from the demo catalog's real prices (read through the till
// API) with the screen's own money formatter — no figure is typed in by hand.
// The edge cases live with their screens: wrong manager PIN, unknown barcode (message, cart untouched) and
// tendering too little in till-sale.spec.ts, a wrong unlock PIN in till-screens.spec.ts, a wrong PIN on a
// refund in refund.spec.ts.
import type { Page } from '@playwright/test';
import type { LookupResult } from '../../src-shared/contract/catalog.js';
import { DEMO_FIXED_PRODUCTS } from '../../src-main/ledger/seed/demo-catalog.js';
import { DEMO_USERS, demoBarcode } from '../../src-main/ledger/seed/demo-store.js';
import { amountInputText, formatAmount, formatMoney } from '../../src-renderer/format/money.js';
import { KES_DENOMINATIONS } from '../../src-shared/domain/cash-session.js';
import { expect, test, type TillServer } from './fixtures.js';
import { saveScreen } from './support/screens.js';

test.use({ freshTill: 'cashier-day' });

const FLOAT = 500_000; // KES 5,000.00 counted into the drawer in the morning
const PAID_OUT = 35_000; // KES 350.00 for transport
const SHORT = 2_000; // the evening count comes out KES 20.00 short
const MPESA_CODE = 'QK4DAY7XYZ';
const { cashier, manager } = DEMO_USERS;

interface Product {
  barcode: string;
  name: string;
  price: number;
}

/** A demo product by its catalog key, with its name and price as the till's ledger has them (catalog.lookup). */
async function product(page: Page, till: TillServer, key: string): Promise<Product> {
  const index = DEMO_FIXED_PRODUCTS.findIndex((p) => p.key === key);
  expect(index, `demo product "${key}"`).toBeGreaterThanOrEqual(0);
  const barcode = demoBarcode(index + 1);
  const response = await page.request.post(`${till.url}/rpc/catalog.lookup`, {
    headers: { authorization: `Bearer ${till.token}` },
    data: { code: barcode },
  });
  const body = (await response.json()) as { ok: boolean; value: LookupResult };
  expect(body.ok, `catalog.lookup ${barcode}`).toBe(true);
  return { barcode, name: body.value.product.name, price: body.value.product.price };
}

/** A keyboard-wedge scanner: the code as a burst of keys ~10 ms apart, then Enter. */
async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 10 });
  await page.keyboard.press('Enter');
}

/** Notes and coins that make up `amount` (largest first), as the cashier counts them. */
interface Counted {
  label: string;
  kind: string;
  count: number;
}

function countOf(amount: number): Counted[] {
  let left = amount;
  const counts: Counted[] = [];
  for (const d of KES_DENOMINATIONS) {
    const count = Math.floor(left / d.value);
    left -= count * d.value;
    if (count > 0) counts.push({ label: d.label, kind: d.kind, count });
  }
  expect(left, `${formatMoney(amount)} in notes and coins`).toBe(0);
  return counts;
}

const cartRows = (page: Page) => page.getByTestId('cart').locator('tbody tr');

test("a cashier's day: sell, refund, pay out, close with a count and read the Z report", async ({
  page,
  till,
}) => {
  await page.goto(till.pageUrl);

  await test.step('log in as the cashier', async () => {
    await page.getByRole('button', { name: cashier.name }).click();
    await page.getByLabel('Password').fill(cashier.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(page.getByTestId('operator')).toHaveText(`${cashier.name} (Cashier)`);
  });

  const sugar = await product(page, till, 'sugar');
  const milk = await product(page, till, 'milk');
  const soda = await product(page, till, 'soda');
  const flour = await product(page, till, 'flour');

  await test.step('open the session with a float', async () => {
    await expect(page.getByRole('heading', { name: 'Open a cash session' })).toBeVisible();
    await page.getByLabel('Opening float (KES)').fill(amountInputText(FLOAT));
    await page.getByRole('button', { name: 'Open session' }).click();
    await expect(page.getByTestId('cash-session')).toContainText(`float ${formatMoney(FLOAT)}`);
  });

  const scan = page.getByLabel('Scan or search');
  await test.step('three items scanned as keyboard-wedge bursts, one after the other', async () => {
    await expect(scan).toBeFocused();
    // A cashier moves the next item to the scanner once the last one is on the screen (a burst sent while the
    // page is still rendering the previous line can arrive slowed down on a loaded machine and read as typing).
    for (const [n, item] of [sugar, milk, soda].entries()) {
      await wedgeScan(page, item.barcode);
      await expect(cartRows(page)).toHaveCount(n + 1);
    }
    for (const item of [sugar, milk, soda]) {
      await expect(cartRows(page).filter({ hasText: item.name })).toHaveCount(1);
    }
    await expect(page.getByTestId('sale-total')).toHaveText(
      formatMoney(sugar.price + milk.price + soda.price),
    );
    await expect(scan).toHaveValue('');
  });

  await test.step('search by name and add one', async () => {
    const firstWord = flour.name.split(' ')[0]!.toLowerCase();
    await page.keyboard.type(firstWord, { delay: 40 });
    await page.getByRole('option', { name: new RegExp(flour.name) }).click();
    await expect(cartRows(page)).toHaveCount(4);
    await expect(cartRows(page).nth(3)).toContainText(flour.name);
    await expect(scan).toBeFocused();
  });

  const milkPrice = milk.price - 500; // KES 5 off a damaged pack
  const total = sugar.price + milkPrice + soda.price + flour.price;
  await test.step("override the milk's price with the manager's PIN and a reason", async () => {
    await cartRows(page).filter({ hasText: milk.name }).click();
    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: `Change the price of ${milk.name}` });
    await dialog.getByLabel('New unit price (KES)').fill(amountInputText(milkPrice));
    await dialog.getByLabel('Reason').fill('damaged pack');
    await dialog.getByLabel('Approving manager').selectOption({ label: manager.name });
    await dialog.getByLabel('Manager PIN').fill(manager.pin);
    await dialog.getByRole('button', { name: 'Change price' }).click();
    await expect(dialog).toBeHidden();
    await expect(cartRows(page).filter({ hasText: milk.name })).toContainText(
      `price changed (was ${formatAmount(milk.price)})`,
    );
    await expect(page.getByTestId('sale-total')).toHaveText(formatMoney(total));
    await saveScreen(page, 'day-till');
  });

  const mpesa = Math.floor(total / 200) * 100; // about half, in whole shillings
  const cashDue = total - mpesa;
  const cashGiven = Math.floor(cashDue / 50_000) * 50_000 + 50_000; // the next KES 500 note up
  await test.step('split tender: M-Pesa with its code, then cash; the change in large type', async () => {
    await page.keyboard.press('F10');
    await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible();
    await expect(page.getByTestId('amount-due')).toHaveText(formatMoney(total));
    const amount = page.getByLabel('Amount (KES)');
    await page.getByRole('radio', { name: /M-Pesa/ }).check();
    await amount.fill(amountInputText(mpesa));
    await page.getByLabel('M-Pesa code').fill(MPESA_CODE);
    await page.getByRole('button', { name: 'Add payment' }).click();
    await expect(page.getByTestId('balance')).toHaveText(formatMoney(cashDue));
    await page.getByRole('radio', { name: /Cash/ }).check();
    await amount.fill(amountInputText(cashGiven));
    await page.getByRole('button', { name: 'Add payment' }).click();
    await expect(page.getByTestId('balance')).toHaveText(formatMoney(0));
    await expect(page.getByTestId('change-due')).toHaveText(formatMoney(cashGiven - cashDue));
    await saveScreen(page, 'day-tender');
  });

  let receiptNumber = '';
  await test.step('complete: the receipt', async () => {
    await page.getByRole('button', { name: 'Complete sale', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
    await expect(page.getByTestId('change-summary')).toHaveText(formatMoney(cashGiven - cashDue));
    const receipt = page.getByRole('article', { name: /Receipt T01-\d{6}/ });
    for (const item of [sugar, milk, soda, flour]) await expect(receipt).toContainText(item.name);
    await expect(receipt).toContainText(MPESA_CODE);
    await expect(page.getByTestId('receipt-total')).toHaveText(formatMoney(total));
    receiptNumber = /T01-\d{6}/.exec((await receipt.getAttribute('aria-label')) ?? '')?.[0] ?? '';
    expect(receiptNumber).not.toBe('');
    await saveScreen(page, 'day-receipt');
  });

  await test.step('refund the soda from that receipt, with the manager, paid back in cash', async () => {
    await page.keyboard.press('F10'); // new sale
    await expect(scan).toBeFocused();
    await page.keyboard.press('F11');
    await page
      .getByRole('dialog', { name: 'Menu' })
      .getByRole('button', { name: /Refund \/ return/ })
      .click();
    await page.getByLabel('Receipt number').fill(receiptNumber);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Refund from receipt ${receiptNumber}` })).toBeVisible();
    await page.getByLabel(`Quantity of ${soda.name} to refund`).fill('1');
    await page.getByLabel('Reason', { exact: true }).fill('Customer returned it unopened');
    await page.getByRole('radio', { name: 'In cash' }).check();
    await page.getByLabel('Approving manager').selectOption({ label: manager.name });
    await page.getByLabel('Manager PIN').fill(manager.pin);
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Refund done' })).toBeVisible();
    await expect(page.getByTestId('refund-total')).toHaveText(formatMoney(soda.price));
    await expect(page.getByRole('article', { name: /Receipt T01-R\d+/ })).toContainText(soda.name);
    await saveScreen(page, 'day-refund');
  });

  await test.step('paid out with a reason, from the cash session screen', async () => {
    await page.keyboard.press('F10'); // back to the till
    await expect(scan).toBeFocused();
    await page.keyboard.press('F11');
    await page
      .getByRole('dialog', { name: 'Menu' })
      .getByRole('button', { name: /Cash session/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Cash session' })).toBeVisible();
    await page.keyboard.press('F3');
    const dialog = page.getByRole('dialog', { name: 'Paid out' });
    await dialog.getByLabel('Amount (KES)').fill(amountInputText(PAID_OUT));
    await dialog.getByLabel('Reason').fill('Transport for a delivery');
    await dialog.getByRole('button', { name: 'Record paid out' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('paid-out')).toHaveText(formatMoney(PAID_OUT));
  });

  // The drawer: the float, the sale's cash (what was given less the change), the cash refund, the paid-out.
  const expected = FLOAT + cashDue - soda.price - PAID_OUT;
  const counted = expected - SHORT;
  await test.step('close with a count by notes and coins: the variance', async () => {
    await page.keyboard.press('F5');
    await expect(page.getByRole('heading', { name: 'Close the cash session' })).toBeVisible();
    await expect(page.getByTestId('close-expected')).toHaveText(formatMoney(expected));
    for (const { label, kind, count } of countOf(counted)) {
      await page.getByLabel(`Number of ${label} ${kind}s`).fill(String(count));
    }
    await expect(page.getByTestId('counted-total')).toHaveText(formatMoney(counted));
    await expect(page.getByTestId('variance')).toContainText(`Short by ${formatMoney(SHORT)}`);
    await saveScreen(page, 'day-close-session');
  });

  await test.step('the session closes; the Z report', async () => {
    await page.getByRole('button', { name: /^Close session/ }).click();
    await expect(page.getByRole('heading', { name: 'Session closed' })).toBeVisible();
    await expect(page.getByTestId('variance')).toContainText(`Short by ${formatMoney(SHORT)}`);
    const z = page.getByTestId('report-Z');
    await expect(z).toContainText(/Z report T01-Z\d+/);
    await expect(page.getByTestId('report-net-sales')).toHaveText(formatMoney(total - soda.price));
    await expect(page.getByTestId('report-expected')).toHaveText(formatMoney(expected));
    await expect(page.getByTestId('report-counted')).toHaveText(formatMoney(counted));
    await expect(page.getByTestId('report-variance')).toHaveText(`Short by ${formatMoney(SHORT)}`);
    await expect(page.getByTestId('cash-session')).toHaveText('No open session');
    await saveScreen(page, 'day-z-report');
  });
});
