import path from 'node:path';
import { z } from 'zod';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  MANYI_DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: Bool.optional(),
  TRUST_PROXY: Bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  DEMO_PASSWORD: z.string().min(8).default('Manyi@2026'),
  DEMO_SURVEYS: z.enum(['true', 'false']).default('true'),
  MANYI_ENCRYPTION_KEY: z.string().min(32).optional(),
  MANYI_UPLOAD_DIR: z.string().optional(),
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(2048).default(200),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(2_000_000),
  MANYI_SMTP_URL: z.string().url().optional(),
  MANYI_MAIL_FROM: z.string().min(3).default('满意 Manyi <noreply@manyi.local>'),
  MANYI_WECOM_HOSTS: z.string().default('qyapi.weixin.qq.com'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  cookieSecure: boolean | undefined;
  trustProxy: boolean;
  loginMaxFailures: number;
  loginLockMs: number;
  demoPassword: string;
  /** Demo start also publishes the AYT questionnaires and answers past demo callbacks. */
  demoSurveys: boolean;
  /** 32-byte key for ID-card encryption; embedded installs generate one in the data directory. */
  encryptionKey: string | undefined;
  /** Uploaded import files, outside any served folder. */
  uploadDir: string;
  importMaxBytes: number;
  importMaxRows: number;
  /** smtp://user:pass@host:587 (or smtps://…); unset: e-mail notifications are not sent. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Hosts a WeCom group-robot webhook may point at (comma list in MANYI_WECOM_HOSTS). */
  wecomHosts: string[];
};

/** Every environment variable Manyi reads, parsed once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.MANYI_DATA_DIR),
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    demoPassword: e.DEMO_PASSWORD,
    demoSurveys: e.DEMO_SURVEYS === 'true',
    encryptionKey: e.MANYI_ENCRYPTION_KEY,
    uploadDir: path.resolve(e.MANYI_UPLOAD_DIR ?? path.join(e.MANYI_DATA_DIR, 'uploads')),
    importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
    importMaxRows: e.IMPORT_MAX_ROWS,
    smtpUrl: e.MANYI_SMTP_URL,
    mailFrom: e.MANYI_MAIL_FROM,
    wecomHosts: e.MANYI_WECOM_HOSTS.split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}

/** PGlite's own directory inside MANYI_DATA_DIR (which also holds the lock and the control socket). */
export function pgliteDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'pgdata');
}
