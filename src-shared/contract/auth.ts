// auth.*: who is at the till.
import { z } from 'zod';
import { idSchema, pinSchema, type Role } from './common.js';
import { defineMethod } from './method.js';

export interface OperatorView {
  id: string;
  name: string;
  role: Role;
}

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?\d{9,15}$/, 'a phone number is 9 to 15 digits, optionally starting with +');

export const authMethods = {
  'auth.login': defineMethod<OperatorView>()(
    z.strictObject({ phone: phoneSchema, password: z.string().min(1).max(200) }),
  ),
  'auth.pinSwitch': defineMethod<OperatorView>()(z.strictObject({ userId: idSchema, pin: pinSchema })),
  'auth.logout': defineMethod<{ loggedOut: true }>()(z.strictObject({})),
  'auth.current': defineMethod<OperatorView | null>()(z.strictObject({})),
  /** Active users of this store, for the login / PIN-switch screen (no secrets). */
  'auth.users': defineMethod<OperatorView[]>()(z.strictObject({})),
};
