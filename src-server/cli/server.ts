// npm run server: create the database if missing, migrate, listen on PORT; stop cleanly on SIGINT/SIGTERM.
import { buildApp } from '../app.js';
import { cliLogger, connectRedis, prepareDatabase, runCli } from './common.js';

const logger = cliLogger('asiria-server');

runCli(logger, async () => {
  const { config, database } = await prepareDatabase(logger);
  const redis = connectRedis(config.redisUrl, logger);
  const { app } = await buildApp({ config, db: database.db, redis, logger });
  await app.listen({ host: config.host, port: config.port });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void (async () => {
      await app.close(); // stops accepting, lets in-flight requests finish
      await redis?.quit();
      await database.close();
      logger.info('stopped');
    })();
  };
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
});
