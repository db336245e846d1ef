import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

// What a partner app built on a normalizing client (Apollo's InMemoryCache) and
// a sync loop stumbled over: a write whose answer leaves the cached account
// stale, a lookup by key that ignored the conditions beside it (and was costed
// by `first` while it answers every key), and webhook events without the
// version a receiver needs to order them and to save with expectedVersion.

describe.each(testDialects())('partner clients, on %s', (dialect) => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startTestApp(dialect, { WEBHOOK_ALLOW_PRIVATE: 'true', OUTBOX_POLL_MS: '100' });
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.stop();
  });

  async function createUser(name: string, email: string, externalId?: string): Promise<{ id: string; version: number }> {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id version } } }', { i: { name, email, externalId } });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user;
  }

  it("verifyUserIdentity's answer carries the account, with its new verified flag and version", async () => {
    const user = await createUser('Vic Verified', 'vic@partner.acme.io');
    const before = await app.gql('query($id: ID!) { user(id: $id) { verified version identities { id } } }', { id: user.id });
    expect(before.data.user).toMatchObject({ verified: false, version: 1 });
    const r = await app.gql('mutation($id: ID!) { verifyUserIdentity(id: $id) { id verified user { id verified version } } }', {
      id: before.data.user.identities[0].id,
    });
    expect(r.errors).toBeUndefined();
    const saved = await app.gql('query($id: ID!) { user(id: $id) { verified version } }', { id: user.id });
    expect(saved.data.user.verified).toBe(true);
    // What a cache writes from the answer is what the server now holds.
    expect(r.data.verifyUserIdentity).toEqual({ id: before.data.user.identities[0].id, verified: true, user: { id: user.id, ...saved.data.user } });
    // Reached from the account, each address names it back.
    const back = await app.gql('query($id: ID!) { user(id: $id) { identities { user { id } } } }', { id: user.id });
    expect(back.data.user.identities).toEqual([{ user: { id: user.id } }]);
    // A token without USERS_READ reads the address's id and nothing of the account.
    const writer = await app.token(['USERS_WRITE']);
    const other = await createUser('Wendy Writer', 'wendy@partner.acme.io');
    const ident = await app.gql('query($id: ID!) { user(id: $id) { identities { id } } }', { id: other.id });
    const w = await app.as(writer.auth)('mutation($id: ID!) { verifyUserIdentity(id: $id) { id user { id name } } }', {
      id: ident.data.user.identities[0].id,
    });
    expect(w.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('users(ids:) and users(externalIds:) refuse a search, filter, sort or cursor beside them rather than ignore it', async () => {
    const a = await createUser('Kim Keyed', 'kim@partner.acme.io', 'KEY-1');
    const b = await createUser('Lou Keyed', 'lou@partner.acme.io', 'KEY-2');
    const ok = await app.gql('query($ids: [ID!]) { users(ids: $ids, first: 1, query: "  ", tags: [], filter: {}) { edges { node { id } } } }', {
      ids: [b.id, a.id],
    });
    expect(ok.errors).toBeUndefined();
    // Every id asked for, in order, whatever `first` says (as documented).
    expect(ok.data.users.edges.map((e: any) => e.node.id)).toEqual([b.id, a.id]);
    const beside: [string, string][] = [
      ['query: "kim"', 'query'],
      ['tags: ["vip"]', 'tags'],
      ['organizationId: "1"', 'organizationId'],
      ['fields: [{ key: "plan", value: "pro" }]', 'fields'],
      ['filter: { query: "kim" }', 'filter'],
      ['filter: { verified: false }', 'filter'],
      ['sort: { field: NAME, direction: ASC }', 'sort'],
      ['after: "x"', 'after'],
    ];
    for (const [arg, field] of beside) {
      for (const keys of [`ids: ["${a.id}"]`, 'externalIds: ["key-1"]']) {
        const r = await app.gql(`{ users(${keys}, ${arg}) { totalCount } }`);
        expect(r.errors?.[0].extensions, `${keys} ${arg}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(r.errors?.[0].message).toMatch(/leave out/);
      }
    }
    const fr = await app.gql(`{ users(ids: ["${a.id}"], query: "kim") { totalCount } }`, {}, { 'accept-language': 'fr' });
    expect(fr.errors?.[0].message).toBe('ids liste exactement les utilisateurs qu’il nomme\u00a0: retirez query, qui ne s’appliquerait pas.');
  });

  it('sends the account version in user webhook events', async () => {
    const cookie = app.admin;
    const hook = await app.as(cookie)('mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }', {
      i: { url: `${receiver.base}/versions`, events: ['USER_CREATED', 'USER_UPDATED'] },
    });
    expect(hook.errors).toBeUndefined();
    const user = await createUser('Val Versioned', 'val@partner.acme.io');
    const r = await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Val Renamed" }) { version } }', { id: user.id });
    const got = await receiver.waitFor((rs) => rs.filter((x) => x.path === '/versions').length >= 2);
    const users = got.filter((x) => x.path === '/versions').map((x) => x.body.data.user);
    expect(users.map((u) => [u.name, u.version])).toEqual([
      ['Val Versioned', user.version],
      ['Val Renamed', r.data.updateUser.version],
    ]);
    await app.as(cookie)('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: hook.data.createWebhook.webhook.id });
  });
});

describe('the cost of users(ids:)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite', { GRAPHQL_MAX_COST: '4' });
  });
  afterAll(() => app?.stop());

  it('counts one user per key asked for, not the `first` it ignores', async () => {
    const cost = async (query: string) => (await app.as(app.admin)(query)).errors?.find((e) => /cost limit/.test(e.message))?.extensions?.cost;
    const ids = JSON.stringify(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    expect(await cost(`{ users(ids: ${ids}, first: 1) { edges { node { id } } } }`)).toBe(1 + 40 * 3);
    expect(await cost(`{ users(externalIds: ["a", "b", "c"]) { edges { node { id } } } }`)).toBe(1 + 3 * 3);
    expect(await cost('{ users(first: 2) { edges { node { id } } } }')).toBe(1 + 2 * 3);
  });
});

describe.each(testDialects())('partner clients, follow-ups, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  async function createUser(name: string, email: string): Promise<string> {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name, email } });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user.id;
  }

  it('a USERS_WRITE-only token reads what its bulk action by ids did (a filter still needs USERS_READ)', async () => {
    const id = await createUser('Bea Bulk', 'bea@followup.acme.io');
    const writer = await app.token(['USERS_WRITE']);
    const bulk = 'mutation($i: BulkUpdateUsersInput!) { bulkUpdateUsers(input: $i) { matched changed failedCount failed { id code message } } }';
    const r = await app.as(writer.auth)(bulk, { i: { ids: [id, '999999'], addTags: ['vip'] } });
    expect(r.errors).toBeUndefined();
    expect(r.data.bulkUpdateUsers).toMatchObject({ matched: 2, changed: 1, failedCount: 1, failed: [{ id: '999999', code: 'NOT_FOUND' }] });
    const d = await app.as(writer.auth)('mutation($i: BulkDeleteUsersInput!) { bulkDeleteUsers(input: $i) { matched changed failedCount } }', {
      i: { ids: [id] },
    });
    expect(d.errors).toBeUndefined();
    expect(d.data.bulkDeleteUsers).toEqual({ matched: 1, changed: 1, failedCount: 0 });
    const f = await app.as(writer.auth)(bulk, { i: { filter: { query: 'bea' }, addTags: ['vip'] } });
    expect(f.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(f.data?.bulkUpdateUsers ?? null).toBeNull();
  });

  it("a bulk failure's message names nothing of the account it refused", async () => {
    const agent = await app.person('AGENT', 'Agnes Agent');
    const admin = await app.person('ADMIN', 'Adele Secretname');
    const r = await app.as(agent.auth)('mutation($i: BulkDeleteUsersInput!) { bulkDeleteUsers(input: $i) { failed { id code message } } }', {
      i: { ids: [admin.id] },
    });
    expect(r.errors).toBeUndefined();
    const [failure] = r.data.bulkDeleteUsers.failed;
    expect(failure).toMatchObject({ id: admin.id, code: 'FORBIDDEN' });
    expect(failure.message).not.toMatch(/Adele|Secretname/);
    expect(failure.message).not.toContain(admin.email);
  });

  it('first: 0 answers an empty page whose hasNextPage says whether anything follows, on every connection', async () => {
    const org = await app.as(app.admin)('mutation { createOrganization(input: { name: "Zero Paging Co" }) { id } }');
    const orgId = org.data.createOrganization.id;
    const a = await createUser('Zed Zero', 'zed@zero.acme.io');
    await createUser('Zoe Zero', 'zoe@zero.acme.io');
    await app.gql('mutation($id: ID!, $o: ID!) { updateUser(id: $id, input: { organizationId: $o }) { id } }', { id: a, o: orgId });
    const t = await app.as(app.admin)(
      'mutation { createTicket(input: { subject: "Zero", comment: "Hi", requester: { email: "zed@zero.acme.io" } }) { ticket { id } } }',
    );
    expect(t.errors).toBeUndefined();
    const gone = await createUser('Del Zero', 'del@zero.acme.io');
    await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: gone });
    const page = '(first: 0) { edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor } }';
    const connections: [string, string, Record<string, unknown>, (d: any) => any][] = [
      ['users', `{ users${page} }`, {}, (d) => d.users],
      ['users (search)', `{ users(query: "zero", first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }`, {}, (d) => d.users],
      [
        'users (sorted)',
        `{ users(sort: { field: NAME, direction: ASC }, first: 0) { edges { cursor } pageInfo { hasNextPage } } }`,
        {},
        (d) => d.users,
      ],
      ['organizations', `{ organizations${page} }`, {}, (d) => d.organizations],
      ['Organization.users', `query($id: ID!) { organization(id: $id) { users${page} } }`, { id: orgId }, (d) => d.organization.users],
      ['tickets', `{ tickets${page} }`, {}, (d) => d.tickets],
      ['userChanges', `{ userChanges${page} }`, {}, (d) => d.userChanges],
      ['deletedUsers', `{ deletedUsers${page} }`, {}, (d) => d.deletedUsers],
      ['User.events', `query($id: ID!) { user(id: $id) { events${page} } }`, { id: a }, (d) => d.user.events],
    ];
    for (const [name, query, vars, pick] of connections) {
      const r = await app.as(app.admin)(query, vars);
      expect(r.errors, name).toBeUndefined();
      expect(pick(r.data).edges, name).toEqual([]);
      expect(pick(r.data).pageInfo.hasNextPage, name).toBe(true);
    }
    const search = await app.gql(`{ users(query: "zero", first: 0) { totalCount } }`);
    expect(search.data.users.totalCount).toBe(2);
    // After the last item, nothing follows.
    const all = await app.gql('{ users(query: "zero", first: 100) { pageInfo { endCursor } } }');
    const end = await app.gql('query($c: String) { users(query: "zero", first: 0, after: $c) { pageInfo { hasNextPage hasPreviousPage } } }', {
      c: all.data.users.pageInfo.endCursor,
    });
    expect(end.data.users.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const changes = await app.gql('{ userChanges(first: 100) { pageInfo { endCursor } } }');
    const last = await app.gql('query($c: String) { userChanges(first: 0, after: $c) { pageInfo { hasNextPage } } }', {
      c: changes.data.userChanges.pageInfo.endCursor,
    });
    expect(last.data.userChanges.pageInfo.hasNextPage).toBe(false);
  });

  it("settings carry one fixed id, in the query and in updateSettings' answer, so a normalizing cache updates the query", async () => {
    const read = await app.gql('{ settings { __typename id version deskName } }');
    expect(read.errors).toBeUndefined();
    const r = await app.gql('mutation { updateSettings(input: { deskName: "Cached Desk" }) { __typename id version deskName } }');
    expect(r.errors).toBeUndefined();
    // Apollo's InMemoryCache keys both as Settings:1: the query then reads the new values.
    expect(r.data.updateSettings).toEqual({
      __typename: 'Settings',
      id: read.data.settings.id,
      version: read.data.settings.version + 1,
      deskName: 'Cached Desk',
    });
    expect(read.data.settings.id).toBe('1');
  });

  it("after eraseUser a ticket keeps its requester's tombstone (id, no personal data): requester is null", async () => {
    const id = await createUser('Erin Erasable', 'erin@erase.acme.io');
    const t = await app.as(app.admin)(
      'mutation($id: ID!) { createTicket(input: { subject: "Keep me", comment: "Hi", requester: { id: $id } }) { ticket { id } } }',
      { id },
    );
    expect(t.errors).toBeUndefined();
    const ticketId = t.data.createTicket.ticket.id;
    const q = 'query($id: ID!) { ticket(id: $id) { requester { id name } requesterTombstone { id externalId deletedAt } } }';
    const live = await app.as(app.admin)(q, { id: ticketId });
    expect(live.errors).toBeUndefined();
    expect(live.data.ticket).toEqual({ requester: { id, name: 'Erin Erasable' }, requesterTombstone: null });
    const erased = await app.gql('mutation($id: ID!) { eraseUser(id: $id) }', { id });
    expect(erased.errors).toBeUndefined();
    const after = await app.as(app.admin)(q, { id: ticketId });
    expect(after.errors).toBeUndefined();
    expect(after.data.ticket.requester).toBeNull();
    expect(after.data.ticket.requesterTombstone).toMatchObject({ id, externalId: null });
    expect(JSON.stringify(after.data)).not.toMatch(/Erin|erin@/);
  });

  it('a variable of the wrong type is BAD_USER_INPUT naming its field: the variable and the path inside it', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['query($f: Int) { users(first: $f) { totalCount } }', { f: 'ten' }, 'f'],
      ['query($f: Int!) { users(first: $f) { totalCount } }', {}, 'f'],
      ['mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name: 5, email: 'a@b.io' } }, 'i.name'],
      ['mutation($i: BulkUpdateUsersInput!) { bulkUpdateUsers(input: $i) { matched } }', { i: { ids: ['1', true], addTags: ['x'] } }, 'i.ids.1'],
      // A value that looks like a path is not taken for one.
      ['query($f: Int) { users(first: $f) { totalCount } }', { f: 'x at "f.y"; z' }, 'f'],
    ];
    for (const [query, vars, field] of cases) {
      const r = await app.gql(query, vars);
      expect(r.errors?.[0].extensions, `${query} ${JSON.stringify(vars)}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
