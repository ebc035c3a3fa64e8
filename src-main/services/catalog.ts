// catalog.* handlers: product lookup by scanned/typed code, search-as-you-type, client search.
import { catalogMethods } from '../../src-shared/contract/catalog.js';
import { searchClients } from './catalog-clients.js';
import { lookupCode } from './catalog-queries.js';
import { searchProducts } from './catalog-search.js';
import { handlersFor } from './handler.js';
import { loadTill } from './sale-settings.js';

export const catalogHandlers = handlersFor(catalogMethods)({
  'catalog.lookup': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      const { store } = loadTill(ctx.db);
      return lookupCode(ctx.db, input.code, store.weighedLayout, store.minorDigits);
    },
  },
  'catalog.search': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      return searchProducts(ctx.db, input);
    },
  },
  'catalog.clients': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      return searchClients(ctx.db, input);
    },
  },
});
