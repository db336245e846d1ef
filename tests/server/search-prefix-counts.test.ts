import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { addPrefixCounts, foldPrefixDeltas, prefixesOf, rebuildPrefixCountsSql } from '../../server/search/prefix-counts.js';
import { ROLE_MARK } from '../../server/search/search-words.js';

// Issue 9: a one- or two-letter search's totalCount comes from per-prefix counts kept in each write's transaction.
// The oracle here is the word index itself: for every prefix, the users with a word starting with it.
const COUNT = 'query($q: String, $f: UserFilterInput) { users(query: $q, filter: $f, first: 1) { totalCount } }';

describe.each(testDialects())('one- and two-letter counts on %s', (dialect) => {
  let app: TestApp;

  /** prefix -> users, from the stored words (what a full scan of the index would count). */
  async function truth(): Promise<Map<string, number>> {
    const rows: { user_id: unknown; word: string }[] = await app.db.manager.query('SELECT user_id, word FROM user_search_words');
    const users = new Map<string, Set<number>>();
    for (const r of rows) for (const p of prefixesOf([r.word])) (users.get(p) ?? users.set(p, new Set()).get(p)!).add(Number(r.user_id));
    return new Map([...users].map(([p, s]) => [p, s.size]));
  }

  async function stored(): Promise<Map<string, number>> {
    const rows: { prefix: string; n: unknown }[] = await app.db.manager.query(
      `SELECT prefix, SUM(users) AS n FROM (SELECT prefix, users FROM user_search_prefix_counts
       UNION ALL SELECT prefix, users FROM user_search_prefix_deltas) t GROUP BY prefix`,
    );
    return new Map(rows.map((r) => [r.prefix, Number(r.n)]).filter(([, n]) => n !== 0) as [string, number][]);
  }

  async function expectExact(): Promise<void> {
    const want = await truth();
    expect(await stored()).toEqual(want);
    // And the API answers with them, for a sample of prefixes (one and two letters, in any case).
    // (Role markers start with a control character no query may contain: they are counted, never searched.)
    for (const p of [...want.keys()].filter((k) => !k.startsWith(ROLE_MARK)).slice(0, 12)) {
      const r = await app.gql(COUNT, { q: p.toUpperCase() });
      expect(r.errors).toBeUndefined();
      expect(r.data.users.totalCount, p).toBe(want.get(p));
    }
  }

  const create = async (name: string, email: string, extra: Record<string, unknown> = {}) => {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name, email, ...extra } });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user.id as string;
  };

  beforeAll(async () => {
    // The test folds when it means to: no background fold races its checks.
    app = await startTestApp(dialect, { SEARCH_FOLD_SECONDS: '0' });
  });
  afterAll(() => app.stop());

  it('follow creates, renames, new addresses, tags, organization renames, deletes, restores and erasures', async () => {
    const ada = await create('Ada Lovelace', 'ada@analytical.example.org', { tags: ['math'] });
    const alan = await create('Alan Turing', 'alan@bletchley.example.org');
    await create('Zoë Ødegaard', 'zoe@fjord.example.no');
    await create('王小明', 'xiaoming@example.cn');
    await expectExact();

    await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Augusta King", tags: ["poetry"] }) { id } }', { id: ada });
    await app.gql(
      'mutation($id: ID!) { addUserIdentity(userId: $id, input: { type: EMAIL, value: "enigma@hut8.example.org" }) { identity { id } } }',
      {
        id: alan,
      },
    );
    const org = await app.as(app.admin)('mutation { createOrganization(input: { name: "Quartz Works" }) { id } }');
    await app.gql('mutation($id: ID!, $o: ID!) { updateUser(id: $id, input: { organizationId: $o }) { id } }', {
      id: alan,
      o: org.data.createOrganization.id,
    });
    await app.as(app.admin)('mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Xylo Labs" }) { id } }', {
      id: org.data.createOrganization.id,
    });
    await expectExact();
    expect((await app.gql(COUNT, { q: 'xy' })).data.users.totalCount).toBe(1);
    expect((await app.gql(COUNT, { q: 'qu' })).data.users.totalCount).toBe(0);

    await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: alan });
    await expectExact();
    await app.as(app.admin)('mutation($id: ID!) { restoreUser(id: $id) { id } }', { id: alan });
    await expectExact();
    await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: ada });
    const erased = await app.as(app.admin)('mutation($id: ID!) { eraseUser(id: $id) }', { id: ada });
    expect(erased.errors).toBeUndefined();
    await expectExact();
  });

  it('count end users alone by taking the staff away, and the staff alone directly', async () => {
    await create('Amelia Earhart', 'amelia@air.example.org');
    const agent = await app.as(app.admin)(
      'mutation { createUser(input: { name: "Agnes Agent", email: "agnes@desk.example.org", role: AGENT }) { user { id } } }',
    );
    expect(agent.errors).toBeUndefined();
    const words: { user_id: unknown; role: string }[] = await app.db.manager.query(
      "SELECT DISTINCT w.user_id, u.role FROM user_search_words w JOIN users u ON u.id = w.user_id WHERE w.word >= 'a' AND w.word < 'b'",
    );
    const endUsers = words.filter((w) => w.role === 'END_USER').length;
    const staff = words.length - endUsers;
    expect(staff).toBeGreaterThan(0);
    expect((await app.gql(COUNT, { q: 'a', f: { roles: ['END_USER'] } })).data.users.totalCount).toBe(endUsers);
    expect((await app.gql(COUNT, { q: 'a', f: { roles: ['AGENT', 'ADMIN'] } })).data.users.totalCount).toBe(staff);
    expect((await app.gql(COUNT, { q: 'a', f: { roles: ['END_USER', 'AGENT', 'ADMIN'] } })).data.users.totalCount).toBe(words.length);
    // Any other filter counts the users themselves.
    expect((await app.gql(COUNT, { q: 'a', f: { tagsAll: ['nobody-has-this'] } })).data.users.totalCount).toBe(0);
  });

  it('count every account, and the accounts of each role, with no query', async () => {
    const byRole = async () => {
      const rows: { role: string; n: unknown }[] = await app.db.manager.query(
        'SELECT role, COUNT(*) AS n FROM users WHERE deleted_at IS NULL GROUP BY role',
      );
      return Object.fromEntries(rows.map((r) => [r.role, Number(r.n)]));
    };
    const total = async (f?: object) => (await app.gql(COUNT, { q: null, f })).data.users.totalCount;
    const check = async () => {
      const want = await byRole();
      expect(await total()).toBe(Object.values(want).reduce((a, b) => a + b, 0));
      expect(await total({ roles: ['END_USER'] })).toBe(want.END_USER ?? 0);
      expect(await total({ roles: ['AGENT', 'ADMIN'] })).toBe((want.AGENT ?? 0) + (want.ADMIN ?? 0));
      await expectExact();
    };
    await check();
    // A role change moves the account from one count to the other.
    const id = await create('Role Changer', 'changer@roles.example.org');
    const promoted = await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { id role } }', { id });
    expect(promoted.errors).toBeUndefined();
    await check();
    await app.as(app.admin)('mutation($id: ID!) { deleteUser(id: $id) }', { id });
    await check();
  });

  it('follow batches (createUsers) and many writers at once', async () => {
    const batch = await app.gql('mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { status } }', {
      i: Array.from({ length: 40 }, (_, n) => ({ name: `Batch Person${n}`, email: `batch${n}@bulk.example.org`, tags: [`t${n % 3}`] })),
    });
    expect(batch.errors).toBeUndefined();
    const writers = await Promise.all([
      ...Array.from({ length: 24 }, (_, n) => create(`Crowd Member${n}`, `crowd${n}@many.example.org`, { tags: ['crowd'] })),
    ]);
    await Promise.all(
      writers.map((id, n) =>
        app.gql('mutation($id: ID!, $n: String!) { updateUser(id: $id, input: { name: $n }) { id } }', {
          id,
          n: n % 2 ? `Renamed ${n}` : `Crowd Member${n}`,
        }),
      ),
    );
    await expectExact();
  });

  it('stay exact when their changes are folded into the totals, and fold only what is committed', async () => {
    await create('Folding Person', 'fold@fold.example.org');
    const pending = Number((await app.db.manager.query('SELECT COUNT(*) AS n FROM user_search_prefix_deltas'))[0].n);
    expect(pending).toBeGreaterThan(0);
    // SQLite runs one write at a time: an open write holds every other, by design. The rest is MySQL's.
    if (dialect === 'sqlite') {
      expect(await foldPrefixDeltas(app.db)).toBeGreaterThan(0);
      expect(Number((await app.db.manager.query('SELECT COUNT(*) AS n FROM user_search_prefix_deltas'))[0].n)).toBe(0);
      return expectExact();
    }
    // A write still open: its change is neither counted nor folded, and nobody waits for it.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const open = app.db
      .transaction(async (m) => {
        await addPrefixCounts(m, new Map([['f', 1000]]));
        await held;
        throw new Error('rolled back on purpose');
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(await foldPrefixDeltas(app.db)).toBeGreaterThan(0);
    await expectExact();
    // Writers meanwhile are not held up by the open transaction (they would be with a shared counter row).
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, n) => create(`Free Writer${n}`, `free${n}@fold.example.org`)));
    expect(Date.now() - started).toBeLessThan(10_000);
    release();
    await open;
    await foldPrefixDeltas(app.db);
    expect(Number((await app.db.manager.query('SELECT COUNT(*) AS n FROM user_search_prefix_deltas WHERE users <> 0'))[0].n)).toBe(0);
    await expectExact();
  });

  it('are rebuilt from the word index by the migration', async () => {
    for (const sql of rebuildPrefixCountsSql(dialect === 'sqlite' ? 'sqlite' : 'mysql')) await app.db.manager.query(sql);
    await expectExact();
  });
});
