import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI: `npm run migration:run`, `migration:revert`, `migration:generate`. */
export default new DataSource(dataSourceOptions(loadConfigOrExit().databaseUrl));
