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
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
