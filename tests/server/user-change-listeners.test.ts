import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import type { UserChangeKind } from '../../server/users/user-change-listeners.js';

// Features that keep something per user (the search index, the change feed) hear every change of what a
// user shows, inside its transaction.
describe.each(testDialects())('user change listeners, on %s', (dialect) => {
  let app: TestApp;
  let heard: { ids: number[]; kind: UserChangeKind }[] = [];
  let failNext = false;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    app.services.userChanges.add(async (m, ids, kind) => {
      if (failNext) {
        failNext = false;
        throw new Error('listener refused');
      }
      // A listener writes in the change's transaction: it reads the user as changed.
      const [row] = await m.query('SELECT COUNT(*) AS n FROM users WHERE id = ?', [ids[0]]);
      expect(Number(row.n)).toBe(1);
      heard.push({ ids: [...ids], kind });
    });
  });
  afterAll(() => app.stop());

  const create = async (name: string, extra: Record<string, unknown> = {}) => {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@changes.example.org`, ...extra },
    });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user.id as string;
  };

  it('hears creates, updates, address and tag changes, and deletes, with the user they are about', async () => {
    heard = [];
    const id = await create('Grace Hopper');
    await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Grace B. Hopper", tags: ["navy"] }) { id } }', { id });
    await app.gql(
      'mutation($id: ID!) { addUserIdentity(userId: $id, input: { type: EMAIL, value: "amazing.grace@changes.example.org" }) { identity { id } } }',
      { id },
    );
    await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id });
    expect(heard).toEqual([
      { ids: [Number(id)], kind: 'CREATED' },
      { ids: [Number(id)], kind: 'UPDATED' },
      { ids: [Number(id)], kind: 'UPDATED' },
      { ids: [Number(id)], kind: 'DELETED' },
    ]);
  });

  it('hears a rename of an organization as a change of each of its users, and nothing for a change they do not show', async () => {
    const org = (await app.as(app.admin)('mutation { createOrganization(input: { name: "Changes Inc" }) { id } }')).data.createOrganization
      .id as string;
    const a = await create('Ada', { organizationId: org });
    const b = await create('Alan', { organizationId: org });
    heard = [];
    await app.as(app.admin)('mutation($id: ID!) { updateOrganization(id: $id, input: { details: "same name" }) { id } }', { id: org });
    expect(heard).toEqual([]);
    await app.as(app.admin)('mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Changes International" }) { id } }', { id: org });
    expect(heard).toHaveLength(1);
    expect(heard[0].kind).toBe('UPDATED');
    expect(heard[0].ids.sort((x, y) => x - y)).toEqual([Number(a), Number(b)].sort((x, y) => x - y));
  });

  it('a listener that fails undoes the change it heard', async () => {
    const id = await create('Rollback Person');
    failNext = true;
    const r = await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Never Saved" }) { id } }', { id });
    expect(r.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const after = await app.gql('query($id: ID!) { user(id: $id) { name } }', { id });
    expect(after.data.user.name).toBe('Rollback Person');
  });
});
