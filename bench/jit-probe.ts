/**
 * `npx tsx bench/jit-probe.ts`: on the database of the last `npm run bench` (BENCH_DATABASE_URL), executes
 * the full 100-profile page in this process, without HTTP, with graphql-js and with graphql-jit in turn,
 * checks they answer the same, and prints wall and CPU milliseconds per page (CPU is what matters on a
 * shared machine).
 */
import 'reflect-metadata';
import { parse, execute } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { pino } from 'pino';
import { readConfig } from '../server/config.js';
import { Database } from '../server/db/database.js';
import { createApp } from '../server/app.js';
import { makeLoaders } from '../server/graphql/loaders.js';
import { actorOf } from '../server/auth/viewer.js';
import { PROFILES } from './scenarios.js';

const config = readConfig({
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/accueil_bench',
  LOG_LEVEL: 'silent',
  EMAIL_DOMAIN_CHECK: 'off',
  ADMIN_EMAIL: 'bench.admin@acme.io',
  ADMIN_PASSWORD: 'benchmark admin password',
});
const db = await Database.open(config.databaseUrl);
const app = await createApp(config, db, pino({ level: 'silent' }));
const schema = (app.apollo as any).internals.state.schemaManager.getSchemaDerivedData().schema;
const admin = (await app.services.users.findForSignIn('bench.admin@acme.io'))!.user;
const ctx = () => {
  const viewer = { kind: 'session' as const, user: admin, sessionId: 1 };
  return { ...app.services, req: {} as any, res: {} as any, viewer, actor: actorOf(viewer), loaders: makeLoaders(app.services) };
};
const doc = parse(PROFILES);
const compiled = compileQuery(schema, doc, 'Profiles');
if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
const vars = { q: null };
const a = JSON.stringify(await execute({ schema, document: doc, contextValue: ctx(), variableValues: vars }));
const b = JSON.stringify(await compiled.query(undefined, ctx(), vars));
console.log('same answer:', a === b, a.length, b.length);
if (a !== b) {
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i]) {
      console.log(a.slice(i - 200, i + 200));
      console.log(b.slice(i - 200, i + 200));
      break;
    }
}
for (let round = 0; round < 4; round++) {
  for (const [name, run] of [
    ['graphql-js', () => execute({ schema, document: doc, contextValue: ctx(), variableValues: vars })],
    ['graphql-jit', () => compiled.query(undefined, ctx(), vars)],
  ] as const) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < 30; i++) await run();
    const c = process.cpuUsage(c0);
    console.log(name, ((performance.now() - t0) / 30).toFixed(1), 'ms/page wall', ((c.user + c.system) / 1000 / 30).toFixed(1), 'ms/page cpu');
  }
}
await app.stop();
await db.close();
