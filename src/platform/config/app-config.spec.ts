import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('works with no variable set, with the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/rengo',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      fiscalYearStartMonth: 4,
      monthlyDuesYen: 100,
      duesPaymentRate: 0.9,
      backupDir: undefined,
      backupKeep: 14,
      publicUrl: 'http://localhost:3000',
      smtpUrl: undefined,
      vapid: undefined,
      pushAllowedHosts: ['fcm.googleapis.com', 'updates.push.services.mozilla.com', '*.push.apple.com', '*.notify.windows.com'],
      digestClaimLeaseSeconds: 900,
    });
  });

  it('reads the reminders’ variables: SMTP, the sender, VAPID keys, the push hosts, the public URL', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://mailer:secret@smtp.example.jp:465',
      MAIL_FROM: '連合神奈川 <noreply@example.jp>',
      VAPID_PUBLIC_KEY: `B${'a'.repeat(86)}`,
      VAPID_PRIVATE_KEY: 'k'.repeat(43),
      VAPID_SUBJECT: 'mailto:ops@example.jp',
      PUSH_ALLOWED_HOSTS: 'fcm.googleapis.com, *.Push.Apple.com',
      PUBLIC_URL: 'https://crm.example.jp/',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtps://mailer:secret@smtp.example.jp:465',
      mailFrom: '連合神奈川 <noreply@example.jp>',
      vapid: { publicKey: `B${'a'.repeat(86)}`, privateKey: 'k'.repeat(43), subject: 'mailto:ops@example.jp' },
      pushAllowedHosts: ['fcm.googleapis.com', '*.push.apple.com'],
      publicUrl: 'https://crm.example.jp',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be between 1 and 65535, got 70000'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL is not a valid URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 16 characters'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET is required'],
    [{ DUES_PAYMENT_RATE: '1.5' }, 'DUES_PAYMENT_RATE must be a number between 0 and 1, got "1.5"'],
    [{ FISCAL_YEAR_START_MONTH: '13' }, 'FISCAL_YEAR_START_MONTH must be between 1 and 12, got 13'],
    [{ ADMIN_EMAIL: 'nobody' }, 'ADMIN_EMAIL is not an e-mail address'],
    [{ BACKUP_KEEP: '0' }, 'BACKUP_KEEP must be between 1 and 10000, got 0'],
    [{ SMTP_URL: 'http://mail.example.jp' }, 'SMTP_URL must start with smtp:// or smtps://'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM must be an address, e.g. "連合神奈川 <noreply@example.jp>"'],
    [{ VAPID_PUBLIC_KEY: `B${'a'.repeat(86)}` }, 'VAPID_PRIVATE_KEY is required when VAPID_PUBLIC_KEY is set'],
    [
      { VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: 'k'.repeat(43), VAPID_SUBJECT: 'mailto:ops@example.jp' },
      'VAPID_PUBLIC_KEY must be a URL-safe base64 P-256 public key (87 characters; npx web-push generate-vapid-keys)',
    ],
    [
      { VAPID_PUBLIC_KEY: `B${'a'.repeat(86)}`, VAPID_PRIVATE_KEY: 'k'.repeat(43), VAPID_SUBJECT: 'ops' },
      'VAPID_SUBJECT must be a mailto: address or an https:// URL',
    ],
    [
      { PUSH_ALLOWED_HOSTS: 'fcm.googleapis.com,http://10.0.0.1' },
      'PUSH_ALLOWED_HOSTS: "http://10.0.0.1" is not a host name (a list like fcm.googleapis.com,*.push.apple.com)',
    ],
    [{ PUBLIC_URL: 'crm.example.jp' }, 'PUBLIC_URL is not a valid URL'],
    [{ DIGEST_CLAIM_LEASE_SECONDS: '0' }, 'DIGEST_CLAIM_LEASE_SECONDS must be between 1 and 86400, got 0'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
