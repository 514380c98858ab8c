/**
 * `npm start` / `npm run serve`: one process serving the PWA and the API on one port.
 * SIGTERM or SIGINT stops taking new requests, lets those in flight finish, closes
 * the database, and exits 0.
 */
import { readConfig } from './config';
import { startServer } from './start';
import { PRIVATE_UMASK } from './storage/privateFiles';

async function main(): Promise<void> {
  // Everything the server writes (data folder, TLS keys) is for its own user only.
  process.umask(PRIVATE_UMASK);
  const config = readConfig();
  const app = await startServer(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    app
      .close()
      .then(() => {
        app.log.info('server closed');
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
