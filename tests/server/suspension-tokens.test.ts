import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

/** Suspending a person revokes the API tokens they made: unsuspending does not bring them back. */
describe.each(testDialects())('API tokens of a suspended creator, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  it('are revoked at suspension and stay revoked after unsuspension', async () => {
    const creator = await app.person('ADMIN');
    const made = await app.as(creator.auth)('mutation { createApiToken(input: { name: "CRM", scopes: [USERS_READ] }) { token { id } secret } }');
    const token = { kind: 'token' as const, token: made.data.createApiToken.secret as string };
    expect((await app.as(token)('{ users(first: 1) { totalCount } }')).errors).toBeUndefined();

    const suspend = (suspended: boolean) =>
      app.as(app.admin)('mutation($id: ID!, $s: Boolean!) { updateUser(id: $id, input: { suspended: $s }) { suspended } }', {
        id: creator.id,
        s: suspended,
      });
    expect((await suspend(true)).data.updateUser.suspended).toBe(true);
    expect((await app.as(token)('{ users(first: 1) { totalCount } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await suspend(false)).data.updateUser.suspended).toBe(false);
    expect((await app.as(token)('{ users(first: 1) { totalCount } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const list = await app.as(app.admin)('{ apiTokens { id revokedAt } }');
    expect(list.data.apiTokens.find((t: any) => t.id === made.data.createApiToken.token.id).revokedAt).not.toBeNull();
    // Others' tokens live on.
    expect((await app.gql('{ users(first: 1) { totalCount } }')).errors).toBeUndefined();
  });
});
