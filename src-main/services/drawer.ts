// drawer.* handlers (to be filled in).
import { drawerMethods } from '../../src-shared/contract/drawer.js';
import { handlersFor } from './handler.js';

export const drawerHandlers = handlersFor(drawerMethods)({});
