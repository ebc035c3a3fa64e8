// stock.* handlers (to be filled in).
import { stockMethods } from '../../src-shared/contract/stock.js';
import { handlersFor } from './handler.js';

export const stockHandlers = handlersFor(stockMethods)({});
