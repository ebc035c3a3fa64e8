// refund.* handlers (the work is in refund-create.ts; the document view in refund-view.ts).
import { refundMethods } from '../../src-shared/contract/refund.js';
import { handlersFor } from './handler.js';
import { createRefund } from './refund-create.js';

export const refundHandlers = handlersFor(refundMethods)({
  'refund.create': {
    kind: 'command',
    access: 'employee',
    run: createRefund,
  },
});
