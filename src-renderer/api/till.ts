// The renderer's one till API client, set once at start-up (main.tsx) from the chosen bridge. Stores and
// screens call `till().call('sale.addItem', {...})`: typed by the contract, throws TillError by `code`.
import type { TillClient } from '../../src-shared/contract/till-client.js';

let current: TillClient | null = null;

export function setTillClient(client: TillClient | null): void {
  current = client;
}

export function till(): TillClient {
  if (!current) throw new Error('the till client is not set: main.tsx sets it before rendering');
  return current;
}

/** False when the page has no way to reach a till (browser mode opened without its token link). */
export function hasTillClient(): boolean {
  return current !== null;
}
