// The cloud side of a chaos run, through the real REST API (so every change goes through the change log the
// tills pull): the owner signs in, creates the catalog, books opening stock, and changes the catalog mid-run.
import type { Credentials } from './server-process.js';

export interface CloudApi {
  createProduct(o: { name: string; sku: string; price: number }): Promise<string>;
  setPrice(productId: string, price: number): Promise<void>;
  /** Books stock through an approved adjustment; returns the adjustment id. */
  addStock(storeId: string, productId: string, qty: number): Promise<string>;
}

const money = (minor: number) => (minor / 100).toFixed(2);

export function cloudApi(baseUrl: string, owner: Credentials): CloudApi {
  let token: string | null = null;
  const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    for (let attempt = 0; ; attempt++) {
      try {
        if (token === null) {
          const res = await fetch(`${baseUrl}/api/token/`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ phone_number: owner.phone, password: owner.password }),
          });
          if (!res.ok) throw new Error(`owner login: ${res.status} ${await res.text()}`);
          token = ((await res.json()) as { access: string }).access;
        }
        const res = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (res.status === 401) {
          token = null;
          throw new Error(`${method} ${path}: 401`);
        }
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
        return (await res.json()) as Record<string, unknown>;
      } catch (error) {
        // The server may be restarting under the harness: try again a few times.
        if (attempt >= 30) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  return {
    async createProduct(o) {
      const created = await call('POST', '/api/products/', {
        name: o.name,
        sku: o.sku,
        price: money(o.price),
        cost: money(Math.floor(o.price / 2)),
        tax_class: 'standard',
      });
      return String(created.id);
    },
    async setPrice(productId, price) {
      await call('PATCH', `/api/products/${productId}/`, { price: money(price) });
    },
    async addStock(storeId, productId, qty) {
      const adj = await call('POST', '/api/stock-adjustments/', {
        store: storeId,
        product: productId,
        quantity: qty.toFixed(3),
        reason: 'chaos opening stock',
      });
      const id = String(adj.id);
      await call('POST', `/api/stock-adjustments/${id}/approve/`, {});
      return id;
    },
  };
}
