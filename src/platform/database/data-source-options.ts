import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one description of the database connection, shared by the API, the
 * worker, the migration CLI, the demo loader and the tests.
 * Entities and migrations are found by file name so that compiled (dist/) and
 * TypeScript (ts-jest) runs load the same set.
 */
export function dataSourceOptions(databaseUrl: string, extra: Partial<{ poolSize: number }> = {}): DataSourceOptions {
  const root = join(__dirname, '..', '..', '..');
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [join(root, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
    extra: { max: extra.poolSize ?? 10 },
  };
}
