import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** The GraphQL endpoint's defences, against the real server (SQLite: nothing here depends on the database). */
describe('a hardened GraphQL endpoint', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite');
  });
  afterAll(() => app?.stop());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: app.admin.cookie, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('the GraphQL-over-HTTP audit suite (graphql-http)', async () => {
    // The suite is built against a URL; the server is started in beforeAll, so audits run lazily.
    const audits = serverAudits({ url: () => `${app.url}/graphql` });
    const must = audits.filter((a) => a.name.startsWith('MUST'));
    it('has MUST audits to run', () => expect(must.length).toBeGreaterThan(10));
    it.each(must.map((a) => [a.name, a] as const))('%s', async (_name, audit) => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  });

  it('refuses a query nested too deep, before running it', async () => {
    let q = 'id';
    for (let i = 0; i < 8; i++) q = `events { edges { node { actor { user { ${q} } } } } }`;
    const res = await post({ query: `{ me { ${q} } }` });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors.map((e: any) => e.message).join(' ')).toMatch(/depth/i);
    expect(body.data).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: me { id }`).join(' ');
    const body = (await (await post({ query: `{ ${aliases} }` })).json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/alias/i);
  });

  it('refuses a query that would cost too much', async () => {
    const query = `{ users(first: 100) { edges { node { events(first: 100) { edges { node { actor { user { events(first: 100) { edges { node { id } } } } } } } } } } } }`;
    const body = (await (await post({ query })).json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors.map((e: any) => e.message).join(' ')).toMatch(/cost|depth/i);
  });

  it('counts page sizes given as variables: a nested page of pages is refused, a small one answered', async () => {
    const query = `query($n: Int) { users(first: $n) { edges { node { organization { users(first: $n) { edges { node { id name email
      events(first: $n) { edges { node { id } } } } } } } } } } }`;
    const big = (await (await post({ query, variables: { n: 100 } })).json()) as any;
    expect(big.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(big.errors[0].message).toMatch(/cost/i);
    const small = (await (await post({ query, variables: { n: 2 } })).json()) as any;
    expect(small.errors).toBeUndefined();
  });

  it('refuses a document with too many tokens as a parse failure', async () => {
    const query = `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`;
    const res = await post({ query });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].message).toMatch(/tokens/i);
  });

  it('refuses a body over 256 kB with 413', async () => {
    const res = await post({ query: '{ __typename }', variables: { pad: 'x'.repeat(300_000) } });
    expect(res.status).toBe(413);
  });

  it('refuses batched requests', async () => {
    const res = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });

  it('blocks requests a cross-site form could send (CSRF prevention)', async () => {
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { cookie: app.admin.cookie } });
    expect(get.status).toBe(400);
    const form = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: app.admin.cookie },
      body: JSON.stringify({ query: 'mutation { createApiToken(input: { name: "csrf", scopes: [USERS_READ] }) { secret } }' }),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect((await app.as(app.admin)('{ apiTokens { name } }')).data.apiTokens.map((t: any) => t.name)).not.toContain('csrf');
  });

  it('sends security headers, with a Content-Security-Policy for the app', async () => {
    const res = await fetch(`${app.url}/customers`, { headers: { accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('does not suggest field names when introspection is off, and refuses introspection', async () => {
    const closed = await startTestApp('sqlite', { GRAPHQL_INTROSPECTION: 'false' });
    try {
      const r = await closed.as(closed.admin)('{ __schema { types { name } } }');
      expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await closed.as(closed.admin)('{ usres { totalCount } }');
      expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
      // Enum values are not suggested either, whether written in the document or sent as variables.
      const literal = await closed.as(closed.admin)('mutation { createUser(input: { name: "X", email: "x@acme.io", role: ADMN }) { user { id } } }');
      expect(literal.errors?.[0].message).toMatch(/ADMN/);
      expect(literal.errors?.[0].message).not.toMatch(/Did you mean|ADMIN/);
      const variable = await closed.as(closed.admin)('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { name: 'X', email: 'x@acme.io', role: 'ADMN' },
      });
      expect(variable.errors?.[0].message).toMatch(/ADMN/);
      expect(variable.errors?.[0].message).not.toMatch(/Did you mean|ADMIN/);
      const argument = await closed.as(closed.admin)('{ users(frist: 5) { totalCount } }');
      expect(argument.errors?.[0].message).not.toMatch(/Did you mean|first/);
    } finally {
      await closed.stop();
    }
    // On by default: partner tools read the schema, and get the hints.
    const open = await app.as({ kind: 'anonymous' })('{ __schema { queryType { name } } }');
    expect(open.data.__schema.queryType.name).toBe('Query');
    const hinted = await app.as(app.admin)('mutation { createUser(input: { name: "X", email: "x@acme.io", role: ADMN }) { user { id } } }');
    expect(hinted.errors?.[0].message).toMatch(/Did you mean the enum value "ADMIN"\?/);
  });

  it('answers a document whose operation cannot be chosen, or a subscription, as a client error, with or without graphql-jit', async () => {
    const plain = await startTestApp('sqlite', { GRAPHQL_JIT: 'false' });
    try {
      for (const url of [app.url, plain.url]) {
        const ask = async (body: unknown) => {
          const res = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: app.admin.cookie },
            body: JSON.stringify(body),
          });
          return { status: res.status, body: (await res.json()) as any };
        };
        const two = 'query A { me { id } } query B { __typename }';
        // Two operations and no operationName, or a name the document does not have: which one to run is the client's to say.
        for (const [body, message] of [
          [{ query: two }, 'Must provide operation name if query contains multiple operations.'],
          [{ query: two, operationName: 'C' }, 'Unknown operation named "C".'],
        ] as const) {
          const r = await ask(body);
          expect(r.status, url).toBe(400);
          expect(r.body.errors).toEqual([{ message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }]);
        }
        // Named, it runs.
        expect((await ask({ query: two, operationName: 'B' })).body).toEqual({ data: { __typename: 'Query' } });
        // The schema has no subscriptions: a validation failure (400), never an INTERNAL_SERVER_ERROR.
        const sub = await ask({ query: 'subscription { me { id } }' });
        expect(sub.status, url).toBe(400);
        expect(sub.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(sub.body.errors[0].message).toMatch(/subscription/i);
        expect(sub.body.data).toBeUndefined();
      }
    } finally {
      await plain.stop();
    }
  });

  it('answers a persisted query whose hash does not match as a client error', async () => {
    const res = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'deadbeef'.repeat(8) } } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(body.errors[0].message).toMatch(/sha/);
    const version = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } });
    expect(version.status).toBe(400);
    expect(((await version.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
