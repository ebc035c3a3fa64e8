// Cloud sync on the till screen, end to end in Chromium against the browser-mode till (demo store, never
// registered): the top bar says "Not connected to the cloud" on the login screen and after login; the owner's
// "Connect to the cloud" opens the connect screen, which says what to type in each empty field, reads a cloud
// that does not answer (a closed port on this machine) in plain words and forgets the password; a manager's
// menu (F11 → F6) opens Cloud sync. Axe finds no serious or critical violations on either screen.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { saveScreen } from './support/screens.js';
import { freePort } from '../support/free-port.js';

test.use({ freshTill: 'sync' });

async function loginAsManager(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Otieno Manager' }).click();
  await page.getByLabel('Password').fill('manager1234');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByTestId('operator')).toHaveText('Otieno Manager (Manager)');
}

test('a demo till says it is not connected, and the connect screen explains what went wrong', async ({
  page,
  till,
}) => {
  await page.goto(till.pageUrl);
  const indicator = page.getByTestId('sync-status');

  await test.step('the login screen shows "Not connected to the cloud"', async () => {
    await expect(indicator).toHaveText('Not connected to the cloud');
    await expect(page.getByRole('button', { name: 'Connect to the cloud' })).toBeVisible();
  });

  await test.step('the connect screen says what to type in each empty field', async () => {
    await page.getByRole('button', { name: 'Connect to the cloud' }).click();
    const form = page.getByRole('form', { name: 'Connect to the cloud' });
    await expect(form).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'connect screen');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText('Some fields need fixing: see the messages under them.');
    await expect(form.getByText('Type the full address, starting with http:// or https://')).toBeVisible();
    await expect(form.getByText('Give this till a name')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'connect screen with field errors');
  });

  await test.step('a cloud that does not answer is said in plain words; the password is not kept', async () => {
    const form = page.getByRole('form', { name: 'Connect to the cloud' });
    await form.getByLabel('Cloud address').fill(`http://127.0.0.1:${String(await freePort())}`);
    await form.getByLabel("Owner's phone number").fill('0700000001');
    await form.getByLabel("Owner's password").fill('owner1234');
    await form.getByLabel('Name of this till').fill('Till 2');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText(
      "The cloud cannot be reached at that address. Check the address and this till's internet connection, then try again.",
    );
    await expect(form.getByLabel("Owner's password")).toHaveValue('');
    await expect(indicator).toHaveText('Not connected to the cloud');
    await saveScreen(page, 'sync-connect');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  });

  await test.step('a manager opens Cloud sync from the menu (F11 → F6)', async () => {
    await loginAsManager(page);
    await expect(indicator).toHaveText('Not connected to the cloud');
    await page.keyboard.press('F11');
    await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
    await page.keyboard.press('F6');
    await expect(page.getByRole('heading', { name: 'Cloud sync' })).toBeVisible();
    await expect(page.getByTestId('sync-details')).toContainText(
      "An owner can connect this till to the cloud with the owner's phone number and password.",
    );
    await expect(page.getByRole('button', { name: 'Sync now', exact: true })).toBeDisabled();
    await expectNoSeriousA11yViolations(page, 'cloud sync screen');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Cloud sync' })).toBeHidden();
  });
});
