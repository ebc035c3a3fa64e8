// report.* handlers (to be filled in).
import { reportMethods } from '../../src-shared/contract/report.js';
import { handlersFor } from './handler.js';

export const reportHandlers = handlersFor(reportMethods)({});
