/**
 * Builds the server: external plugins first, then the app's own, then routes
 * (public ones, then those behind a device session, then supervisor ones).
 * Tests build it with an in-memory database and drive it through `inject`.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { Database } from './storage/database';
import security from './plugins/external/security';
import compression from './plugins/external/compression';
import staticApp from './plugins/external/staticApp';
import database from './plugins/app/database';
import errors from './plugins/app/errors';
import apiSchemas from './plugins/app/apiSchemas';
import authentication from './plugins/app/authentication';
import healthRoutes from './routes/api/health';
import docsRoutes from './routes/api/docs';
import signInRoutes from './routes/api/auth/signIn';
import signOutRoutes from './routes/api/auth/signOut';
import downloadRoutes from './routes/api/warehouses/download';
import deviceRoutes from './routes/api/supervisor/devices';
import syncRoutes from './routes/api/deviceSync/syncRoutes';
import countReviewRoutes from './routes/api/supervisor/countReviews';
import activityRoutes from './routes/api/supervisor/activity';
import floorExceptionRoutes from './routes/api/supervisor/floorExceptions';
import deviationRoutes from './routes/api/supervisor/deviations';
import taskPlanningRoutes from './routes/api/supervisor/taskPlanning';
import masterDataRoutes from './routes/api/supervisor/masterData';
import userRoutes from './routes/api/supervisor/users';
import floorSettingsRoutes from './routes/api/supervisor/floorSettings';
import caCertificateRoutes from './routes/caCertificate';
import type { TlsMaterial } from './tls/certificates';
import { READABLE_PROTOCOL, type ProtocolRange } from '../protocol/version';
import type { BodyLimits } from './routes/api/routeSchema';

export interface AppOptions {
  readonly config: ServerConfig;
  readonly db: Database;
  /** Close the database when the app closes (the running server); tests keep theirs. */
  readonly closeDbWithApp?: boolean;
  readonly tls?: TlsMaterial | null;
  /** A logger setting for Fastify; tests pass false. */
  readonly logger?: boolean | object;
  /** The server's clock; tests pass a simulated one. */
  readonly now?: () => Date;
  /** The protocol versions push and pull read (protocol/version.ts); tests pass another range. */
  readonly readableProtocol?: ProtocolRange;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, tls = null, readableProtocol = READABLE_PROTOCOL } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      // Tokens and PINs never reach the log.
      redact: ['req.headers.authorization', 'req.body.pin', 'body.pin'],
    },
    bodyLimit: config.bodyLimitBytes,
    // Stop taking requests on shutdown, let those in flight finish, close idle keep-alives.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
  }) as unknown as FastifyInstance;

  await app.register(security, { https: tls !== null });
  await app.register(compression);
  await app.register(database, { db: options.db, closeWithApp: options.closeDbWithApp ?? false, ...(options.now ? { now: options.now } : {}) });
  await app.register(errors);
  await app.register(apiSchemas);
  await app.register(authentication);

  // Every route states its body limit: BODY_LIMIT_BYTES, or IMPORT_BODY_LIMIT_BYTES for the CSV imports.
  const bodyLimits: BodyLimits = { request: config.bodyLimitBytes, csvImport: config.importBodyLimitBytes };
  await app.register(healthRoutes, { bodyLimits, readable: readableProtocol });
  await app.register(docsRoutes, { bodyLimits });
  await app.register(signInRoutes, { sessionDays: config.sessionDays, ratePerMinute: config.signInRatePerMinute, secureCookie: tls !== null, bodyLimits });
  await app.register(caCertificateRoutes, { caCert: tls?.caCert ?? null, bodyLimits });

  await app.register(async function signedIn(scope) {
    scope.addHook('onRequest', scope.authenticate);
    await scope.register(signOutRoutes, { bodyLimits });
    await scope.register(downloadRoutes, { bodyLimits });
    await scope.register(syncRoutes, { bodyLimits, readable: readableProtocol });
    await scope.register(async function supervisors(inner) {
      // Before the request is checked against its schema: a worker is told "supervisors only", not what is wrong with the body.
      inner.addHook('preValidation', inner.requireSupervisor);
      await inner.register(deviceRoutes, { bodyLimits });
      await inner.register(countReviewRoutes, { bodyLimits });
      await inner.register(activityRoutes, { bodyLimits });
      await inner.register(floorExceptionRoutes, { bodyLimits });
      await inner.register(deviationRoutes, { bodyLimits });
      await inner.register(taskPlanningRoutes, { bodyLimits });
      await inner.register(masterDataRoutes, { bodyLimits });
      await inner.register(userRoutes, { bodyLimits });
      await inner.register(floorSettingsRoutes, { bodyLimits });
    });
  });

  if (config.staticDir !== null) await app.register(staticApp, { root: config.staticDir });
  return app;
}
