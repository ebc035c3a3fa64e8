// The in-page half of `npm run bench:ui`: timings are taken INSIDE the till page with performance.now() /
// KeyboardEvent.timeStamp (one clock), so Playwright's round trips never enter a figure. Before each
// measured action the bench arms a probe; the probe records the first and last keystroke and the Enter
// (keydown, capture phase, before the screen sees them), and a MutationObserver checks the screen after
// every change until it shows the expected result; the sample ends at the next animation frame (the frame
// that paints the change). The probe source is plain JavaScript run in the page (the tests' TypeScript
// has no DOM types).
import type { CDPSession, Page } from 'playwright-core';

/** What a cart row must show for a scan to count as visible. */
export interface CartExpectation {
  /** Rows the cart must have. */
  rows: number;
  /** 0-based row of the scanned product. */
  row: number;
  /** Its name (the row's `.line-name`). */
  name: string;
  /** Its quantity cell's text (e.g. "3"). */
  qty: string;
}

/** One measured action, in ms on the page's clock. */
export interface PageSample {
  /** First keystroke → the change painted (the frame after the DOM showed it). */
  fromFirstKeyMs: number;
  /** Last keystroke (for a scan: the Enter) → the change painted. */
  fromLastKeyMs: number;
  /** First → last keystroke (the burst / the typing itself). */
  typingMs: number;
  /** DOM showed it → the next frame. */
  domToFrameMs: number;
  /** The longest pause between two keystrokes (Enter included): a scan needs every gap ≤ 50 ms. */
  maxGapMs: number;
}

const PROBE_SOURCE = String.raw`(() => {
  if (window.__uiBench) return;
  const words = (text) => (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const checks = {
    cart(expect) {
      const rows = document.querySelectorAll('[data-testid="cart"] tbody tr');
      if (rows.length !== expect.rows) return false;
      const row = rows[expect.row];
      if (!row) return false;
      const name = row.querySelector('.line-name');
      const qty = row.cells[2];
      return name?.textContent === expect.name && qty?.textContent?.trim() === expect.qty;
    },
    search(query) {
      const tokens = words(query);
      const options = document.querySelectorAll('#search-results [role="option"]');
      if (options.length === 0) return false;
      return [...options].some((option) => {
        const have = words(option.textContent ?? '');
        return tokens.every((token) => have.some((word) => word.startsWith(token)));
      });
    },
  };
  let armed = false;
  let pending = null;
  window.__uiBench = {
    arm(kind, expect, needEnter) {
      if (armed) throw new Error('a probe is already armed');
      let firstKey = null;
      let lastKey = null;
      let enterKey = null;
      let maxGap = 0;
      const onKey = (event) => {
        if (event.key !== 'Enter' && event.key.length !== 1) return;
        if (lastKey !== null && enterKey === null) maxGap = Math.max(maxGap, event.timeStamp - lastKey);
        if (event.key === 'Enter') enterKey ??= event.timeStamp;
        else {
          firstKey ??= event.timeStamp;
          lastKey = event.timeStamp;
        }
      };
      window.addEventListener('keydown', onKey, true);
      let observer = null;
      let timer = null;
      const done = new Promise((resolve, reject) => {
        const finish = () => {
          observer?.disconnect();
          clearTimeout(timer);
          window.removeEventListener('keydown', onKey, true);
          armed = false;
        };
        timer = setTimeout(() => {
          finish();
          reject(new Error('the screen did not show ' + JSON.stringify(expect) + ' within 15 s'));
        }, 15000);
        observer = new MutationObserver(() => {
          if (firstKey === null || (needEnter && enterKey === null) || !checks[kind](expect)) return;
          const domAt = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => {
            const frameAt = performance.now();
            finish();
            const last = needEnter ? enterKey : lastKey;
            resolve({
              fromFirstKeyMs: frameAt - firstKey,
              fromLastKeyMs: frameAt - last,
              typingMs: last - firstKey,
              domToFrameMs: frameAt - domAt,
              maxGapMs: maxGap,
            });
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      done.catch(() => {});
      armed = true;
      pending = done;
    },
    result() {
      if (!pending) throw new Error('no probe armed');
      const done = pending;
      pending = null;
      return done;
    },
  };
})()`;

/** Installs the probe in the page (again after every navigation). */
export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE_SOURCE);
}

async function arm(page: Page, kind: 'cart' | 'search', expect: unknown, needEnter: boolean): Promise<void> {
  await page.evaluate(
    ([k, e, n]) => {
      (globalThis as unknown as ProbeWindow).__uiBench.arm(k, e, n);
    },
    [kind, expect, needEnter] as const,
  );
}

async function result(page: Page): Promise<PageSample> {
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).__uiBench.result());
}

interface ProbeWindow {
  __uiBench: {
    arm(kind: 'cart' | 'search', expect: unknown, needEnter: boolean): void;
    result(): Promise<PageSample>;
  };
}

/** Chromium's key event for one character of a code (digits and letters) or Enter. */
function keyEvents(key: string): object[] {
  if (key === 'Enter') {
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
    return [
      { type: 'keyDown', ...enter, text: '\r' },
      { type: 'keyUp', ...enter },
    ];
  }
  const upper = key.toUpperCase();
  const code = /\d/.test(key) ? `Digit${key}` : `Key${upper}`;
  const vk = upper.charCodeAt(0);
  const base = { key, code, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk };
  return [
    { type: 'keyDown', ...base, text: key },
    { type: 'keyUp', ...base },
  ];
}

/**
 * A keyboard-wedge scan: the code's keys and Enter sent to Chromium all at once (real input events, queued
 * like a hardware scanner's — the page takes them as fast as it can handle them; nothing waits for
 * Playwright between keys), timed until the cart shows `expect`.
 */
export async function measureScan(
  page: Page,
  cdp: CDPSession,
  code: string,
  expect: CartExpectation,
): Promise<PageSample> {
  await arm(page, 'cart', expect, true);
  const events = [...Array.from(code), 'Enter'].flatMap(keyEvents);
  await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event as never)));
  return result(page);
}

/**
 * Search as you type: `query` typed into the (empty) scan field, timed until the result list shows a
 * product matching every word of it. The keys come faster than the screen's search pause, so the one
 * search answered is the one for the whole query. Escape clears the field and the list afterwards.
 */
export async function measureSearch(page: Page, query: string): Promise<PageSample> {
  await arm(page, 'search', query, false);
  await page.keyboard.type(query);
  const sample = await result(page);
  await page.keyboard.press('Escape');
  await page.locator('#search-results').waitFor({ state: 'detached' });
  return sample;
}
