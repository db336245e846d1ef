import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

// Bulk actions (issue 9): through the user service, a history line per user, the caller's rights per user.
const BULK_UPDATE = `mutation($i: BulkUpdateUsersInput!) { bulkUpdateUsers(input: $i) { matched changed failedCount failed { id code message } } }`;
const BULK_DELETE = `mutation($i: BulkDeleteUsersInput!) { bulkDeleteUsers(input: $i) { matched changed failedCount failed { id code message } } }`;
const USER = `query($id: ID!) { user(id: $id) { id tags organization { id } events(first: 5) { totalCount edges { node { action changes { field } } } } } }`;

describe.each(testDialects())('bulk actions on %s', (dialect) => {
  let app: TestApp;
  let agent: { id: string; auth: Auth };
  let staffAdmin: { id: string };
  const stem = `bk${Date.now().toString(36)}`;
  const ends: string[] = [];
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    agent = await app.person('AGENT', `${stem} Agent`);
    staffAdmin = await app.person('ADMIN', `${stem} Admin`);
    orgId = (await app.as(app.admin)('mutation { createOrganization(input: { name: "Bulk Org" }) { id } }')).data.createOrganization.id;
    for (let i = 0; i < 5; i++) {
      const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { name: `${stem} Customer ${i}`, email: `c${i}.${stem}@bulk.example.org`, tags: i === 0 ? ['old'] : [] },
      });
      ends.push(r.data.createUser.user.id);
    }
  });
  afterAll(() => app.stop());

  it('tags everyone a filter matches, with a history line each, and lists the staff an agent may not change', async () => {
    const r = await app.as(agent.auth)(BULK_UPDATE, { i: { filter: { query: stem }, addTags: ['VIP', 'Spring Sale'], removeTags: ['old'] } });
    expect(r.errors).toBeUndefined();
    expect(r.data.bulkUpdateUsers.matched).toBe(7);
    expect(r.data.bulkUpdateUsers.changed).toBe(6); // 5 customers and the agent themself
    expect(r.data.bulkUpdateUsers.failed).toEqual([{ id: staffAdmin.id, code: 'FORBIDDEN', message: expect.any(String) }]);
    const first = (await app.gql(USER, { id: ends[0] })).data.user;
    expect(first.tags.sort()).toEqual(['spring_sale', 'vip']);
    expect(first.events.edges[0].node).toMatchObject({ action: 'UPDATED', changes: [{ field: 'tags' }] });
    const admin = (await app.gql(USER, { id: staffAdmin.id })).data.user;
    expect(admin.tags).toEqual([]);
    // Again: nothing left to change, nothing written.
    const again = await app.as(agent.auth)(BULK_UPDATE, { i: { filter: { query: stem, tagsNone: ['vip'] }, addTags: ['vip'] } });
    expect(again.data.bulkUpdateUsers).toMatchObject({ matched: 1, changed: 0, failedCount: 1 });
    const events = (await app.gql(USER, { id: ends[0] })).data.user.events.totalCount;
    await app.as(agent.auth)(BULK_UPDATE, { i: { ids: [ends[0]], addTags: ['vip'] } });
    expect((await app.gql(USER, { id: ends[0] })).data.user.events.totalCount).toBe(events);
  });

  it('sets and clears the organization of the ids given; unknown ids fail as NOT_FOUND', async () => {
    const r = await app.as(agent.auth)(BULK_UPDATE, { i: { ids: [ends[1], ends[2], '999999', 'nope'], organizationId: orgId } });
    expect(r.data.bulkUpdateUsers).toMatchObject({ matched: 4, changed: 2, failedCount: 2 });
    expect(r.data.bulkUpdateUsers.failed.map((f: any) => [f.id, f.code])).toEqual([
      ['nope', 'NOT_FOUND'],
      ['999999', 'NOT_FOUND'],
    ]);
    expect((await app.gql(USER, { id: ends[1] })).data.user.organization).toEqual({ id: orgId });
    const cleared = await app.as(agent.auth)(BULK_UPDATE, { i: { filter: { organizationId: orgId }, clearOrganization: true } });
    expect(cleared.data.bulkUpdateUsers).toMatchObject({ matched: 2, changed: 2, failedCount: 0 });
    expect((await app.gql(USER, { id: ends[2] })).data.user.organization).toBeNull();
  });

  it('refuses bad requests as a whole', async () => {
    const code = async (i: Record<string, unknown>, auth: Auth = agent.auth, op = BULK_UPDATE) => {
      const r = await app.as(auth)(op, { i });
      return [r.errors?.[0].extensions?.code, r.errors?.[0].extensions?.field];
    };
    expect(await code({ ids: [ends[0]] })).toEqual(['BAD_USER_INPUT', 'addTags']);
    expect(await code({ ids: [ends[0]], filter: {}, addTags: ['x'] })).toEqual(['BAD_USER_INPUT', 'ids']);
    expect(await code({ addTags: ['x'] })).toEqual(['BAD_USER_INPUT', 'ids']);
    expect(await code({ ids: Array.from({ length: 1001 }, (_, i) => String(i + 1)), addTags: ['x'] })).toEqual(['BAD_USER_INPUT', 'ids']);
    expect((await code({ ids: [ends[0]], organizationId: '999999' }))[0]).toBe('NOT_FOUND');
    expect(await code({ ids: [ends[0]], organizationId: orgId, clearOrganization: true })).toEqual(['BAD_USER_INPUT', 'organizationId']);
    const endUser = await app.person('END_USER');
    expect((await code({ ids: [endUser.id], addTags: ['x'] }, endUser.auth))[0]).toBe('FORBIDDEN');
    // A token with USERS_WRITE alone may name ids, not choose users by a filter (that reads who matches).
    const writer = await app.token(['USERS_WRITE']);
    expect((await code({ filter: { query: stem }, addTags: ['x'] }, writer.auth))[0]).toBe('FORBIDDEN');
    const byIds = await app.as(writer.auth)('mutation($i: BulkUpdateUsersInput!) { bulkUpdateUsers(input: $i) { changed } }', {
      i: { ids: [ends[4]], addTags: ['tok'] },
    });
    // It writes, and reads its answer (counts and failures echo the ids it gave).
    expect(byIds.errors).toBeUndefined();
    expect(byIds.data.bulkUpdateUsers.changed).toBe(1);
    expect((await app.gql(USER, { id: ends[4] })).data.user.tags).toContain('tok');
  });

  it('deletes what the caller may delete, never themself or staff beyond their role', async () => {
    const r = await app.as(agent.auth)(BULK_DELETE, { i: { ids: [ends[3], agent.id, staffAdmin.id] } });
    expect(r.data.bulkDeleteUsers).toMatchObject({ matched: 3, changed: 1, failedCount: 2 });
    expect(r.data.bulkDeleteUsers.failed.map((f: any) => f.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect((await app.gql(USER, { id: ends[3] })).data.user).toBeNull();
    const byFilter = await app.as(app.admin)(BULK_DELETE, { i: { filter: { query: `${stem} customer`, tagsAll: ['vip'] } } });
    expect(byFilter.data.bulkDeleteUsers).toMatchObject({ matched: 4, changed: 4, failedCount: 0 });
    expect((await app.gql(`query($q: String) { users(query: $q) { totalCount } }`, { q: `${stem} customer` })).data.users.totalCount).toBe(0);
  });

  // A race SQLite cannot have (one writer, in the process): run on MySQL, as the other concurrency tests.
  if (dialect === 'mysql')
    it('checks each user as it is when deleted: one made an agent while the bulk delete runs is left alone', async () => {
      // The bulk reads 100 users at a time, then deletes them one by one: the rule holds for the row it locks, not that read.
      const inputs = Array.from({ length: 100 }, (_, i) => ({ name: `${stem} Race ${i}`, email: `race${i}.${stem}@bulk.example.org` }));
      const made = await app.gql('mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { user { id } } }', { i: inputs });
      const ids: string[] = made.data.createUsers.map((r: any) => r.user.id);
      const victim = ids[ids.length - 1];
      const count = async () =>
        (await app.gql(`query($q: String) { users(query: $q) { totalCount } }`, { q: `${stem} race` })).data.users.totalCount as number;
      const bulk = app.as(agent.auth)(BULK_DELETE, { i: { ids } });
      while ((await count()) === ids.length) await new Promise((r) => setTimeout(r, 2));
      const promoted = await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { role } }', { id: victim });
      expect(promoted.errors, 'the promotion came after the bulk reached the victim: make the bulk longer').toBeUndefined();
      const r = await bulk;
      expect(r.data.bulkDeleteUsers).toMatchObject({ matched: 100, changed: 99, failedCount: 1 });
      expect(r.data.bulkDeleteUsers.failed).toEqual([{ id: victim, code: 'FORBIDDEN', message: 'Agents can only delete end users.' }]);
      expect((await app.gql('query($id: ID!) { user(id: $id) { role } }', { id: victim })).data.user).toEqual({ role: 'AGENT' });
    });
});
