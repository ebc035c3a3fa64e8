// refund.* handlers (to be filled in).
import { refundMethods } from '../../src-shared/contract/refund.js';
import { handlersFor } from './handler.js';

export const refundHandlers = handlersFor(refundMethods)({});
