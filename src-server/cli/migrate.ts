// npm run server:migrate: create the database if missing and apply drizzle/mysql migrations.
import { cliLogger, prepareDatabase, runCli } from './common.js';

const logger = cliLogger('asiria-migrate');

runCli(logger, async () => {
  const { database } = await prepareDatabase(logger);
  await database.close();
});
