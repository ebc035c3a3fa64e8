// The end-to-end suite's `test` and `expect`. Import them from here, not from '@playwright/test':
//   import { test, expect } from './fixtures.js';
//   test('logs in', async ({ page, till }) => { await page.goto(till.pageUrl); … });
//
// `till` is a real browser-mode till (src-main/cli/serve.ts, demo store, 300 products) started once per worker
// and stopped at the worker's end. The till keeps who is logged in, the open session and the open sale, so
// files sharing a worker share that state. A file that needs a till of its own sets a name unique to it:
//   test.use({ freshTill: 'refund' });
// (tests with another `freshTill` value run in another worker, which starts its own till — also in beforeAll).
import { test as base, expect } from '@playwright/test';
import { startTill, type TillServer } from './support/till-process.js';

export interface TillWorkerFixtures {
  till: TillServer;
  /** false (share the worker's till) or a name unique to the file (a till of its own). */
  freshTill: string | false;
}

export const test = base.extend<object, TillWorkerFixtures>({
  freshTill: [false, { option: true, scope: 'worker' }],
  till: [
    async ({ freshTill: _freshTill }, use) => {
      const till = await startTill();
      try {
        await use({ url: till.url, token: till.token, dataDir: till.dataDir, pageUrl: till.pageUrl });
      } finally {
        await till.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

export { expect };
export type { TillServer };
