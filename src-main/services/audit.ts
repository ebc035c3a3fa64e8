// audit.* handlers (to be filled in).
import { auditMethods } from '../../src-shared/contract/audit.js';
import { handlersFor } from './handler.js';

export const auditHandlers = handlersFor(auditMethods)({});
