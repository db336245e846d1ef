import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER } from '../helpers/operations.js';

describe.each(testDialects())('the HTTP endpoint on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers, body });

  it('never leaks a stack trace or SQL, even for an unexpected database failure', async () => {
    // Break the database under the app: the error must come out clean.
    await app.db.manager.query('DROP TABLE user_tags');
    const r = await app.gql(CREATE_USER, { input: { name: 'Boom', email: 'boom@acme.io', tags: ['x'] } });
    expect(r.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/stack|at \w+ \(|INSERT|user_tags|SQLITE|\bER_|\bsql/i);
    // The failed create left nothing half-written: no account, no address, no history.
    const count = async (sql: string) => Number((await app.db.manager.query(sql))[0].n);
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE name = 'Boom'")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM user_identities WHERE value_normalized = 'boom@acme.io'")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM user_search_words WHERE word = 'boom'")).toBe(0);
  });

  it('answers malformed JSON with 400 and no internals', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/at \w+ \(|node_modules|SyntaxError: Unexpected/);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await post(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(res.status).toBe(413);
  });

  it('blocks a simple cross-site form POST (CSRF prevention)', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{__typename}')}`, {
      method: 'GET',
    });
    expect(res.status).toBe(400);
    const form = await post('query={__typename}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBeGreaterThanOrEqual(400);
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const r = await app.gql('{ users { ');
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a wrong variable type with BAD_USER_INPUT', async () => {
    const r = await app.gql(CREATE_USER, { input: { name: 42, email: ['a@b.co'] } });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r)).not.toMatch(/stack/);
  });
});
