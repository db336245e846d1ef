import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER, GET_USER, LIST_USERS, UPDATE_USER } from '../helpers/operations.js';

let seq = 0;
const uniqueEmail = (prefix = 'u') => `${prefix}${++seq}.${Date.now()}@acme.io`;

describe.each(testDialects())('users on %s', (dialect) => {
  let app: TestApp;
  const create = async (input: Record<string, unknown>) => {
    const r = await app.gql(CREATE_USER, { input: { email: uniqueEmail(), ...input } });
    return r;
  };
  const createOk = async (input: Record<string, unknown>) => {
    const r = await create(input);
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user;
  };
  const expectFieldError = (r: { errors?: any[]; data?: any }, field: string) => {
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  };

  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  describe('createUser', () => {
    it('creates a user with every optional field and reads it back', async () => {
      const input = {
        name: '  Ada Lovelace  ',
        email: 'Ada@Analytical.engine.org',
        role: 'AGENT',
        phone: '+44 20 7946 0958',
        organization: ' Analytical Engines Ltd ',
        tags: [' VIP ', 'vip', 'Early Adopter', ''],
        timeZone: 'europe/london',
        locale: 'en-gb',
        externalId: 'CRM-42',
        alias: 'Countess',
        details: 'Line one\nLine two',
        notes: 'Prefers email.',
        verified: true,
        suspended: false,
      };
      const r = await app.gql(CREATE_USER, { input });
      expect(r.errors).toBeUndefined();
      const u = r.data.createUser.user;
      expect(u).toMatchObject({
        name: 'Ada Lovelace',
        email: 'Ada@analytical.engine.org',
        role: 'AGENT',
        phone: '+442079460958',
        organization: { name: 'Analytical Engines Ltd' },
        tags: ['vip', 'early_adopter'],
        timeZone: 'Europe/London',
        locale: 'en-GB',
        externalId: 'CRM-42',
        alias: 'Countess',
        details: 'Line one\nLine two',
        notes: 'Prefers email.',
        verified: true,
        suspended: false,
        createdVia: 'API',
      });
      expect(u.identities).toEqual([
        expect.objectContaining({ type: 'EMAIL', value: 'Ada@analytical.engine.org', primary: true, verified: true, deliverability: 'UNKNOWN' }),
        expect.objectContaining({ type: 'PHONE', value: '+442079460958', primary: true, shared: false }),
      ]);
      expect(new Date(u.createdAt).toISOString()).toBe(u.createdAt);
      expect(Math.abs(Date.parse(u.createdAt) - Date.now())).toBeLessThan(60_000);

      const read = await app.gql(GET_USER, { id: u.id });
      expect(read.data.user).toEqual({ ...u, tags: [...u.tags].sort() });
    });

    it('defaults role END_USER, not verified, not suspended, empty tags', async () => {
      const u = await createOk({ name: 'Plain' });
      expect(u).toMatchObject({ role: 'END_USER', verified: false, suspended: false, tags: [], phone: null, timeZone: null });
    });

    it('records who added the user: API for a token, the role of a signed-in person', async () => {
      const agent = await app.person('AGENT');
      const byAgent = await app.as(agent.auth)(CREATE_USER, { input: { name: 'From app', email: uniqueEmail() } });
      expect(byAgent.data.createUser.user.createdVia).toBe('AGENT');
      const byAdmin = await app.as(app.admin)(CREATE_USER, { input: { name: 'From admin', email: uniqueEmail() } });
      expect(byAdmin.data.createUser.user.createdVia).toBe('ADMIN');
      const byToken = await app.gql(CREATE_USER, { input: { name: 'From partner', email: uniqueEmail() } });
      expect(byToken.data.createUser.user.createdVia).toBe('API');
    });

    it('round-trips utf8mb4 (accents, CJK, emoji) in every text field', async () => {
      const name = 'Zoë 李 🙂 Ñandú 𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
      const u = await createOk({
        name,
        alias: '🙂🙃',
        notes: '日本語のメモ 🎉',
        details: 'Ω≈ç√∫',
        organization: 'Société Générale 🏦',
        tags: ['café', '🔥hot'],
      });
      const read = await app.gql(GET_USER, { id: u.id });
      expect(read.data.user).toMatchObject({
        name,
        alias: '🙂🙃',
        notes: '日本語のメモ 🎉',
        details: 'Ω≈ç√∫',
        organization: { name: 'Société Générale 🏦' },
      });
      expect([...read.data.user.tags].sort()).toEqual(['café', '🔥hot'].sort());
    });

    it('accepts a name of exactly 255 characters (emoji count as one)', async () => {
      const u = await createOk({ name: '🙂'.repeat(255) });
      expect([...u.name].length).toBe(255);
    });

    const badInputs: [string, Record<string, unknown>, string][] = [
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name of 256 characters', { name: 'x'.repeat(256) }, 'name'],
      ['a name with a line break', { name: 'Ada\nLovelace' }, 'name'],
      ['a name with NUL', { name: 'Ada\u0000' }, 'name'],
      ['an impossible phone', { name: 'P', phone: '+1 123' }, 'phone'],
      ['a phone with letters', { name: 'P', phone: '+1 415 CALL ME' }, 'phone'],
      ['a national phone without country', { name: 'P', phone: '415 555 2671' }, 'phone'],
      ['an unknown time zone', { name: 'T', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      ['an offset instead of a zone', { name: 'T', timeZone: '+02:00' }, 'timeZone'],
      ['an abbreviation instead of a zone', { name: 'T', timeZone: 'CEST' }, 'timeZone'],
      ['a malformed locale', { name: 'L', locale: 'en--US' }, 'locale'],
      ['an unknown language', { name: 'L', locale: 'qq' }, 'locale'],
      ['a locale that is prose', { name: 'L', locale: 'English please' }, 'locale'],
      ['a tag with a line break', { name: 'G', tags: ['ok', 'bad\ntag'] }, 'tags'],
      ['a tag of 81 characters', { name: 'G', tags: ['t'.repeat(81)] }, 'tags'],
      ['an external id with a tab', { name: 'E', externalId: 'a\tb' }, 'externalId'],
      ['an alias of 256 characters', { name: 'A', alias: 'a'.repeat(256) }, 'alias'],
      ['notes with a control character', { name: 'N', notes: 'bell\u0007' }, 'notes'],
      ['details over 65,535 characters', { name: 'D', details: 'd'.repeat(65_536) }, 'details'],
      ['an organization with a line break', { name: 'O', organization: 'Acme\nInc' }, 'organization'],
    ];
    it.each(badInputs)('refuses %s, naming the field, and creates nothing', async (_label, input, field) => {
      const before = (await app.gql(LIST_USERS, { first: 0 })).data.users.totalCount;
      const r = await create(input);
      expectFieldError(r, field);
      expect(r.data ?? null).toBeNull();
      expect((await app.gql(LIST_USERS, { first: 0 })).data.users.totalCount).toBe(before);
    });

    it('refuses a missing name or email at the schema level', async () => {
      const r = await app.gql(CREATE_USER, { input: { name: 'No email' } });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const r2 = await app.gql(CREATE_USER, { input: { email: uniqueEmail() } });
      expect(r2.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses an unknown role', async () => {
      const r = await create({ name: 'R', role: 'SUPERUSER' });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('keeps external ids unique regardless of letter case', async () => {
      const a = await createOk({ name: 'Ext A', externalId: 'ABC-123' });
      const r = await create({ name: 'Ext B', externalId: 'abc-123' });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'externalId', existingUserId: a.id });
      // The refused user's email is still free.
      const email = uniqueEmail();
      expect((await create({ name: 'Ext C', email, externalId: 'ABC-123 ' })).errors?.[0].extensions?.field).toBe('externalId');
      expect((await create({ name: 'Ext C', email })).errors).toBeUndefined();
    });

    it('answers EMAIL_TAKEN with the owner for a duplicate address', async () => {
      const email = uniqueEmail('dup');
      const a = await createOk({ name: 'Owner', email });
      const r = await create({ name: 'Second', email: email.toUpperCase() });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email', existingUserId: a.id, existingUserName: 'Owner' });
      expect(r.errors?.[0].message).toContain('Owner');
    });

    it('accepts a national phone number when DEFAULT_PHONE_COUNTRY is set', async () => {
      const other = await startTestApp(dialect, { DEFAULT_PHONE_COUNTRY: 'FR' });
      try {
        const r = await other.gql(CREATE_USER, { input: { name: 'Fr', email: uniqueEmail(), phone: '01 42 68 53 00' } });
        expect(r.data.createUser.user.phone).toBe('+33142685300');
      } finally {
        await other.stop();
      }
    });
  });

  describe('user', () => {
    it('returns null for an id that does not exist or is not an id', async () => {
      for (const id of ['999999', '0', 'abc', '-1', '1e3', '']) {
        const r = await app.gql(GET_USER, { id });
        expect(r.errors).toBeUndefined();
        expect(r.data.user).toBeNull();
      }
    });
  });

  describe('updateUser', () => {
    it('changes only the given fields and clears with null', async () => {
      const u = await createOk({
        name: 'Before',
        phone: '+1 415 555 2671',
        timeZone: 'America/New_York',
        tags: ['a', 'b'],
        notes: 'keep me',
        alias: 'al',
      });
      const r = await app.gql(UPDATE_USER, { id: u.id, input: { name: 'After', phone: null, tags: ['c'], locale: 'fr' } });
      expect(r.errors).toBeUndefined();
      expect(r.data.updateUser).toMatchObject({
        name: 'After',
        phone: null,
        tags: ['c'],
        locale: 'fr',
        timeZone: 'America/New_York',
        notes: 'keep me',
        alias: 'al',
        email: u.email,
      });
      expect(Date.parse(r.data.updateUser.updatedAt)).toBeGreaterThanOrEqual(Date.parse(u.updatedAt));
      const cleared = await app.gql(UPDATE_USER, { id: u.id, input: { notes: null, alias: null, tags: null, timeZone: null, externalId: null } });
      expect(cleared.data.updateUser).toMatchObject({ notes: null, alias: null, tags: [], timeZone: null, externalId: null, name: 'After' });
      const read = await app.gql(GET_USER, { id: u.id });
      expect(read.data.user).toMatchObject({ notes: null, alias: null, tags: [], name: 'After', locale: 'fr' });
    });

    it('an empty input changes nothing', async () => {
      const u = await createOk({ name: 'Same', notes: 'n' });
      const r = await app.gql(UPDATE_USER, { id: u.id, input: {} });
      expect(r.data.updateUser).toMatchObject({ name: 'Same', notes: 'n', email: u.email });
    });

    it('refuses to clear the name, the email, the role or the flags', async () => {
      const u = await createOk({ name: 'Keep' });
      for (const field of ['name', 'email', 'role', 'verified', 'suspended']) {
        const r = await app.gql(UPDATE_USER, { id: u.id, input: { [field]: null } });
        expectFieldError(r, field);
      }
      const read = await app.gql(GET_USER, { id: u.id });
      expect(read.data.user).toMatchObject({ name: 'Keep', email: u.email, role: 'END_USER' });
    });

    it('validates every field like create and loses nothing on a refusal', async () => {
      const u = await createOk({ name: 'Valid', phone: '+1 415 555 2671', timeZone: 'Asia/Tokyo' });
      for (const [input, field] of [
        [{ phone: '+1 1' }, 'phone'],
        [{ timeZone: 'Nowhere/Land' }, 'timeZone'],
        [{ locale: '12' }, 'locale'],
        [{ name: ' ' }, 'name'],
        [{ email: 'not-an-address' }, 'email'],
        [{ name: 'Changed', phone: 'nope' }, 'phone'],
      ] as const) {
        expectFieldError(await app.gql(UPDATE_USER, { id: u.id, input }), field);
      }
      const read = await app.gql(GET_USER, { id: u.id });
      expect(read.data.user).toMatchObject({ name: 'Valid', phone: '+14155552671', timeZone: 'Asia/Tokyo', email: u.email });
    });

    it('changes the primary email, unverifies a new address, and refuses one that is taken', async () => {
      const a = await createOk({ name: 'Mover', verified: true });
      const b = await createOk({ name: 'Holder' });
      const taken = await app.gql(UPDATE_USER, { id: a.id, input: { email: b.email.toUpperCase() } });
      expect(taken.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: b.id });
      const next = uniqueEmail('moved');
      const r = await app.gql(UPDATE_USER, { id: a.id, input: { email: next } });
      expect(r.data.updateUser.email).toBe(next);
      expect(r.data.updateUser.identities).toEqual([expect.objectContaining({ value: next, verified: false, primary: true })]);
      // The account is verified when its primary email is.
      expect(r.data.updateUser.verified).toBe(false);
      // The old address is free again.
      expect((await create({ name: 'Reuse', email: a.email })).errors).toBeUndefined();
      // Same address in another case: kept verified state, new spelling stored.
      const reserved = await app.gql(UPDATE_USER, { id: a.id, input: { email: `moved${seq}@example.invalid` } });
      expect(reserved.data.updateUser.identities[0].deliverability).toBe('UNDELIVERABLE_RESERVED');
    });

    it('answers NOT_FOUND for an unknown or malformed id', async () => {
      for (const id of ['999999', 'abc']) {
        const r = await app.gql(UPDATE_USER, { id, input: { name: 'x' } });
        expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('users (search and paging)', () => {
    let prefix: string;
    let created: { id: string; name: string; email: string }[];
    beforeAll(async () => {
      prefix = `Srch${dialect}${Date.now().toString(36)}`;
      created = [];
      for (let i = 0; i < 7; i++) {
        created.push(await createOk({ name: `${prefix} Person ${i}`, email: `p${i}.${prefix}@search.acme.io` }));
      }
      created.push(await createOk({ name: 'Émilie Zola', email: `${prefix.toLowerCase()}.mail@other.acme.io` }));
    });

    it('lists newest first with a total count', async () => {
      const r = await app.gql(LIST_USERS, { first: 3 });
      const ids = r.data.users.edges.map((e: any) => Number(e.node.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(r.data.users.edges[0].node.id).toBe(created[created.length - 1].id);
      expect(r.data.users.totalCount).toBeGreaterThanOrEqual(created.length);
      expect(r.data.users.pageInfo.hasNextPage).toBe(true);
    });

    it('matches a prefix of the name, ignoring case and accents', async () => {
      const r = await app.gql(LIST_USERS, { query: prefix.toUpperCase(), first: 25 });
      expect(r.data.users.totalCount).toBe(8); // 7 by name + 1 by email
      const names = r.data.users.edges.map((e: any) => e.node.name);
      // Names that start with the query first (newest first), then the match by address.
      expect(names.slice(0, 7)).toEqual(
        created
          .slice(0, 7)
          .reverse()
          .map((u) => u.name),
      );
      expect(names[7]).toBe('Émilie Zola');
      const accent = await app.gql(LIST_USERS, { query: 'emilie' });
      expect(accent.data.users.edges.map((e: any) => e.node.id)).toContain(created[7].id);
      const accent2 = await app.gql(LIST_USERS, { query: 'ÉMIL' });
      expect(accent2.data.users.edges.map((e: any) => e.node.id)).toContain(created[7].id);
    });

    it('matches a prefix of an email, and any word of a name (issue 9), not the middle of a word', async () => {
      const r = await app.gql(LIST_USERS, { query: `P3.${prefix}@SEARCH` });
      expect(r.data.users.edges.map((e: any) => e.node.id)).toEqual([created[3].id]);
      const middle = await app.gql(LIST_USERS, { query: `Person 3 ${prefix}` });
      expect(middle.data.users.edges.map((e: any) => e.node.id)).toEqual([created[3].id]);
      const inside = await app.gql(LIST_USERS, { query: 'erson' });
      expect(inside.data.users.edges.map((e: any) => e.node.id)).not.toContain(created[3].id);
    });

    it('finds a user created a moment ago', async () => {
      const u = await createOk({ name: `Fresh${prefix}` });
      const r = await app.gql(LIST_USERS, { query: `fresh${prefix}` });
      expect(r.data.users.edges.map((e: any) => e.node.id)).toEqual([u.id]);
    });

    it('treats % and _ literally and returns nothing for no match', async () => {
      for (const query of ['%', '_', `${prefix}%zzz`, '\\', "' OR 1=1 --", 'zzzzzz-no-such-user']) {
        const r = await app.gql(LIST_USERS, { query });
        expect(r.errors).toBeUndefined();
        expect(r.data.users.edges).toEqual([]);
        expect(r.data.users.totalCount).toBe(0);
      }
    });

    it('pages through search results with cursors, no gaps and no repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const r: any = await app.gql(LIST_USERS, { query: prefix, first: 3, after });
        seen.push(...r.data.users.edges.map((e: any) => e.node.id));
        pages++;
        if (!r.data.users.pageInfo.hasNextPage) break;
        after = r.data.users.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      const byName = created.slice(0, 7).reverse();
      expect(seen).toEqual([...byName, created[7]].map((u) => u.id));
    });

    it('pages through all users without a query', async () => {
      const all = (await app.gql(LIST_USERS, { first: 100 })).data.users;
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const r: any = await app.gql(LIST_USERS, { first: 4, after });
        seen.push(...r.data.users.edges.map((e: any) => e.node.id));
        if (!r.data.users.pageInfo.hasNextPage) break;
        after = r.data.users.pageInfo.endCursor;
      }
      expect(seen.length).toBe(all.totalCount);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('defaults to 25, caps first at 100 and refuses a negative first', async () => {
      for (let i = 0; i < 100; i++) await createOk({ name: `Bulk ${i}` });
      expect((await app.gql(LIST_USERS, {})).data.users.edges).toHaveLength(25);
      expect((await app.gql(LIST_USERS, { first: 1000 })).data.users.edges).toHaveLength(100);
      expect((await app.gql(LIST_USERS, { first: 0 })).data.users.edges).toHaveLength(0);
      expectFieldError(await app.gql(LIST_USERS, { first: -1 }), 'first');
    });

    it('refuses a cursor it did not issue', async () => {
      for (const after of ['garbage', 'dXNlcjpub3Q', Buffer.from('user:1; DROP TABLE users').toString('base64url')]) {
        expectFieldError(await app.gql(LIST_USERS, { after }), 'after');
      }
    });

    it('refuses an overlong or control-character search', async () => {
      expectFieldError(await app.gql(LIST_USERS, { query: 'q'.repeat(400) }), 'query');
      expectFieldError(await app.gql(LIST_USERS, { query: 'a\u0000b' }), 'query');
    });
  });
});
