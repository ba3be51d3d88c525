import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The service's configuration, read once from the environment at start.
 * This is the only file that reads process.env: everything else receives an
 * AppConfig through dependency injection (token APP_CONFIG).
 */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string;
  redisUrl: string;
  port: number;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  adminEmail?: string;
  adminPassword?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Key prefix of every BullMQ queue; tests give each file its own. */
  queuePrefix: string;
  /** First month (1-12) of the fiscal year (年度). */
  fiscalYearStartMonth: number;
  /** Dues to the chapter per member per month, in yen. */
  monthlyDuesYen: number;
  /** Share of reported members that dues are billed on (納入率). */
  duesPaymentRate: number;
  /** Failed sign-ins per e-mail address in the window before 429. */
  loginMaxFailures: number;
  loginFailureWindowSeconds: number;
  /** The built web console (index.html and assets/), served at /; absent: no console. */
  consoleDir: string;
  /** Where uploaded spreadsheets wait for the worker (shared by the API and the worker). */
  uploadsDir: string;
  /** Where `npm run backup` and the worker's nightly backup write (absolute); unset: no nightly backup. */
  backupDir?: string;
  /** How many backups (the newest) a backup leaves in backupDir. */
  backupKeep: number;
  /** Where the console is reached from outside (links in the e-mail, the calendar feed's URL and its events). */
  publicUrl: string;
  /** The SMTP server of the morning e-mail (smtp:// or smtps://, user and password in the URL); unset: no e-mail is sent. */
  smtpUrl?: string;
  /** The From of the morning e-mail. */
  mailFrom: string;
  /** VAPID keys of Web Push (all three set, or none: no push). */
  vapid?: { publicKey: string; privateKey: string; subject: string };
  /** Hosts the service sends pushes to (`*.example.com` covers the subdomains); any other endpoint is refused. */
  pushAllowedHosts: string[];
  /** How long a send claimed by a worker that then stopped is left before another worker tries it again. */
  digestClaimLeaseSeconds: number;
}

/** The browser vendors' push services (Chrome/Edge via FCM, Firefox, Safari, Windows). */
export const DEFAULT_PUSH_HOSTS = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', '*.push.apple.com', '*.notify.windows.com'];

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const DEV_JWT_SECRET = 'development-only-secret-change-me';

function str(env: Env, name: string, fallback?: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    if (fallback === undefined) throw new ConfigError(`${name} is required`);
    return fallback;
  }
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function num(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const value = str(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const value = str(env, name, fallback);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

const HOST_PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function pushHosts(env: Env): string[] {
  const raw = env.PUSH_ALLOWED_HOSTS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_PUSH_HOSTS;
  const hosts = raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const host of hosts) {
    if (!HOST_PATTERN.test(host)) throw new ConfigError(`PUSH_ALLOWED_HOSTS: "${host}" is not a host name (a list like fcm.googleapis.com,*.push.apple.com)`);
  }
  return hosts;
}

function vapidKeys(env: Env): AppConfig['vapid'] {
  const names = ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const;
  const set = names.filter((name) => env[name]);
  if (set.length === 0) return undefined;
  if (set.length < names.length) throw new ConfigError(`${names.find((name) => !env[name])} is required when ${set.join(' and ')} is set`);
  const [publicKey, privateKey, subject] = names.map((name) => (env[name] as string).trim());
  if (!/^[A-Za-z0-9_-]{87}$/.test(publicKey))
    throw new ConfigError('VAPID_PUBLIC_KEY must be a URL-safe base64 P-256 public key (87 characters; npx web-push generate-vapid-keys)');
  if (!/^[A-Za-z0-9_-]{43}$/.test(privateKey)) throw new ConfigError('VAPID_PRIVATE_KEY must be a URL-safe base64 P-256 private key (43 characters)');
  if (!/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(subject)) throw new ConfigError('VAPID_SUBJECT must be a mailto: address or an https:// URL');
  return { publicKey, privateKey, subject };
}

/** Parses and validates the environment; throws ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const jwtSecret = str(env, 'JWT_SECRET', nodeEnv === 'production' ? undefined : DEV_JWT_SECRET);
  if (jwtSecret.length < 16) throw new ConfigError('JWT_SECRET must be at least 16 characters');
  const adminEmail = env.ADMIN_EMAIL || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminEmail && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) throw new ConfigError('ADMIN_EMAIL is not an e-mail address');
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters');
  }
  const mailFrom = str(env, 'MAIL_FROM', 'Rengo Kanagawa <noreply@localhost>');
  if (!/^(?:[^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM must be an address, e.g. "連合神奈川 <noreply@example.jp>"');
  }
  return {
    nodeEnv,
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/rengo', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    port: int(env, 'PORT', 3000, 1, 65535),
    jwtSecret,
    jwtExpiresInSeconds: int(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    adminEmail,
    adminPassword,
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    queuePrefix: str(env, 'QUEUE_PREFIX', 'rengo'),
    fiscalYearStartMonth: int(env, 'FISCAL_YEAR_START_MONTH', 4, 1, 12),
    monthlyDuesYen: num(env, 'MONTHLY_DUES_YEN', 100, 0, 100000),
    duesPaymentRate: num(env, 'DUES_PAYMENT_RATE', 0.9, 0, 1),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginFailureWindowSeconds: int(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 900, 1, 86400),
    consoleDir: str(env, 'CONSOLE_DIR', 'dist/web'),
    uploadsDir: str(env, 'UPLOADS_DIR', join(tmpdir(), 'rengo-uploads')),
    backupDir: env.BACKUP_DIR ? resolve(env.BACKUP_DIR) : undefined,
    backupKeep: int(env, 'BACKUP_KEEP', 14, 1, 10000),
    publicUrl: url(env, 'PUBLIC_URL', 'http://localhost:3000', ['http:', 'https:']).replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL ? url(env, 'SMTP_URL', '', ['smtp:', 'smtps:']) : undefined,
    mailFrom,
    vapid: vapidKeys(env),
    pushAllowedHosts: pushHosts(env),
    digestClaimLeaseSeconds: int(env, 'DIGEST_CLAIM_LEASE_SECONDS', 900, 1, 86400),
  };
}

/** Loads the configuration or ends the process with one line naming the variable. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
