import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { userSearchWords } from '../../server/search/search-words.js';
import { SearchWords1765100000000 } from '../../server/db/migrations/1765100000000-search-words.js';

// Word search (issue 9): every query word starts a word of the user, in any field kind, any case and accent.
const SEARCH = `query($q: String, $first: Int, $after: String) {
  users(query: $q, first: $first, after: $after) { totalCount suggestions edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;

// Each suite twice: with the default plan choice, and with SEARCH_BROAD_ENTRIES=1, where every word counts as
// broad and users are read in the page's order instead of gathered from the word index. The answers must be the same.
const plans = testDialects().flatMap(
  (d) =>
    [
      [d, 'gathered'],
      [d, 'broad'],
    ] as const,
);

describe.each(plans)('word search on %s (%s plan)', (dialect, plan) => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  const create = async (key: string, input: Record<string, unknown>) => {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: input });
    expect(r.errors).toBeUndefined();
    ids[key] = r.data.createUser.user.id;
    return ids[key];
  };
  const found = async (q: string): Promise<string[]> => {
    const r = await app.gql(SEARCH, { q, first: 100 });
    expect(r.errors, q).toBeUndefined();
    return r.data.users.edges.map((e: any) => e.node.id);
  };
  const keysFound = async (q: string) => {
    const got = await found(q);
    return Object.keys(ids).filter((k) => got.includes(ids[k]));
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, plan === 'broad' ? { SEARCH_BROAD_ENTRIES: '1' } : {});
    await app.as(app.admin)('mutation { createOrganization(input: { name: "Acme Corporation" }) { id } }');
    await create('grace', {
      name: 'Grace Hopper',
      email: 'grace@acme.io',
      phone: '+33 6 12 34 56 78',
      externalId: 'CRM-0042',
      organization: 'Acme Corporation',
      tags: ['vip_gold', 'navy'],
    });
    await create('picard', { name: 'Jean-Luc Picard', alias: 'Locutus', email: 'picard@starfleet.org' });
    await create('sean', { name: "Seán O'Brien", email: 'sean@example.ie' });
    await create('zoe', { name: 'Zoë Ødegaard', email: 'zoe@fjord.no' });
    await create('wang', { name: '王小明', email: 'xiaoming@example.cn' });
    await create('dupont', { name: 'Jean Dupont', email: 'jd@mail.acme.io' });
  });
  afterAll(() => app.stop());

  it('finds by any word of the name, in any case and accent, and ANDs the words', async () => {
    expect(await keysFound('hopper')).toEqual(['grace']);
    expect(await keysFound('HOP')).toEqual(['grace']);
    expect(await keysFound('grace hop')).toEqual(['grace']);
    expect(await keysFound('grace picard')).toEqual([]);
    expect(await keysFound('dupont')).toEqual(['dupont']);
    expect(await keysFound('jean')).toEqual(['picard', 'dupont']);
    expect(await keysFound('luc')).toEqual(['picard']);
    expect(await keysFound('jeanluc')).toEqual(['picard']);
    expect(await keysFound('jean-luc picard')).toEqual(['picard']);
    expect(await keysFound('zoe')).toEqual(['zoe']);
    expect(await keysFound('ZOË')).toEqual(['zoe']);
    expect(await keysFound('odegaard')).toEqual(['zoe']);
    expect(await keysFound('Ødegaard')).toEqual(['zoe']);
    expect(await keysFound('sean')).toEqual(['sean']);
    expect(await keysFound("o'brien")).toEqual(['sean']);
    expect(await keysFound('obrien')).toEqual(['sean']);
    expect(await keysFound('brien')).toEqual(['sean']);
    expect(await keysFound('小明')).toEqual(['wang']);
    expect(await keysFound('王')).toEqual(['wang']);
    expect(await keysFound('明王')).toEqual([]);
    expect(await keysFound('locutus')).toEqual(['picard']);
  });

  it('finds by email, local part, domain (with or without @), phone, external id, organization and tag', async () => {
    expect(await keysFound('grace@acme.io')).toEqual(['grace']);
    expect(await keysFound('acme.io')).toEqual(['grace', 'dupont']);
    expect(await keysFound('@acme.io')).toEqual(['grace', 'dupont']);
    expect(await keysFound('starfleet')).toEqual(['picard']);
    expect(await keysFound('xiaoming')).toEqual(['wang']);
    expect(await keysFound('+33 6 12')).toEqual(['grace']);
    expect(await keysFound('06 12')).toEqual(['grace']);
    expect(await keysFound('0612345678')).toEqual(['grace']);
    expect(await keysFound('crm-0042')).toEqual(['grace']);
    expect(await keysFound('0042')).toEqual(['grace']);
    expect(await keysFound('corporation')).toEqual(['grace']);
    expect(await keysFound('vip_gold')).toEqual(['grace']);
    expect(await keysFound('navy grace')).toEqual(['grace']);
  });

  it('puts an exact address first, then names that start with the query, then the others, newest first', async () => {
    const a = await create('jdaddr', { name: 'Someone Else', email: 'jean@acme.io' });
    const got = await found('jean');
    // "Jean Dupont" (newest name match) and "Jean-Luc Picard" start with the query; Someone Else only by address.
    expect(got).toEqual([ids.dupont, ids.picard, a]);
    const exact = await found('jean@acme.io');
    expect(exact[0]).toBe(a);
    const phone = await found('+33 6 12 34 56 78');
    expect(phone[0]).toBe(ids.grace);
    delete ids.jdaddr;
  });

  it('finds a user the very next request after a create, a rename, a new address, a tag and an organization rename', async () => {
    const id = await create('fresh', { name: 'Margaret Hamilton', email: 'mh@apollo.example.org' });
    expect(await found('hamilton')).toEqual([id]);
    await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Margaret Heafield" }) { id } }', { id });
    expect(await found('hamilton')).toEqual([]);
    expect(await found('heafield')).toEqual([id]);
    await app.gql(
      'mutation($id: ID!) { addUserIdentity(userId: $id, input: { type: EMAIL, value: "margaret@nasa.example.org" }) { identity { id } } }',
      { id },
    );
    expect(await found('nasa.example')).toEqual([id]);
    await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { tags: ["apollo11"] }) { id } }', { id });
    expect(await found('apollo11')).toEqual([id]);
    const org = await app.as(app.admin)('mutation { organizations(query: "Acme") { edges { node { id } } } }'.replace('mutation', 'query'));
    const orgId = org.data.organizations.edges[0].node.id;
    await app.as(app.admin)('mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Initech Holdings" }) { id } }', { id: orgId });
    expect(await keysFound('initech')).toEqual(['grace']);
    expect(await keysFound('corporation')).toEqual([]);
    await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id });
    expect(await found('heafield')).toEqual([]);
    delete ids.fresh;
  });

  it('suggests a query one letter away when nothing matches', async () => {
    const r = await app.gql(SEARCH, { q: 'Dupond' });
    expect(r.data.users.edges).toEqual([]);
    expect(r.data.users.suggestions).toContain('dupont');
    const jean = await app.gql(SEARCH, { q: 'jean dupond' });
    expect(jean.data.users.suggestions).toEqual(['jean dupont']);
    const ok = await app.gql(SEARCH, { q: 'dupont' });
    expect(ok.data.users.suggestions).toEqual([]);
    const none = await app.gql(SEARCH, { q: 'qqqqqqq' });
    expect(none.data.users.suggestions).toEqual([]);
  });

  it('pages by rank without skipping or repeating while users are added and renamed', async () => {
    const made: string[] = [];
    for (let i = 0; i < 9; i++)
      made.push(await create(`pg${i}`, { name: i % 2 ? `Pagina Person ${i}` : `Person Pagina ${i}`, email: `pg${i}@paging.example.org` }));
    const seen: string[] = [];
    let after: string | null = null;
    let round = 0;
    for (;;) {
      const r: any = await app.gql(SEARCH, { q: 'pagina', first: 2, after });
      seen.push(...r.data.users.edges.map((e: any) => e.node.id));
      // Between pages: a new match, and a rename of a user not matching into one.
      await create(`pgnew${round}`, { name: `Pagina New ${round}`, email: `pgnew${round}@paging.example.org` });
      round++;
      if (!r.data.users.pageInfo.hasNextPage) break;
      after = r.data.users.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of made) expect(seen).toContain(id);
    // Names that start with "pagina" (odd i) come first, newest first, then the others.
    const odd = made.filter((_, i) => i % 2).reverse();
    expect(seen.slice(0, odd.length)).toEqual(odd);
    // totalCount counts every match on every page, not those after the cursor.
    const everyone = (await found('pagina')).length;
    const first: any = await app.gql(SEARCH, { q: 'pagina', first: 2 });
    const second: any = await app.gql(SEARCH, { q: 'pagina', first: 2, after: first.data.users.pageInfo.endCursor });
    expect([first.data.users.totalCount, second.data.users.totalCount]).toEqual([everyone, everyone]);
    for (const k of Object.keys(ids)) if (k.startsWith('pg')) delete ids[k];
  });

  it('keeps the index exact under concurrent changes of one user and of many (20 at once)', async () => {
    const id = await create('racer', { name: 'Racer Zero', email: 'racer0@race.example.org', tags: ['start'] });
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        app.gql('mutation($id: ID!, $n: String!) { updateUser(id: $id, input: { name: $n }) { id } }', { id, n: `Racer Number${i}` }),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        app.gql('mutation($id: ID!, $v: String!) { addUserIdentity(userId: $id, input: { type: EMAIL, value: $v }) { identity { id } } }', {
          id,
          v: `racer.extra${i}@race.example.org`,
        }),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
          i: { name: `Crowd Racer ${i}`, email: `crowd${i}@race.example.org` },
        }),
      ),
    ]);
    for (const r of results) expect(r.errors).toBeUndefined();
    // The words stored are exactly those of the user as it ended.
    const final = (
      await app.gql('query($id: ID!) { user(id: $id) { name alias externalId tags organization { name } identities { type value } } }', { id })
    ).data.user;
    const expected = userSearchWords({
      name: final.name,
      emails: final.identities.filter((i: any) => i.type === 'EMAIL').map((i: any) => i.value),
      phones: final.identities.filter((i: any) => i.type === 'PHONE').map((i: any) => i.value),
      tags: final.tags,
      role: 'END_USER',
    }).map((w) => w.word);
    const stored = (await app.db.manager.query('SELECT word FROM user_search_words WHERE user_id = ?', [Number(id)])).map((r: any) => r.word);
    expect([...stored].sort()).toEqual([...new Set(expected)].sort());
    expect(await found(final.name)).toEqual([id]);
    expect((await app.gql(SEARCH, { q: 'crowd racer', first: 100 })).data.users.totalCount).toBe(20);
    delete ids.racer;
  });

  it('refuses bad searches as input errors and treats SQL characters literally', async () => {
    for (const q of ['%', '_', "' OR 1=1 --", '\\']) {
      const r = await app.gql(SEARCH, { q });
      expect(r.errors).toBeUndefined();
      expect(r.data.users.totalCount).toBe(0);
    }
    const long = await app.gql(SEARCH, { q: 'x'.repeat(400) });
    expect(long.errors?.[0].extensions?.field).toBe('query');
  });

  // Last: it rebuilds the index from scratch.
  it('fills the index for the users that exist when its migration runs', async () => {
    const runner = app.db.ds.createQueryRunner();
    try {
      await new SearchWords1765100000000().down(runner);
      await new SearchWords1765100000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await keysFound('hopper')).toEqual(['grace']);
    expect(await keysFound('+33 6 12')).toEqual(['grace']);
    expect(await keysFound('initech')).toEqual(['grace']);
    expect(await keysFound('小明')).toEqual(['wang']);
    expect(await keysFound('heafield')).toEqual([]);
  });
});
