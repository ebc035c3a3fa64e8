// sale.* handlers (to be filled in).
import { saleMethods } from '../../src-shared/contract/sale.js';
import { handlersFor } from './handler.js';

export const saleHandlers = handlersFor(saleMethods)({});
