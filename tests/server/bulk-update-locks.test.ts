import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { lockWaitSeen, watched } from '../helpers/lock-wait.js';

// bulkUpdateUsers changes each user on its locked row: tags added and removed there (never a set read with the chunk),
// the update rule checked again there, each user counted once however its id is spelled, one history line per change.
const BULK_UPDATE = `mutation($i: BulkUpdateUsersInput!) { bulkUpdateUsers(input: $i) { matched changed failedCount failed { id code message } } }`;
const USER = `query($id: ID!) { user(id: $id) { id role tags organization { id } events(first: 5) { totalCount edges { node { action changes { field } } } } } }`;
const ADD_TAGS = 'mutation($id: ID!, $t: [String!]!) { addUserTags(userId: $id, tags: $t) { id } }';
const REMOVE_TAGS = 'mutation($id: ID!, $t: [String!]!) { removeUserTags(userId: $id, tags: $t) { id } }';

describe.each(testDialects())('bulkUpdateUsers on the locked row, on %s', (dialect) => {
  let app: TestApp;
  let agent: { id: string; auth: Auth };
  let orgId: string;
  const stem = `bl${Date.now().toString(36)}`;
  let made = 0;

  /** `n` new end users with `tags`, their ids in order. */
  const endUsers = async (n: number, tags: string[] = []): Promise<string[]> => {
    const inputs = Array.from({ length: n }, () => ({ name: `${stem} Person ${++made}`, email: `p${made}.${stem}@bulk.example.org`, tags }));
    const r = await app.gql('mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { user { id } } }', { i: inputs });
    expect(r.errors).toBeUndefined();
    return r.data.createUsers.map((x: any) => x.user.id);
  };
  const user = async (id: string) => (await app.gql(USER, { id })).data.user;
  const usersOf = async (ids: string[]): Promise<{ id: string; tags: string[] }[]> => {
    const r = await app.gql('query($ids: [ID!]) { users(ids: $ids) { edges { node { id tags } } } }', { ids });
    expect(r.errors).toBeUndefined();
    return r.data.users.edges.map((e: any) => e.node);
  };
  /** How many of `ids` have `tag` now. */
  const tagged = async (ids: string[], tag: string): Promise<number> => (await usersOf(ids)).filter((u) => u.tags.includes(tag)).length;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    agent = await app.person('AGENT', `${stem} Agent`);
    orgId = (await app.as(app.admin)('mutation { createOrganization(input: { name: "Lock Org" }) { id } }')).data.createOrganization.id;
  });
  afterAll(() => app.stop());

  it('counts and changes a user once when its id is given twice, and fails each other spelling once as an id that does not exist', async () => {
    const [id] = await endUsers(1);
    const events = (await user(id)).events.totalCount;
    const r = await app.as(agent.auth)(BULK_UPDATE, { i: { ids: [id, id, `0${id}`, `0${id}`, 'nope', 'nope', '999999'], addTags: ['dup'] } });
    expect(r.errors).toBeUndefined();
    expect(r.data.bulkUpdateUsers).toMatchObject({ matched: 4, changed: 1, failedCount: 3 });
    expect(r.data.bulkUpdateUsers.failed.map((f: any) => [f.id, f.code])).toEqual([
      [`0${id}`, 'NOT_FOUND'],
      ['nope', 'NOT_FOUND'],
      ['999999', 'NOT_FOUND'],
    ]);
    const after = await user(id);
    expect(after.tags).toEqual(['dup']);
    expect(after.events.totalCount).toBe(events + 1);
  });

  it('writes one history line per changed user and per bulk action, none for a user already as asked', async () => {
    const [a, b] = await endUsers(2);
    await app.gql(ADD_TAGS, { id: b, t: ['vip'] });
    const before = { a: (await user(a)).events.totalCount, b: (await user(b)).events.totalCount };
    const r = await app.as(agent.auth)(BULK_UPDATE, { i: { ids: [a, b], addTags: ['VIP'] } });
    expect(r.data.bulkUpdateUsers).toMatchObject({ matched: 2, changed: 1, failedCount: 0 });
    expect((await user(a)).events.totalCount).toBe(before.a + 1);
    expect((await user(b)).events.totalCount).toBe(before.b);
    // Tags and organization both changed: still one line, naming both.
    const both = await app.as(agent.auth)(BULK_UPDATE, {
      i: { ids: [a, b], addTags: ['vip', 'spring'], removeTags: ['none_such'], organizationId: orgId },
    });
    expect(both.data.bulkUpdateUsers).toMatchObject({ matched: 2, changed: 2, failedCount: 0 });
    for (const [id, was] of [
      [a, before.a + 1],
      [b, before.b],
    ] as const) {
      const u = await user(id);
      expect(u.tags.sort()).toEqual(['spring', 'vip']);
      expect(u.organization).toEqual({ id: orgId });
      expect(u.events.totalCount).toBe(was + 1);
      expect(u.events.edges[0].node.changes.map((c: any) => c.field).sort()).toEqual(['organization', 'tags']);
    }
    // The same again: nothing left to change, nothing written.
    const again = await app.as(agent.auth)(BULK_UPDATE, { i: { ids: [a, b], addTags: ['spring'], organizationId: orgId } });
    expect(again.data.bulkUpdateUsers).toMatchObject({ matched: 2, changed: 0, failedCount: 0 });
    expect((await user(a)).events.totalCount).toBe(before.a + 2);
  });

  // Races SQLite cannot have (one writer, in the process): run on MySQL, as the other concurrency tests.
  if (dialect === 'mysql')
    it('loses no tag when single tag edits land while a bulk edit runs over the same users', async () => {
      const ids = await endUsers(100, ['old', 'drop']);
      // The bulk reads 100 users with their tags, then changes them one at a time; the single edits land in between.
      const bulk = app.as(agent.auth)(BULK_UPDATE, { i: { ids, addTags: ['bulk'], removeTags: ['old'] } });
      while ((await tagged(ids, 'bulk')) === 0) await new Promise((r) => setTimeout(r, 2));
      const singles = await Promise.all(
        [...ids]
          .reverse()
          .flatMap((id, i) => [
            app.as(agent.auth)(ADD_TAGS, { id, t: [`solo_${ids.length - 1 - i}`] }),
            app.as(agent.auth)(REMOVE_TAGS, { id, t: ['drop'] }),
          ]),
      );
      expect(singles.flatMap((s) => s.errors ?? [])).toEqual([]);
      const r = await bulk;
      expect(r.data.bulkUpdateUsers).toMatchObject({ matched: 100, changed: 100, failedCount: 0 });
      expect(await tagged(ids, 'bulk'), 'the bulk ended before the single edits began: make it longer').toBe(100);
      const tagsOf = new Map((await usersOf(ids)).map((u) => [u.id, [...u.tags].sort()]));
      expect(ids.map((id) => tagsOf.get(id))).toEqual(ids.map((_, i) => ['bulk', `solo_${i}`]));
    });

  if (dialect === 'mysql')
    it('checks the rule on the row as locked: a user made an agent while the bulk runs is left as it was', async () => {
      const ids = await endUsers(100);
      const victim = ids[ids.length - 1];
      const bulk = app.as(agent.auth)(BULK_UPDATE, { i: { ids, addTags: ['race'], organizationId: orgId } });
      while ((await tagged(ids, 'race')) === 0) await new Promise((r) => setTimeout(r, 2));
      const promoted = await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { role } }', { id: victim });
      expect(promoted.errors, 'the promotion came after the bulk reached the victim: make the bulk longer').toBeUndefined();
      const r = await bulk;
      expect(r.data.bulkUpdateUsers).toMatchObject({ matched: 100, changed: 99, failedCount: 1 });
      expect(r.data.bulkUpdateUsers.failed).toEqual([
        { id: victim, code: 'FORBIDDEN', message: "Agents cannot edit another agent's or an admin's account." },
      ]);
      expect(await user(victim)).toMatchObject({ role: 'AGENT', tags: [], organization: null });
    });

  // The single-user paths had the same gap: the rule on the row as read, then the lock. The row is held from the side until
  // the agent's request (which has read the user as an end user) waits for it; the holder then makes the user an agent.
  // Every single-user write an agent may make to an end user and not to staff: each must refuse and change nothing.
  const STATE = `query($id: ID!) { user(id: $id) {
    role tags notes verified identities { type value primary verified } messages(first: 5) { totalCount } events(first: 1) { totalCount } } }`;
  /** A French mobile number of its own for each user (and each `series`). */
  const phoneOf = (series: number, id: string) => `+336123${series}${String(5000 + (Number(id) % 5000)).padStart(4, '0')}`;
  /** An end user tagged `keep`, with a secondary email and a second phone, both unverified; their ids by value. */
  const victim = async (): Promise<{ id: string; second: string; phone: string }> => {
    const [id] = await endUsers(1, ['keep']);
    const add = 'mutation($id: ID!, $i: AddUserIdentityInput!) { addUserIdentity(userId: $id, input: $i) { identity { id } } }';
    const ids: string[] = [];
    for (const i of [
      { type: 'EMAIL', value: `second.${id}.${stem}@bulk.example.org` },
      { type: 'PHONE', value: phoneOf(4, id) },
      { type: 'PHONE', value: phoneOf(5, id) },
    ]) {
      const r = await app.gql(add, { id, i });
      expect(r.errors).toBeUndefined();
      ids.push(r.data.addUserIdentity.identity.id);
    }
    return { id, second: ids[0], phone: ids[2] };
  };
  const SINGLE_WRITES: [string, string, (v: { id: string; second: string; phone: string }) => Record<string, unknown>][] = [
    ['addUserTags', ADD_TAGS, ({ id }) => ({ id, t: ['late'] })],
    ['removeUserTags', REMOVE_TAGS, ({ id }) => ({ id, t: ['keep'] })],
    ['updateUser', 'mutation($id: ID!) { updateUser(id: $id, input: { notes: "late" }) { id } }', ({ id }) => ({ id })],
    [
      'addUserIdentity',
      'mutation($id: ID!, $v: String!) { addUserIdentity(userId: $id, input: { type: EMAIL, value: $v }) { identity { id } } }',
      ({ id }) => ({ id, v: `late.${id}.${stem}@bulk.example.org` }),
    ],
    [
      'addUserIdentity (verified)',
      'mutation($id: ID!, $v: String!) { addUserIdentity(userId: $id, input: { type: PHONE, value: $v, verified: true }) { identity { id } } }',
      ({ id }) => ({ id, v: phoneOf(6, id) }),
    ],
    ['removeUserIdentity', 'mutation($id: ID!) { removeUserIdentity(id: $id) { id } }', ({ second }) => ({ id: second })],
    ['makeUserIdentityPrimary (email)', 'mutation($id: ID!) { makeUserIdentityPrimary(id: $id) { id } }', ({ second }) => ({ id: second })],
    ['makeUserIdentityPrimary (phone)', 'mutation($id: ID!) { makeUserIdentityPrimary(id: $id) { id } }', ({ phone }) => ({ id: phone })],
    ['verifyUserIdentity', 'mutation($id: ID!) { verifyUserIdentity(id: $id) { id } }', ({ second }) => ({ id: second })],
    ['resendVerification', 'mutation($id: ID!) { resendVerification(userId: $id) }', ({ id }) => ({ id })],
  ];

  if (dialect === 'mysql')
    it.each(SINGLE_WRITES)('%s checks the rule on the row as locked too', async (_name, op, vars) => {
      const v = await victim();
      const before = (await app.gql(STATE, { id: v.id })).data.user;
      const links = async () =>
        Number((await app.db.manager.query('SELECT COUNT(*) AS n FROM account_links WHERE user_id = ?', [Number(v.id)]))[0].n);
      const linksBefore = await links();
      const holder = app.db.manager.connection.createQueryRunner();
      await holder.startTransaction();
      try {
        await holder.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [Number(v.id)]);
        const edit = watched(app.as(agent.auth)(op, vars(v)));
        const waited = await lockWaitSeen((sql) => app.db.manager.query(sql), { answered: edit.settled });
        expect(waited, "the call answered without waiting for the account's row: it does not lock it").toBe(true);
        await holder.query("UPDATE users SET role = 'AGENT' WHERE id = ?", [Number(v.id)]);
        await holder.commitTransaction();
        const r = await edit.promise;
        expect(r.errors?.[0]).toMatchObject({
          extensions: { code: 'FORBIDDEN' },
          message: "Agents cannot edit another agent's or an admin's account.",
        });
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      expect((await app.gql(STATE, { id: v.id })).data.user).toEqual({ ...before, role: 'AGENT' });
      expect(await links()).toBe(linksBefore);
    });
});
