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

  // Before the next test, which breaks the database.
  it('refuses a body that is not valid UTF-8 with 400 before running anything, never storing U+FFFD', async () => {
    const variables = (name: string) => JSON.stringify({ input: { name, email: 'bad-utf8@acme.io' } });
    const [before, after] = variables('\u0000').split('\\u0000');
    // "name": C3 28 A0 A1 (a broken two-byte sequence, then two lone continuation bytes).
    const body = Buffer.concat([
      Buffer.from(`{"query":${JSON.stringify(CREATE_USER)},"variables":${before}`),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from(`${after}}`),
    ]);
    const headers = { 'content-type': 'application/json', cookie: app.admin.cookie };
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: expect.stringMatching(/not valid UTF-8/), extensions: { code: 'BAD_REQUEST' } }] });
    const count = async () =>
      Number((await app.db.manager.query("SELECT COUNT(*) AS n FROM user_identities WHERE value_normalized = 'bad-utf8@acme.io'"))[0].n);
    expect(await count()).toBe(0);
    // In French for a French asker.
    const fr = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { ...headers, 'accept-language': 'fr' }, body });
    expect(((await fr.json()) as any).errors[0].message).toMatch(/UTF-8 valide/);
    // Another charset than UTF-8 is refused (415), not decoded.
    const utf16 = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json; charset=utf-16le' },
      body: Buffer.from(`{"query":${JSON.stringify(CREATE_USER)},"variables":${variables('Sixteen')}}`, 'utf16le'),
    });
    expect(utf16.status).toBe(415);
    expect(((await utf16.json()) as any).errors[0].message).toMatch(/UTF-8/);
    const latin1 = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json; charset=iso-8859-1' },
      body: Buffer.from(`{"query":${JSON.stringify(CREATE_USER)},"variables":${variables('Zo\u00eb')}}`, 'latin1'),
    });
    expect(latin1.status).toBe(415);
    expect(((await latin1.json()) as any).errors[0].message).toMatch(/UTF-8/);
    expect(await count()).toBe(0);
    // The same body in valid UTF-8 (with a BOM, accents and an emoji) is answered.
    const good = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json; charset=UTF-8' },
      body: Buffer.from(`\ufeff{"query":${JSON.stringify(CREATE_USER)},"variables":${variables('Zoë 🙂')}}`),
    });
    expect(good.status).toBe(200);
    expect(((await good.json()) as any).data.createUser.user.name).toBe('Zoë 🙂');
  });

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
