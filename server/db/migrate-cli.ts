import 'reflect-metadata';
import { readConfig } from '../config.js';
import { openDatabase } from './data-source.js';

/** `npm run migrate`: brings the database named by DATABASE_URL up to date. */
const config = readConfig();
const ds = await openDatabase(config.databaseUrl, { migrate: false });
const done = await ds.runMigrations({ transaction: 'each' });
console.log(done.length ? `Applied: ${done.map((m) => m.name).join(', ')}` : 'The database is up to date.');
await ds.destroy();
