// The "done when": a newcomer logs in and exercises the API from Swagger UI. This walks it in a real
// Chromium against a real server: the page lists every documented operation, POST /api/token/ run from the
// page returns tokens, and after "Authorize" with the access token a protected list answers from the page.
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD, startTestServer, type TestServer } from './support/test-server.js';

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium';

function operation(page: Page, method: string, path: string): Locator {
  return page
    .locator(`.opblock.opblock-${method}`)
    .filter({ has: page.locator('.opblock-summary-path', { hasText: new RegExp(`^${path}$`) }) });
}

/** Opens an operation, presses "Try it out", optionally types the JSON body, executes, returns the live answer. */
async function runFromPage(
  page: Page,
  method: string,
  path: string,
  body?: object,
): Promise<{ status: string; text: string }> {
  const block = operation(page, method, path);
  await block.locator('.opblock-summary').first().click();
  await block.locator('button.try-out__btn').click();
  if (body) await block.locator('textarea.body-param__text').fill(JSON.stringify(body));
  await block.locator('button.execute').click();
  const live = block.locator('.live-responses-table .response').first();
  await live.waitFor();
  return {
    status: (await live.locator('.response-col_status').innerText()).trim(),
    text: await live.locator('.response-col_description').innerText(),
  };
}

describe('Swagger UI in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestServer();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('lists every operation, logs in from the page, and calls a protected endpoint after Authorize', async () => {
    const page = await browser.newPage();
    const failedAssets: string[] = [];
    page.on('requestfailed', (request) => failedAssets.push(request.url()));
    await page.goto(`${base}/swagger/`);
    await page.locator('.opblock').first().waitFor();

    const documented = t.routes.filter((r) => r.url !== '/api/schema/').length;
    expect(await page.locator('.opblock').count()).toBe(documented);

    const login = await runFromPage(page, 'post', '/api/token/', {
      phone_number: t.users.owner.phone,
      password: SEED_PASSWORD,
    });
    expect(login.status).toBe('200');
    const access = /"access":\s*"([^"]+)"/.exec(login.text)?.[1];
    expect(access, login.text).toBeDefined();

    await page.locator('.auth-wrapper button.authorize').click();
    const dialog = page.locator('.dialog-ux .modal-ux');
    await dialog.locator('input[type="text"]').first().fill(access!);
    await dialog.locator('button.authorize').click();
    await dialog.locator('button.btn-done').click();

    const stores = await runFromPage(page, 'get', '/api/stores/');
    expect(stores.status).toBe('200');
    expect(stores.text).toContain(t.store.code);
    expect(failedAssets).toEqual([]);
    await page.close();
  });
});
