// The browser-mode host as a cashier's browser meets it: the page from `npm run serve` loads under its strict
// Content-Security-Policy without a single refused script, style or call, and opens on the login screen.
import { expect, test } from './fixtures.js';
import { saveScreen } from './support/screens.js';

test('the browser till opens on the login screen, under its strict CSP', async ({ page, till }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (answer) => {
    if (answer.status() >= 400) problems.push(`${answer.status()} for ${answer.url()}`);
  });

  const response = await page.goto(till.pageUrl);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page).toHaveTitle(/AsiriaPOS/);
  await expect(page.getByText('Choose your name, then type your password.')).toBeVisible();
  await saveScreen(page, 'host-login');
  expect(problems).toEqual([]);
});

test('the till API refuses a call without the launch token, from the page’s own origin too', async ({
  page,
  till,
}) => {
  await page.goto(till.pageUrl);
  const status = await page.request.post(`${till.url}/rpc/auth.users`, { data: {} });
  expect(status.status()).toBe(401);
  const withToken = await page.request.post(`${till.url}/rpc/auth.users`, {
    data: {},
    headers: { authorization: `Bearer ${till.token}` },
  });
  expect(withToken.status()).toBe(200);
});
