import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { userSearchWords } from '../../server/search/search-words.js';
import { searchKey } from '../../server/users/profile-rules.js';
import { rebuildPrefixCountsSql } from '../../server/search/prefix-counts.js';

// No search shape reads every user (issue 9): MySQL's plan of each statement the app runs for a search, at 100,000 users.
const USERS = 100_000;
const FIRST = ['Grace', 'Jean', 'Zoë', 'Seán', 'Ada', 'Alan', 'Margaret', 'Linus', 'Barbara', 'Ken', 'Dennis', 'Frances'];
const LAST = ['Hopper', 'Dupont', 'Ødegaard', "O'Brien", 'Lovelace', 'Turing', 'Hamilton', 'Torvalds', 'Liskov', 'Thompson', 'Ritchie', 'Allen'];
const DOMAINS = ['acme.io', 'mail.example.org', 'initech.example.com', 'globex.example.net'];

const SEARCH = `query($q: String, $filter: UserFilterInput, $sort: UserSortInput) {
  users(query: $q, filter: $filter, sort: $sort, first: 25) { totalCount suggestions edges { node { id name email } } } }`;

describe.runIf(testDialects().includes('mysql'))('search query plans on MySQL at 100,000 users', () => {
  let app: TestApp;
  let statements: string[] = [];

  beforeAll(async () => {
    app = await startTestApp('mysql');
    const m = app.db.manager;
    const now = new Date().toISOString().slice(0, 23).replace('T', ' ');
    for (let start = 0; start < USERS; start += 5000) {
      const users: unknown[] = [];
      const emails: unknown[] = [];
      const words: unknown[] = [];
      for (let i = start; i < start + 5000; i++) {
        const id = 1_000_000 + i;
        const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
        const email = `user${i}@${DOMAINS[i % DOMAINS.length]}`;
        const phone = `+3361${String(i).padStart(7, '0')}`;
        users.push(id, name, searchKey(name), `EXT-${i}`, `ext-${i}`, now, now);
        emails.push(id, email, email, email, 1);
        for (const w of userSearchWords({
          name,
          emails: [email],
          phones: [phone],
          externalId: `EXT-${i}`,
          tags: i % 10 ? [] : ['vip'],
          role: 'END_USER',
        })) {
          words.push(w.word, id);
        }
      }
      const n = words.length / 2;
      await m.query(
        `INSERT INTO users (id, name, name_key, external_id, external_id_key, created_via, created_at, updated_at) VALUES ${Array.from({ length: 5000 }, () => "(?, ?, ?, ?, ?, 'API', ?, ?)").join(', ')}`,
        users,
      );
      await m.query(
        `INSERT INTO user_identities (user_id, type, value, value_normalized, unique_value, is_primary, verified, deliverability, shared, created_at, updated_at)
         VALUES ${Array.from({ length: 5000 }, () => `(?, 'EMAIL', ?, ?, ?, ?, 0, 'UNKNOWN', 0, '${now}', '${now}')`).join(', ')}`,
        emails,
      );
      await m.query(`INSERT IGNORE INTO user_search_words (word, user_id) VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`, words);
    }
    await m.query('ANALYZE TABLE users, user_identities, user_search_words');
    for (const sql of rebuildPrefixCountsSql('mysql')) await m.query(sql);
    const original = m.query.bind(m);
    m.query = (async (sql: string, params?: unknown[]) => {
      if (!/^(EXPLAIN|ANALYZE) /.test(sql) && /user_search_words|FROM users u/.test(sql)) statements.push(mysqlInline(sql, params ?? []));
      return original(sql, params);
    }) as typeof m.query;
  }, 600_000);
  let mariadb = false;
  beforeAll(async () => {
    const [v] = await app.db.manager.query('SELECT VERSION() AS v');
    mariadb = /mariadb/i.test(String(v.v));
  });
  afterAll(() => app?.stop());

  const mysqlInline = (sql: string, params: unknown[]) => {
    let i = 0;
    return sql.replace(/\?/g, () => {
      const v = params[i++];
      return typeof v === 'number' ? String(v) : `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
    });
  };

  const shapes: [string, Record<string, unknown>][] = [
    ['a surname', { q: 'hopper' }],
    ['two words', { q: 'grace hop' }],
    ['a domain', { q: 'acme.io' }],
    ['a domain with @', { q: '@acme.io' }],
    ['an exact email', { q: 'user4242@acme.io' }],
    ['a phone number', { q: '+33 6 10 00 00 42' }],
    ['a national phone number', { q: '06 10 00 00' }],
    ['an external id', { q: 'ext-4242' }],
    ['one letter', { q: 'a' }],
    ['one letter, end users only', { q: 'a', filter: { roles: ['END_USER'] } }],
    ['two letters, sorted by name', { q: 'gr', sort: { field: 'NAME', direction: 'ASC' } }],
    ['a frequent word and a rare one', { q: 'acme hopper' }],
    ['two frequent words', { q: 'acme grace' }],
    ['a typo (suggestions)', { q: 'hoppes' }],
    ['words and a tag filter, sorted by name', { q: 'jean', filter: { tagsAll: ['vip'] }, sort: { field: 'NAME', direction: 'ASC' } }],
    ['no words, sorted by last change', { sort: { field: 'UPDATED_AT', direction: 'DESC' } }],
    ['no words, sorted by name', { sort: { field: 'NAME', direction: 'DESC' } }],
  ];

  it.each(shapes)('%s: every table is read through an index', async (_, variables) => {
    statements = [];
    const r = await app.gql(SEARCH, variables);
    expect(r.errors).toBeUndefined();
    expect(statements.length).toBeGreaterThan(0);
    for (const sql of statements) {
      if (/^SELECT COUNT\(\*\) AS n FROM users u WHERE/.test(sql.trim())) continue; // the total of an unfiltered list counts every user by definition
      // MariaDB's ANALYZE runs the statement and reports the rows each step really read (r_rows): a walk in index
      // order that the LIMIT stops, inside a derived table, is estimated at every row by a plain EXPLAIN.
      const plan: Record<string, any>[] = await app.db.manager.query(`${mariadb ? 'ANALYZE' : 'EXPLAIN'} ${sql}`);
      for (const row of plan) {
        const table = String(row.table ?? '');
        // Derived tables, subqueries and a UNION's result are temporary tables of rows the other steps read.
        if (table.startsWith('<derived') || table.startsWith('<subquery') || table.startsWith('<union')) continue;
        // A full scan of users, identities or words (type ALL, or a full index scan) is what must never happen.
        expect(row.type, `${table} in ${sql.slice(0, 300)}\n${JSON.stringify(plan)}`).not.toBe('ALL');
        // A full index scan is only an ordered read that the LIMIT stops (a page of a sorted list, or a broad word's
        // walk in page order, which reads about 25·N/M users when M of N match: at most 13·√N, 4,100 here).
        if (row.type === 'index') expect(Number(row.r_rows ?? row.rows), `${JSON.stringify(row)} in ${sql.slice(0, 300)}`).toBeLessThan(USERS / 20);
      }
    }
    expect(r.data.users).toBeTruthy();
  });

  it('answers each shape in a bounded time (figures printed for the README)', async () => {
    const figures: Record<string, number> = {};
    for (const [name, variables] of shapes) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        expect((await app.gql(SEARCH, variables)).errors).toBeUndefined();
        times.push(performance.now() - t0);
      }
      figures[name] = Math.round(times.sort((a, b) => a - b)[2]);
    }
    console.log(`search at ${USERS} users, median ms (page of 25 + totalCount):`, JSON.stringify(figures));
    for (const ms of Object.values(figures)) expect(ms).toBeLessThan(3000);
  });

  it('exports every user as a stream, with flat memory (figures printed for the README)', async () => {
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const t0 = performance.now();
    const res = await fetch(`${app.url}/exports/users.csv`, { headers: { cookie: app.admin.cookie } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) lines++;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const seconds = (performance.now() - t0) / 1000;
    // The first admin too; one line per user (no line breaks in these values) and the header.
    expect(lines).toBe(USERS + 2);
    const growth = Math.round((peak - rssBefore) / 1e6);
    console.log(
      `export of ${USERS + 1} users: ${Math.round((USERS + 1) / seconds)} rows/s, RSS growth ${growth} MB (server and client in one process)`,
    );
    expect(growth).toBeLessThan(200);
  }, 300_000);

  it('answers the shapes right at this size', async () => {
    const hopper = await app.gql(SEARCH, { q: 'grace hopper' });
    expect(hopper.data.users.totalCount).toBeGreaterThan(0);
    for (const e of hopper.data.users.edges) expect(e.node.name).toMatch(/^Grace Hopper/);
    const exact = await app.gql(SEARCH, { q: 'user4244@acme.io' });
    expect(exact.data.users.edges[0].node.email).toBe('user4244@acme.io');
    const typo = await app.gql(SEARCH, { q: 'hoppes' });
    expect(typo.data.users.suggestions).toContain('hopper');
  });
});
