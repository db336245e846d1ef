import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

const FEED = `query($after: String) { userChanges(after: $after, first: 100) {
  edges { cursor node { kind changedAt user { id name } tombstone { id externalId deletedAt } } }
  pageInfo { endCursor hasNextPage } } }`;

interface Seen {
  kind: string;
  name: string | null;
}

/** A partner's sync loop: reads the feed from its cursor until the end, keeps the cursor when a page is empty. */
async function syncOnce(app: TestApp, state: { cursor: string | null; users: Map<string, Seen>; pages: number }): Promise<void> {
  for (;;) {
    const r = await app.gql(FEED, { after: state.cursor });
    expect(r.errors).toBeUndefined();
    const { edges, pageInfo } = r.data.userChanges;
    state.pages++;
    for (const e of edges) {
      const id = e.node.user?.id ?? e.node.tombstone.id;
      state.users.set(id, { kind: e.node.kind, name: e.node.user?.name ?? null });
    }
    if (pageInfo.endCursor) state.cursor = pageInfo.endCursor;
    if (!pageInfo.hasNextPage) return;
  }
}

describe.each(testDialects())('userChanges (incremental sync), on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app.stop());

  const create = async (name: string, extra: Record<string, unknown> = {}) => {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2)}@feed.example.org`, ...extra },
    });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user.id as string;
  };

  it('tells creates, updates (also of what a user shows) and deletions as tombstones, oldest first, each user once', async () => {
    const state = { cursor: null as string | null, users: new Map<string, Seen>(), pages: 0 };
    await syncOnce(app, state);
    const start = state.cursor;
    const a = await create('Feed Ada', { externalId: 'feed-ada' });
    const b = await create('Feed Bob');
    await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Feed Bobby" }) { id } }', { id: b });
    const first = await app.gql(FEED, { after: start });
    expect(first.data.userChanges.edges.map((e: any) => [e.node.kind, e.node.user.name])).toEqual([
      ['CREATED', 'Feed Ada'],
      ['UPDATED', 'Feed Bobby'],
    ]);
    const cursor = first.data.userChanges.pageInfo.endCursor;
    // Nothing new: an empty page, no cursor; the partner keeps its own.
    const empty = await app.gql(FEED, { after: cursor });
    expect(empty.data.userChanges.edges).toEqual([]);
    expect(empty.data.userChanges.pageInfo.endCursor).toBeNull();
    await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: a });
    const org = (await app.as(app.admin)('mutation { createOrganization(input: { name: "Feed Org" }) { id } }')).data.createOrganization.id;
    await app.gql('mutation($id: ID!, $org: ID!) { updateUser(id: $id, input: { organizationId: $org }) { id } }', { id: b, org });
    await app.as(app.admin)('mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Feed Organisation" }) { id } }', { id: org });
    const next = await app.gql(FEED, { after: cursor });
    const nodes = next.data.userChanges.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.kind)).toEqual(['DELETED', 'UPDATED']);
    expect(nodes[0].user).toBeNull();
    expect(nodes[0].tombstone).toMatchObject({ id: a, externalId: 'feed-ada' });
    expect(Date.parse(nodes[0].tombstone.deletedAt)).toBeGreaterThan(0);
    expect(nodes[1].user.id).toBe(b);
  });

  it('is for those who may list users (USERS_READ for tokens), and refuses a cursor of another list', async () => {
    const agent = await app.person('AGENT');
    expect((await app.as(agent.auth)(FEED, {})).errors).toBeUndefined();
    const endUser = await app.person('END_USER');
    expect((await app.as(endUser.auth)(FEED, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const writeOnly = await app.token(['USERS_WRITE']);
    expect((await app.as(writeOnly.auth)(FEED, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const users = await app.gql('{ users(first: 1) { pageInfo { endCursor } } }');
    const bad = await app.gql(FEED, { after: users.data.users.pageInfo.endCursor });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  // MySQL only: SQLite runs one write at a time, so no transaction can commit late there.
  if (dialect === 'mysql')
    it('never skips a change that commits after a later one was read (20 rounds)', async () => {
      let holdName: string | null = null;
      let release: () => void = () => undefined;
      let held: () => void = () => undefined;
      const remove = app.services.userChanges.add(async (m, ids) => {
        if (holdName === null) return;
        const [row] = await m.query('SELECT name FROM users WHERE id = ?', [ids[0]]);
        if (row?.name !== holdName) return;
        held();
        await new Promise<void>((ok) => (release = ok));
      });
      try {
        const state = { cursor: null as string | null, users: new Map<string, Seen>(), pages: 0 };
        await syncOnce(app, state);
        for (let round = 0; round < 20; round++) {
          holdName = `Slow ${round}`;
          const isHeld = new Promise<void>((ok) => (held = ok));
          const slow = create(holdName); // its transaction stays open, its change already written
          await isHeld;
          const fast = await create(`Fast ${round}`); // commits first
          await syncOnce(app, state);
          expect(state.users.get(fast)).toMatchObject({ kind: 'CREATED' });
          release();
          const slowId = await slow;
          holdName = null;
          await syncOnce(app, state);
          expect(state.users.get(slowId), `round ${round}: the slow writer's change`).toMatchObject({ kind: 'CREATED', name: `Slow ${round}` });
        }
      } finally {
        remove();
      }
    });

  it('a sync loop running beside parallel writers ends with exactly what the database holds', async () => {
    const state = { cursor: null as string | null, users: new Map<string, Seen>(), pages: 0 };
    let writing = true;
    const reader = (async () => {
      while (writing) await syncOnce(app, state);
    })();
    const writer = async (w: number) => {
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const id = await create(`Writer ${w} ${i}`);
        ids.push(id);
        if (i % 3 === 0) await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { alias: "changed" }) { id } }', { id });
        if (i % 4 === 1) await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id });
      }
      const bulk = await app.gql('mutation($inputs: [CreateUserInput!]!) { createUsers(inputs: $inputs) { user { id } } }', {
        inputs: Array.from({ length: 20 }, (_, i) => ({
          name: `Bulk ${w} ${i}`,
          email: `bulk.${w}.${i}.${Math.random().toString(36).slice(2)}@feed.example.org`,
        })),
      });
      return [...ids, ...bulk.data.createUsers.map((r: any) => r.user.id)];
    };
    const written = (await Promise.all([0, 1, 2, 3].map(writer))).flat();
    writing = false;
    await reader;
    await syncOnce(app, state);
    const live = await app.gql('query($ids: [ID!]) { users(ids: $ids) { edges { node { id name } } } }', { ids: written.slice(0, 100) });
    const liveIds = new Set(live.data.users.edges.map((e: any) => e.node.id));
    for (const id of written.slice(0, 100)) {
      const seen = state.users.get(id);
      expect(seen, `user ${id}`).toBeDefined();
      expect(seen!.kind === 'DELETED').toBe(!liveIds.has(id));
    }
    expect(state.pages).toBeGreaterThan(1);
  });
});
