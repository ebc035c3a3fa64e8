// catalog.* handlers (to be filled in).
import { catalogMethods } from '../../src-shared/contract/catalog.js';
import { handlersFor } from './handler.js';

export const catalogHandlers = handlersFor(catalogMethods)({});
