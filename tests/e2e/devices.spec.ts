// Devices end to end in Chromium against the browser-mode till: a manager opens Devices from the menu; on a
// fresh till nothing is configured; a network printer is added (host/port/width) and shows with its address
// and a status, and a test print is queued for it. A cashier's menu has no Devices (session-close.spec.ts).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { saveScreen } from './support/screens.js';

test.use({ freshTill: 'devices' });

async function loginAsManager(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Otieno Manager' }).click();
  await page.getByLabel('Password').fill('manager1234');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByTestId('operator')).toHaveText('Otieno Manager (Manager)');
}

test('a manager configures a network printer and sends a test print', async ({ page, till }) => {
  await page.goto(till.pageUrl);
  await loginAsManager(page);

  await test.step('F11 → F5 opens Devices: nothing configured on a fresh till', async () => {
    await page.keyboard.press('F11');
    await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
    await page.keyboard.press('F5');
    await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
    const devices = page.getByTestId('devices');
    for (const kind of ['printer', 'drawer', 'scanner', 'display']) {
      await expect(devices.locator(`tr[data-kind="${kind}"]`)).toContainText('Not configured');
    }
    await expect(page.getByTestId('last-scan')).toHaveText('Nothing scanned yet.');
  });

  await test.step('add a network printer (host, port, 58 mm)', async () => {
    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: 'Add network printer' });
    await dialog.getByLabel('Printer address (IP or host name)').fill('127.0.0.1');
    await dialog.getByLabel('Port').fill('9');
    await dialog.getByLabel('58 mm (32 characters)').check();
    await dialog.getByRole('button', { name: 'Save printer' }).click();
    await expect(dialog).toBeHidden();
    const printer = page.getByTestId('devices').locator('tr[data-kind="printer"]');
    await expect(printer).toContainText('Receipt printer');
    await expect(printer).toContainText('127.0.0.1:9');
  });

  await test.step('test print (F2) is queued for the printer', async () => {
    await page.keyboard.press('F2');
    await expect(page.getByText('Test page sent to Receipt printer.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'devices screen');
    await saveScreen(page, 'devices');
  });
});
