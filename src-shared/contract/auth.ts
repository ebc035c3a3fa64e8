// auth.*: who is at the till, and the screen language each user chose.
import { z } from 'zod';
import { idSchema, pinSchema, type Role } from './common.js';
import { defineMethod } from './method.js';

/** Screen languages the till speaks. */
export const LOCALES = ['en', 'sw'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

export interface OperatorView {
  id: string;
  name: string;
  role: Role;
  /** The screen language this user chose (remembered per user on this till); null = the till's default. */
  locale: Locale | null;
}

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?\d{9,15}$/, 'a phone number is 9 to 15 digits, optionally starting with +');

export const authMethods = {
  /** Password login by phone number, or by user id (a till screen picks the user from auth.users). */
  'auth.login': defineMethod<OperatorView>()(
    z
      .strictObject({
        phone: phoneSchema.optional(),
        userId: idSchema.optional(),
        password: z.string().min(1).max(200),
      })
      .refine((v) => (v.phone === undefined) !== (v.userId === undefined), {
        message: 'give a phone number or a user id (one of them)',
        path: ['phone'],
      }),
  ),
  'auth.pinSwitch': defineMethod<OperatorView>()(z.strictObject({ userId: idSchema, pin: pinSchema })),
  'auth.logout': defineMethod<{ loggedOut: true }>()(z.strictObject({})),
  'auth.current': defineMethod<OperatorView | null>()(z.strictObject({})),
  /** Active users of this store, for the login / PIN-switch screen (no secrets). */
  'auth.users': defineMethod<OperatorView[]>()(z.strictObject({})),
  /** Remembers the logged-in user's screen language on this till. */
  'auth.setLocale': defineMethod<OperatorView>()(z.strictObject({ locale: localeSchema })),
};
