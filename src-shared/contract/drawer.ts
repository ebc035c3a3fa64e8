// drawer.*: the cash drawer outside a sale.
import { z } from 'zod';
import { approvalSchema, reasonSchema } from './common.js';
import { defineMethod } from './method.js';

export const drawerMethods = {
  /** Opens the drawer without a sale ("no sale"): a manager, or a manager's approval; always audited. */
  'drawer.noSale': defineMethod<{ opened: true; at: string }>()(
    z.strictObject({ reason: reasonSchema, approval: approvalSchema.optional() }),
  ),
};
