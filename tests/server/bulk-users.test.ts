import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

const RESULT = 'index status user { id name email externalId tags } errors { code field message } warnings { code field }';
const CREATE = `mutation($inputs: [CreateUserInput!]!) { createUsers(inputs: $inputs) { ${RESULT} } }`;
const UPSERT = `mutation($inputs: [UpsertUserInput!]!) { upsertUsers(inputs: $inputs) { ${RESULT} } }`;

describe.each(testDialects())('bulk users API, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app.stop());

  it('createUsers: one result per input in order, every problem of a bad input, partial success', async () => {
    await app.gql('mutation { createUser(input: { name: "Existing", email: "taken@bulk.example.org" }) { user { id } } }');
    const r = await app.gql(CREATE, {
      inputs: [
        { name: 'Ada', email: 'ada@bulk.example.org', externalId: 'crm-1', tags: ['VIP'] },
        { name: '  ', email: 'not an address', timeZone: 'Mars/Olympus' },
        { name: 'Copycat', email: 'TAKEN@bulk.example.org' },
        { name: 'Alan', email: 'alan@bulk.example.org', phone: '+44 20 7946 0958' },
      ],
    });
    expect(r.errors).toBeUndefined();
    const out = r.data.createUsers;
    expect(out.map((o: any) => [o.index, o.status])).toEqual([
      [0, 'CREATED'],
      [1, 'FAILED'],
      [2, 'FAILED'],
      [3, 'CREATED'],
    ]);
    expect(out[0].user).toMatchObject({ name: 'Ada', email: 'ada@bulk.example.org', externalId: 'crm-1', tags: ['vip'] });
    expect(out[1].user).toBeNull();
    expect(out[1].errors.map((e: any) => e.field).sort()).toEqual(['email', 'name', 'timeZone']);
    expect(out[2].errors).toEqual([{ code: 'EMAIL_TAKEN', field: 'email', message: expect.stringContaining('Existing') }]);
    // Nothing of the failed inputs was kept.
    expect((await app.gql('{ users(query: "copycat") { totalCount } }')).data.users.totalCount).toBe(0);
    const created = await app.gql('query($id: ID!) { user(id: $id) { createdVia events { edges { node { action source } } } } }', {
      id: out[3].user.id,
    });
    expect(created.data.user.createdVia).toBe('API');
  });

  it('createUsers in one call: the second input with the same address (any case) fails, the first is kept', async () => {
    const r = await app.gql(CREATE, {
      inputs: [
        { name: 'Twin One', email: 'twin@bulk.example.org' },
        { name: 'Twin Two', email: 'TWIN@bulk.example.org' },
      ],
    });
    expect(r.data.createUsers.map((o: any) => o.status)).toEqual(['CREATED', 'FAILED']);
    expect(r.data.createUsers[1].errors[0].code).toBe('EMAIL_TAKEN');
  });

  it('a number two inputs give, or that someone has, is kept as a shared number with a warning', async () => {
    const r = await app.gql(CREATE, {
      inputs: [
        { name: 'Phone One', email: 'phone.one@bulk.example.org', phone: '+33 1 42 68 53 01' },
        { name: 'Phone Two', email: 'phone.two@bulk.example.org', phone: '+33142685301' },
        { name: 'Phone Three', email: 'phone.three@bulk.example.org', phone: '+44 20 7946 0958' },
      ],
    });
    expect(r.data.createUsers.map((o: any) => [o.status, o.warnings.map((w: any) => w.code).filter((c: string) => c === 'SHARED_PHONE')])).toEqual([
      ['CREATED', []],
      ['CREATED', ['SHARED_PHONE']],
      ['CREATED', ['SHARED_PHONE']],
    ]);
    const two = await app.gql('query($id: ID!) { user(id: $id) { identities { value shared sharedWith { name } } } }', {
      id: r.data.createUsers[1].user.id,
    });
    expect(two.data.user.identities.find((i: any) => i.value === '+33142685301')).toMatchObject({
      shared: true,
      sharedWith: [{ name: 'Phone One' }],
    });
  });

  it('upsertUsers matches by external id, then any email, then phone; unchanged inputs write nothing', async () => {
    const first = await app.gql(UPSERT, {
      inputs: [
        { name: 'Grace', email: 'grace@bulk.example.org', externalId: 'crm-grace', emails: ['g.hopper@bulk.example.org'] },
        { name: 'Linus', email: 'linus@bulk.example.org', phone: '+33 6 12 34 56 78' },
      ],
    });
    expect(first.data.upsertUsers.map((o: any) => o.status)).toEqual(['CREATED', 'CREATED']);
    const graceId = first.data.upsertUsers[0].user.id;
    const linusId = first.data.upsertUsers[1].user.id;
    const again = await app.gql(UPSERT, {
      inputs: [
        { externalId: 'CRM-GRACE', name: 'Grace Hopper' },
        { email: 'G.HOPPER@bulk.example.org', alias: 'Amazing Grace' },
        { phone: '+33612345678', notes: 'found by phone' },
        { name: 'Linus', email: 'linus@bulk.example.org', phone: '+33 6 12 34 56 78' },
        { externalId: 'CRM-GRACE', name: 'Grace Hopper' },
      ],
    });
    expect(again.errors).toBeUndefined();
    const out = again.data.upsertUsers;
    expect(out.map((o: any) => o.status)).toEqual(['UPDATED', 'UPDATED', 'UPDATED', 'UNCHANGED', 'UNCHANGED']);
    expect(out.map((o: any) => o.user.id)).toEqual([graceId, graceId, linusId, linusId, graceId]);
    const events = await app.gql('query($id: ID!) { user(id: $id) { email events { totalCount } } }', { id: linusId });
    expect(events.data.user.events.totalCount).toBe(2);
    // Matched by a secondary address: the primary stays.
    expect((await app.gql('query($id: ID!) { user(id: $id) { email } }', { id: graceId })).data.user.email).toBe('grace@bulk.example.org');
  });

  it('upsertUsers: an update gives the warnings a create of the same values gives; an unchanged input, none', async () => {
    const WARNED = 'status user { id } warnings { code field message existingUserId }';
    const upsert = (input: Record<string, unknown>) =>
      app.gql(`mutation($i: [UpsertUserInput!]!) { upsertUsers(inputs: $i) { ${WARNED} } }`, { i: [input] });
    const holders = await app.gql(CREATE, {
      inputs: [
        { name: 'Desk Holder', email: 'desk.holder@bulk.example.org', phone: '+33 1 42 68 53 11' },
        { name: 'Mobile Holder', email: 'mobile.holder@bulk.example.org', phone: '+33 6 98 76 54 32' },
      ],
    });
    const [desk, mobile] = holders.data.createUsers.map((o: any) => o.user.id);
    const made = await upsert({ name: 'Warned Later', email: 'warned.later@bulk.acme.io', externalId: 'crm-warned' });
    expect(made.data.upsertUsers[0]).toMatchObject({ status: 'CREATED', warnings: [] });
    // A reserved address as the new primary email, a number another account holds as the phone and among the phones.
    const values = { email: 'warned.later@example.invalid', phone: '+33142685311', phones: ['+33 6 98 76 54 32'] };
    const [updated] = (await upsert({ externalId: 'crm-warned', ...values })).data.upsertUsers;
    expect(updated.status).toBe('UPDATED');
    expect(updated.warnings).toEqual([
      { code: 'UNDELIVERABLE_RESERVED', field: 'email', message: expect.stringContaining('warned.later@example.invalid'), existingUserId: null },
      { code: 'SHARED_PHONE', field: 'phone', message: expect.stringMatching(/\+33 1 42 68 53 11.*Desk Holder/), existingUserId: desk },
      { code: 'SHARED_PHONE', field: 'phones', message: expect.stringMatching(/\+33 6 98 76 54 32.*Mobile Holder/), existingUserId: mobile },
    ]);
    // A new account with that email and phone (createUsers takes no `phones`): the same warnings, in the same order, with
    // the same words about the number.
    const created = await app.gql(`mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { ${WARNED} } }`, {
      i: [{ name: 'Warned At Once', email: 'warned.once@example.invalid', phone: values.phone }],
    });
    expect(created.data.createUsers[0].warnings).toEqual([
      { ...updated.warnings[0], message: expect.stringContaining('warned.once@example.invalid') },
      updated.warnings[1],
    ]);
    // Given again, nothing is written and nothing warned about.
    expect((await upsert({ externalId: 'crm-warned', ...values })).data.upsertUsers[0]).toMatchObject({ status: 'UNCHANGED', warnings: [] });
  });

  it('upsertUsers: an email owned by someone other than the match fails; a new account needs name and email', async () => {
    const r = await app.gql(UPSERT, {
      inputs: [{ externalId: 'crm-grace', email: 'linus@bulk.example.org' }, { externalId: 'nobody-yet' }],
    });
    const [conflict, incomplete] = r.data.upsertUsers;
    expect(conflict.status).toBe('FAILED');
    expect(conflict.errors[0].code).toBe('EMAIL_TAKEN');
    expect(incomplete.status).toBe('FAILED');
    expect(incomplete.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('refuses more than 1,000 inputs, and applies the policies input by input', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ name: `n${i}`, email: `n${i}@bulk.example.org` }));
    const r = await app.gql('mutation($inputs: [CreateUserInput!]!) { createUsers(inputs: $inputs) { status } }', { inputs: many });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
    const agent = await app.person('AGENT');
    const mixed = await app.as(agent.auth)(CREATE, {
      inputs: [
        { name: 'Customer', email: 'customer.by.agent@bulk.example.org' },
        { name: 'Boss', email: 'boss.by.agent@bulk.example.org', role: 'ADMIN' },
      ],
    });
    expect(mixed.data.createUsers.map((o: any) => o.status)).toEqual(['CREATED', 'FAILED']);
    expect(mixed.data.createUsers[1].errors[0].code).toBe('FORBIDDEN');
    const readOnly = await app.token(['USERS_READ']);
    const refused = await app.as(readOnly.auth)(CREATE, { inputs: [{ name: 'X', email: 'x@bulk.example.org' }] });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const endUser = await app.person('END_USER');
    expect((await app.as(endUser.auth)(UPSERT, { inputs: [] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('finds users by external id, by ids and by external ids (up to 100)', async () => {
    const byExt = await app.gql('{ userByExternalId(externalId: "CRM-1") { name } }');
    expect(byExt.data.userByExternalId.name).toBe('Ada');
    expect((await app.gql('{ userByExternalId(externalId: "nope") { name } }')).data.userByExternalId).toBeNull();
    const list = await app.gql('{ users(externalIds: ["crm-grace", "missing", "crm-1"]) { totalCount edges { node { name } } } }');
    expect(list.data.users.edges.map((e: any) => e.node.name)).toEqual(['Grace Hopper', 'Ada']);
    expect(list.data.users.totalCount).toBe(2);
    const ids = list.data.users.edges.length;
    expect(ids).toBe(2);
    const ada = (await app.gql('{ userByExternalId(externalId: "crm-1") { id } }')).data.userByExternalId.id;
    const byIds = await app.gql('query($ids: [ID!]) { users(ids: $ids) { edges { node { id name } } } }', { ids: [ada, '999999', 'x'] });
    expect(byIds.data.users.edges.map((e: any) => e.node.name)).toEqual(['Ada']);
    const tooMany = await app.gql('query($ids: [ID!]) { users(ids: $ids) { totalCount } }', {
      ids: Array.from({ length: 101 }, (_, i) => String(i + 1)),
    });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  it('addUserTags and removeUserTags change some tags and keep the others', async () => {
    const id = (await app.gql('{ userByExternalId(externalId: "crm-1") { id } }')).data.userByExternalId.id;
    const added = await app.gql('mutation($id: ID!) { addUserTags(userId: $id, tags: ["Gold", "vip"]) { tags } }', { id });
    expect(added.data.addUserTags.tags).toEqual(['gold', 'vip']);
    // Two systems at once: neither overwrites the other.
    await Promise.all([
      app.gql('mutation($id: ID!) { addUserTags(userId: $id, tags: ["from_crm"]) { id } }', { id }),
      app.gql('mutation($id: ID!) { addUserTags(userId: $id, tags: ["from_billing"]) { id } }', { id }),
    ]);
    const removed = await app.gql('mutation($id: ID!) { removeUserTags(userId: $id, tags: ["VIP", "absent"]) { tags } }', { id });
    expect(removed.data.removeUserTags.tags).toEqual(['from_billing', 'from_crm', 'gold']);
    const history = await app.gql(
      'query($id: ID!) { user(id: $id) { events(first: 1) { edges { node { changes { field oldValue newValue } } } } } }',
      { id },
    );
    expect(history.data.user.events.edges[0].node.changes[0]).toEqual({
      field: 'tags',
      oldValue: 'from_billing, from_crm, gold, vip',
      newValue: 'from_billing, from_crm, gold',
    });
    const readOnly = await app.token(['USERS_READ']);
    expect(
      (await app.as(readOnly.auth)('mutation($id: ID!) { addUserTags(userId: $id, tags: ["x"]) { id } }', { id })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('addUserTags is the same edit of a user as the bulk action and updateUser: history line, version, change feed, tag rules', async () => {
    const make = async (name: string) =>
      (
        await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
          i: { name, email: `${name}@tags.example.org`, tags: ['mid'] },
        })
      ).data.createUser.user.id;
    const [single, bulk] = [await make('single'), await make('bulk')];
    const state = async (id: string) => {
      const r = await app.gql(
        'query($id: ID!) { user(id: $id) { tags version events(first: 1) { edges { node { action changes { field oldValue newValue } } } } } }',
        { id },
      );
      return { ...r.data.user, events: r.data.user.events.edges.map((e: any) => e.node) };
    };
    let since: string | null = null;
    for (let more = true; more;) {
      const page: any = (
        await app.gql('query($after: String) { userChanges(after: $after) { pageInfo { hasNextPage endCursor } } }', { after: since })
      ).data.userChanges.pageInfo;
      since = page.endCursor ?? since;
      more = page.hasNextPage;
    }
    expect((await app.gql('mutation($id: ID!) { addUserTags(userId: $id, tags: ["Zeta", "alpha"]) { id } }', { id: single })).errors).toBeUndefined();
    const b = await app.gql('mutation($i: BulkUpdateUsersInput!) { bulkUpdateUsers(input: $i) { changed } }', {
      i: { ids: [bulk], addTags: ['Zeta', 'alpha'] },
    });
    expect(b.data.bulkUpdateUsers.changed).toBe(1);
    const line = { action: 'UPDATED', changes: [{ field: 'tags', oldValue: 'mid', newValue: 'alpha, mid, zeta' }] };
    expect(await state(single)).toEqual({ tags: ['alpha', 'mid', 'zeta'], version: 2, events: [line] });
    expect(await state(bulk)).toEqual({ tags: ['alpha', 'mid', 'zeta'], version: 2, events: [line] });
    const feed = await app.gql('query($after: String) { userChanges(after: $after, first: 10) { edges { node { kind user { id } } } } }', {
      after: since,
    });
    expect(feed.data.userChanges.edges.map((e: any) => [e.node.kind, e.node.user.id])).toEqual([
      ['UPDATED', single],
      ['UPDATED', bulk],
    ]);
    // The tag rules of updateUser: a comma is refused, naming the field, and nothing is written.
    const bad = await app.gql('mutation($id: ID!) { removeUserTags(userId: $id, tags: ["a,b"]) { id } }', { id: single });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags' });
    expect((await state(single)).version).toBe(2);
  });

  it('batches written at once, beside single creates, give every input its own account, addresses, tags and words', async () => {
    // New accounts of a batch are inserted many to a statement and their rows then named by the ids the
    // database gave: concurrent batches and single creates must never cross them.
    const batch = (b: number) =>
      Array.from({ length: 150 }, (_, i) => ({
        name: `Zephyrine B${b}x${i}`,
        email: `mix.${b}.${i}@bulk.example.org`,
        phone: `+1 415 555 ${String(b * 200 + i).padStart(4, '0')}`,
        externalId: `mix-${b}-${i}`,
        tags: [`batch${b}`],
      }));
    const singles = Array.from({ length: 10 }, (_, i) =>
      app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { name: `Single ${i}`, email: `single.${i}@bulk.example.org` },
      }),
    );
    const results = await Promise.all([app.gql(CREATE, { inputs: batch(1) }), app.gql(CREATE, { inputs: batch(2) }), ...singles]);
    for (const r of results) expect(r.errors).toBeUndefined();
    for (const [b, r] of [
      [1, results[0]],
      [2, results[1]],
    ] as const) {
      const out = r.data.createUsers;
      expect(out.every((o: any) => o.status === 'CREATED')).toBe(true);
      out.forEach((o: any, i: number) =>
        expect(o.user).toMatchObject({
          name: `Zephyrine B${b}x${i}`,
          email: `mix.${b}.${i}@bulk.example.org`,
          externalId: `mix-${b}-${i}`,
          tags: [`batch${b}`],
        }),
      );
      const ids = out.map((o: any) => o.user.id);
      const read = await app.gql('query($ids: [ID!]) { users(ids: $ids, first: 100) { edges { node { id email phone externalId } } } }', {
        ids: ids.slice(0, 100),
      });
      expect(read.errors).toBeUndefined();
      expect(read.data.users.edges).toHaveLength(100);
      for (const { node: u } of read.data.users.edges) {
        const i = ids.indexOf(u.id);
        expect(u).toMatchObject({ email: `mix.${b}.${i}@bulk.example.org`, externalId: `mix-${b}-${i}` });
        expect(u.phone.replace(/\D/g, '')).toBe(`1415555${String(b * 200 + i).padStart(4, '0')}`);
      }
    }
    // The search index names the right accounts too.
    const found = await app.gql('{ users(query: "zephyrine b2x149", first: 5) { edges { node { externalId } } } }');
    expect(found.data.users.edges.map((e: any) => e.node.externalId)).toEqual(['mix-2-149']);
  });

  it('writes 1,000 inputs in one call (timed in the log; the figure is a benchmark, not a test)', async () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => ({
      name: `Bulk ${i}`,
      email: `bulk.${i}@speed.example.org`,
      externalId: `speed-${i}`,
      tags: ['bulk'],
    }));
    const started = performance.now();
    const r = await app.gql('mutation($inputs: [CreateUserInput!]!) { createUsers(inputs: $inputs) { status } }', { inputs });
    const ms = performance.now() - started;
    expect(r.errors).toBeUndefined();
    expect(r.data.createUsers.every((o: any) => o.status === 'CREATED')).toBe(true);
    console.log(`createUsers, 1,000 inputs on ${dialect}: ${Math.round(ms)} ms`);
    const again = await app.gql('mutation($inputs: [UpsertUserInput!]!) { upsertUsers(inputs: $inputs) { status } }', { inputs });
    expect(again.data.upsertUsers.every((o: any) => o.status === 'UNCHANGED')).toBe(true);
  });
});
