// Creating an owner account outside the API (createsuperuser, test harness, seeding).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { writeAudit } from '../db/audit.js';
import { users } from '../db/schema/users.js';
import { withTransaction } from '../db/transaction.js';
import { phoneNumberField } from '../http/fields.js';
import { noteChanges } from '../services/sync-changes.js';
import { hashSecret } from './passwords.js';

const inputSchema = z.object({
  phone: phoneNumberField,
  password: z.string().min(8, 'the password needs at least 8 characters'),
  name: z.string().trim().min(1, 'give a name'),
});

/** Creates an active owner; throws when the phone number is taken. Returns the new user's id. */
export async function createOwner(db: Db, input: z.input<typeof inputSchema>): Promise<string> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { phone, password, name } = parsed.data;
  const passwordHash = await hashSecret(password);
  return withTransaction(db, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.phoneNumber, phone));
    if (existing) throw new Error(`A user with phone number ${phone} already exists`);
    const [row] = await tx
      .insert(users)
      .values({ phoneNumber: phone, name, role: 'owner', passwordHash })
      .$returningId();
    if (!row) throw new Error('insert returned no id');
    noteChanges(tx, 'all', 'user', [row.id]);
    await writeAudit(
      tx,
      { userId: null },
      {
        action: 'create',
        modelName: 'user',
        objectId: row.id,
        reason: 'createsuperuser',
        after: { phone_number: phone, name, role: 'owner' },
      },
    );
    return row.id;
  });
}
