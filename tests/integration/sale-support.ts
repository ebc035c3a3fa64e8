// Helpers shared by the sale*.test.ts and catalog.test.ts suites (not a test file itself).
import type { TillEvent } from '../../src-shared/contract/events.js';
import { gtinCheckDigit } from '../../src-shared/domain/barcode.js';
import type { TestTill } from '../support/test-till.js';
export { errorOf } from '../support/errors.js';

/** An in-store scale label (default layout: prefix 20, 5-digit item code, 5-digit value) with its check digit. */
export function scaleLabel(itemCode: string, value: number, prefix = '20'): string {
  const body = `${prefix}${itemCode}${String(value).padStart(5, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** The same code with its last digit changed, so the check digit is wrong. */
export function withBadCheckDigit(code: string): string {
  const last = Number(code.slice(-1));
  return `${code.slice(0, -1)}${(last + 1) % 10}`;
}

export function rows<T = Record<string, unknown>>(t: TestTill, sqlText: string, ...params: unknown[]): T[] {
  return t.till.ledger.raw.prepare(sqlText).all(...params) as T[];
}

export function clientId(t: TestTill, name: string): string {
  const found = rows<{ id: string }>(t, 'select id from clients where name = ?', name)[0];
  if (!found) throw new Error(`no demo client ${name}`);
  return found.id;
}

/** Collects the till's events from now on (re-subscribe after t.restart()). */
export function recordEvents(t: TestTill): TillEvent[] {
  const events: TillEvent[] = [];
  t.till.subscribe((e) => events.push(e));
  return events;
}

export function onHand(t: TestTill, productKey: string): number {
  const product = t.demo.products[productKey];
  if (!product) throw new Error(`no demo product ${productKey}`);
  return t.till.call('catalog.lookup', { code: product.sku }).product.onHandMilli;
}

/** Logs in as a cashier with an open session and starts a sale; returns its id. */
export function startSale(t: TestTill): string {
  t.openSession();
  return t.till.call('sale.start', {}).id;
}

export function product(
  t: TestTill,
  key: string,
): { id: string; sku: string; barcode: string; price: number } {
  const p = t.demo.products[key];
  if (!p) throw new Error(`no demo product ${key}`);
  return p;
}
