// zod building blocks shared by every method schema. Money = integer minor units; quantity = integer thousandths.
import { z } from 'zod';

export const idSchema = z.uuid({ message: 'must be a UUID' });
export const moneySchema = z
  .number()
  .int({ message: 'must be whole minor units (cents)' })
  .min(-1e12)
  .max(1e12);
export const positiveMoneySchema = moneySchema.refine((v) => v > 0, 'must be more than zero');
export const nonNegativeMoneySchema = moneySchema.refine((v) => v >= 0, 'must not be negative');
export const qtyMilliSchema = z
  .number()
  .int({ message: 'must be whole thousandths of a unit' })
  .refine((v) => v > 0, 'must be more than zero')
  .refine((v) => v <= 1e9, 'is too large');
export const reasonSchema = z.string().trim().min(3, 'give a reason (at least 3 characters)').max(500);
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
export const isoDateSchema = z.iso.datetime({ offset: true });
export const businessDateSchema = z.iso.date();

/** A manager's approval given at the till: who approves, with their PIN. */
export const approvalSchema = z.strictObject({ managerId: idSchema, pin: pinSchema });
export type Approval = z.infer<typeof approvalSchema>;

export const discountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), amount: nonNegativeMoneySchema }),
  z.strictObject({ kind: z.literal('percent'), basisPoints: z.number().int().min(0).max(10000) }),
]);

export const tenderMethodSchema = z.enum(['CASH', 'CARD', 'MPESA', 'CREDIT', 'VOUCHER']);

export const pageSchema = z.strictObject({
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

export type Role = 'owner' | 'manager' | 'employee';
export const ROLE_RANK: Readonly<Record<Role, number>> = { employee: 1, manager: 2, owner: 3 };
