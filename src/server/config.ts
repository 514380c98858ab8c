/**
 * Configuration comes from the environment only, read and checked once at start.
 * A wrong value stops the server with a message naming the variable.
 */
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  HTTPS: flag,
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  // Unset: the demo only on the embedded database (so `npm start` shows it), never on PostgreSQL.
  SEED_DEMO: z.enum(['0', '1', 'true', 'false', '']).optional().transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true')),
  STATIC_DIR: z.string().default('./dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** The CSV imports (master data, tasks) only: a catalog of 100,000 products is about 15 MB. */
  IMPORT_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  SIGNIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly https: { readonly certFile: string | undefined; readonly keyFile: string | undefined } | null;
  readonly sessionDays: number;
  /** Seed the demo into an empty database: on the embedded default, or when SEED_DEMO=1. */
  readonly seedDemo: boolean;
  readonly staticDir: string | null;
  readonly logLevel: string;
  /** Every route's body limit but the CSV imports'. */
  readonly bodyLimitBytes: number;
  /** The CSV imports' body limit. */
  readonly importBodyLimitBytes: number;
  readonly signInRatePerMinute: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Configuration is wrong: ${problems}`);
  }
  const e = parsed.data;
  if ((e.TLS_CERT_FILE === undefined) !== (e.TLS_KEY_FILE === undefined)) {
    throw new Error('Configuration is wrong: set both TLS_CERT_FILE and TLS_KEY_FILE, or neither (a self-signed certificate is then made).');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    https: e.HTTPS || e.TLS_CERT_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : null,
    sessionDays: e.SESSION_DAYS,
    seedDemo: e.SEED_DEMO ?? e.DATABASE_URL === undefined,
    staticDir: e.STATIC_DIR,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    importBodyLimitBytes: e.IMPORT_BODY_LIMIT_BYTES,
    signInRatePerMinute: e.SIGNIN_RATE_PER_MINUTE,
  };
}
