import type autocannon from 'autocannon';
import { measureExport } from './export-measure.js';
import { searchPrefixes, searchShapes } from './seed.js';

/** What a scenario gets: the size of the data, the server's address and the partner token, and helpers. */
export interface BenchContext {
  users: number;
  /** WORKERS of the server being measured. */
  workers: number;
  baseUrl: string;
  /** `Bearer …` of an admin's API token (USERS_READ, USERS_WRITE). */
  authorization: string;
  prefixes: string[];
  /** The server's (primary) process, for its memory. */
  serverPid: number;
  /** Its resident memory right after it started serving, before any request of the bench (MB): the floor of memory. */
  idleRssMb: number;
}

export interface Measured {
  name: string;
  workers: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU milliseconds the server processes spent per request (steadier than requests/s on a shared machine). */
  cpuMsPerRequest: number;
  /** Anything else a scenario reports (rows/s, peak RSS, ...). */
  [extra: string]: number | string;
}

/**
 * One line of the benchmark. Either `load` (autocannon options for /graphql,
 * run at BENCH_CONNECTIONS clients for BENCH_SECONDS) with an optional `check`
 * afterwards (e.g. that the writes really happened), or `measure` for anything
 * that is not a request loop (an export's rows/s and peak RSS). `workers` says
 * under which WORKERS settings it runs (default: the first one only).
 *
 * To add a scenario (search shapes, export), push it onto `scenarios` here.
 */
export interface Scenario {
  name: string;
  workers?: 'all' | 'first';
  load?(ctx: BenchContext): Partial<autocannon.Options>;
  check?(ctx: BenchContext, result: Measured): Promise<void>;
  measure?(ctx: BenchContext): Promise<Partial<Measured>>;
}

export const body = (query: string, variables?: object) => JSON.stringify({ query, variables });

/** Each request of a scenario gets the next variables from `next` (a counter is passed). */
export function varying(query: string, next: (n: number) => object): Partial<autocannon.Options> {
  let n = 0;
  return { requests: [{ setupRequest: (req) => ({ ...req, body: body(query, next(n++)) }) }] };
}

/** The floor: the stack's own cost (Express, helmet, Apollo), without a database round trip. Always first. */
export const floor: Scenario = {
  name: '{ __typename } (floor)',
  workers: 'all',
  load: () => ({ body: body('{ __typename }'), headers: { 'content-type': 'application/json' } }),
};

const SEARCH = 'query Search($q: String) { users(query: $q, first: 25) { edges { node { id name email } } pageInfo { hasNextPage endCursor } } }';

/** Issue 4: a page of 100 users with organization, identities, tags and all 10 custom field values. */
export const PROFILES = `query Profiles($q: String) { users(query: $q, first: 100) { edges { node {
  id name email phone organization { id name } identities { type value primary verified shared } tags
  fields { key value values number boolean date options { value } user { id name } } } } } }`;

const CREATE = 'mutation Create($input: CreateUserInput!) { createUser(input: $input) { user { id email } warnings { code } } }';
const stamp = Date.now().toString(36);
let created = 0;

/**
 * The database floor: the token's lookup and one primary-key read of a user, the least any search can do (a search
 * reads an index and then rows). What it reaches against the floor above bounds what a search can reach on this machine.
 */
const ONE_USER = 'query One($id: ID!) { user(id: $id) { id name email } }';

export const scenarios: Scenario[] = [
  {
    name: 'user(id) (database floor: token + one primary-key read)',
    load: (ctx) => varying(ONE_USER, (n) => ({ id: String(2 + ((n * 7919) % (ctx.users - 1))) })),
  },
  {
    name: 'users(query:, first: 25)',
    load: (ctx) => varying(SEARCH, (n) => ({ q: ctx.prefixes[n % ctx.prefixes.length] })),
  },
  {
    name: 'users(first: 100) + org, identities, tags, 10 fields',
    workers: 'all',
    load: (ctx) => {
      const broad = ctx.prefixes.map((x) => x.slice(0, 2));
      return varying(PROFILES, (n) => ({ q: n % 4 === 0 ? null : broad[n % broad.length] }));
    },
  },
];

/** Issue 9: the word search's shapes (a surname, a mail domain, a phone number, one letter), totalCount included. */
const WORDS = 'query Words($q: String) { users(query: $q, first: 25) { totalCount edges { node { id name email } } } }';
for (const shape of ['surname', 'domain', 'phone', 'letter'] as const) {
  scenarios.push({
    name: `word search: ${shape}`,
    load: (ctx) => {
      const queries = searchShapes(ctx.users)[shape];
      return varying(WORDS, (n) => ({ q: queries[n % queries.length] }));
    },
  });
}

/**
 * After the searches: the users it makes are the newest, so a search that walks users newest first (one letter)
 * would step over thousands of "Bench Person" accounts that match nothing, and measure the order of the scenarios.
 */
scenarios.push({
  name: 'createUser',
  load: () =>
    varying(CREATE, () => {
      created++;
      return { input: { name: `Bench Person ${created}`, email: `bench.${stamp}.${created}@load.acme.io`, tags: ['bench'] } };
    }),
  // GraphQL errors come back with status 200: count the users really created.
  async check(ctx, result) {
    const res = await fetch(`${ctx.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: ctx.authorization },
      body: body('query C($q: String) { users(query: $q, first: 0) { totalCount } }', { q: `bench.${stamp}.` }),
    });
    const total = ((await res.json()) as any).data.users.totalCount as number;
    console.log(`createUser: ${created} requests sent, ${total} users created.`);
    if (total < created * 0.9 || total < result.requestsPerSecond) throw new Error('createUser answered without creating users');
  },
});

/** Issue 9: the export of every user, streamed: rows/s and the server's peak resident memory. */
scenarios.push({
  name: 'export /exports/users.csv',
  async measure(ctx) {
    const r = await measureExport(ctx.baseUrl, ctx.authorization, ctx.serverPid);
    console.log(
      `export: ${r.rows} rows in ${r.seconds} s (${r.rowsPerSecond} rows/s; server CPU ${r.serverCpuSeconds} s), server RSS: ` +
        `idle ${ctx.idleRssMb} MB, ${r.rssBeforeMb} MB before the export, peak ${r.peakRssMb} MB`,
    );
    return { rowsPerSecond: r.rowsPerSecond, peakRssMb: r.peakRssMb, idleRssMb: ctx.idleRssMb, rows: r.rows, serverCpuSeconds: r.serverCpuSeconds };
  },
});

export { searchPrefixes };
