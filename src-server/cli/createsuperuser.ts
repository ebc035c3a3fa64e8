// npm run server:createsuperuser -- --phone 0712345678 --password <pw> --name "Owner"
// Creates an owner (Django's createsuperuser). Without flags on a terminal, asks for what is missing.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createOwner } from '../auth/create-owner.js';
import { cliLogger, prepareDatabase, runCli } from './common.js';

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

const logger = cliLogger('asiria-createsuperuser');

runCli(logger, async () => {
  const { values } = parseArgs({
    options: { phone: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const interactive = process.stdin.isTTY;
  const phone = values.phone ?? (interactive ? await ask('Phone number: ') : undefined);
  const name = values.name ?? (interactive ? await ask('Name: ') : undefined);
  const password = values.password ?? (interactive ? await ask('Password: ') : undefined);
  if (!phone || !name || !password) throw new Error('give --phone, --password and --name');
  const { database } = await prepareDatabase(logger);
  try {
    const id = await createOwner(database.db, { phone, password, name });
    process.stdout.write(`Owner created: ${name} (${phone}), id ${id}\n`);
  } finally {
    await database.close();
  }
});
