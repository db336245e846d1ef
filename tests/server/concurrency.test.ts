import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER, LIST_USERS } from '../helpers/operations.js';

/** Mixed letter case of one address: Ab.Cd@..., aB.cD@..., ... */
function variants(address: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => [...address].map((c, j) => (((i >> (j % 5)) & 1) === 1 ? c.toUpperCase() : c.toLowerCase())).join(''));
}

describe.each(testDialects())('concurrent creates on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  it('20 parallel creates of one address in mixed case make exactly one user', async () => {
    const emails = variants(`race.${dialect}@concurrency.acme.io`, 20);
    expect(new Set(emails).size).toBeGreaterThan(10);
    const results = await Promise.all(emails.map((email, i) => app.gql(CREATE_USER, { input: { name: `Racer ${i}`, email } })));
    const winners = results.filter((r) => r.data?.createUser);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    const winnerId = winners[0].data.createUser.user.id;
    for (const r of losers) {
      expect(r.errors![0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: winnerId });
    }
    const list = await app.gql(LIST_USERS, { query: `race.${dialect}@` });
    expect(list.data.users.totalCount).toBe(1);
    // No orphan user rows from the losers' rolled-back transactions.
    const all = await app.gql(LIST_USERS, { query: 'Racer' });
    expect(all.data.users.totalCount).toBe(1);
  });

  it('parallel creates of different addresses all succeed', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        app.gql(CREATE_USER, { input: { name: `Parallel ${i}`, email: `parallel${i}@acme.io`, tags: ['x', `t${i}`] } }),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const ids = new Set(results.map((r) => r.data.createUser.user.id));
    expect(ids.size).toBe(30);
    expect((await app.gql(LIST_USERS, { query: 'parallel' })).data.users.totalCount).toBe(30);
  });
});
