import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

const CREATE_TOKEN =
  'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token { id name scopes createdAt lastUsedAt revokedAt createdBy { email } } secret } }';
const EVENTS = `query($id: ID!, $first: Int, $after: String) { user(id: $id) { events(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id action source createdAt actor { kind tokenName user { id name } } changes { field oldValue newValue redacted } } } } } }`;

describe.each(testDialects())('API tokens and the audit trail on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  describe('API tokens', () => {
    it('shows the secret once, stores only its hash, lists it with its last use, and revokes it', async () => {
      const admin = app.as(app.admin);
      const created = await admin(CREATE_TOKEN, { i: { name: '  CRM sync ', scopes: ['USERS_READ', 'USERS_READ'] } });
      expect(created.errors).toBeUndefined();
      const { token, secret } = created.data.createApiToken;
      expect(token).toMatchObject({
        name: 'CRM sync',
        scopes: ['USERS_READ'],
        lastUsedAt: null,
        revokedAt: null,
        createdBy: { email: 'admin@acme.io' },
      });
      expect(secret).toMatch(/^acc_[A-Za-z0-9_-]{43}$/);
      const stored = JSON.stringify(await app.db.manager.query('SELECT * FROM api_tokens'));
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(4));

      const partner = app.as({ kind: 'token', token: secret });
      expect((await partner('{ users(first: 1) { totalCount } }')).errors).toBeUndefined();
      const listed = (await admin('{ apiTokens { id name lastUsedAt revokedAt } }')).data.apiTokens.find((t: any) => t.id === token.id);
      expect(listed.lastUsedAt).not.toBeNull();
      expect(Math.abs(Date.parse(listed.lastUsedAt) - Date.now())).toBeLessThan(60_000);

      const revoked = await admin('mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }', { id: token.id });
      expect(revoked.data.revokeApiToken.revokedAt).not.toBeNull();
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ users { totalCount } }' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      [{ name: '', scopes: ['USERS_READ'] }, 'name'],
      [{ name: '   ', scopes: ['USERS_READ'] }, 'name'],
      [{ name: 'x', scopes: [] }, 'scopes'],
      [{ name: 'line\nbreak', scopes: ['USERS_READ'] }, 'name'],
    ])('refuses %j naming the field', async (input, field) => {
      const before = (await app.as(app.admin)('{ apiTokens { id } }')).data.apiTokens.length;
      const r = await app.as(app.admin)(CREATE_TOKEN, { i: input });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect((await app.as(app.admin)('{ apiTokens { id } }')).data.apiTokens.length).toBe(before);
    });

    it.each([['users:admin'], ['users:read'], ['USERS:READ']])('refuses the scope %s: scopes are the ApiTokenScope enum', async (scope) => {
      const before = (await app.as(app.admin)('{ apiTokens { id } }')).data.apiTokens.length;
      const r = await app.as(app.admin)(CREATE_TOKEN, { i: { name: 'x', scopes: [scope] } });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(/ApiTokenScope/);
      expect((await app.as(app.admin)('{ apiTokens { id } }')).data.apiTokens.length).toBe(before);
    });

    it('refuses malformed and unknown bearer tokens with 401', async () => {
      for (const auth of ['Bearer nope', 'Bearer acc_' + 'A'.repeat(43), 'Basic abc', 'Bearer']) {
        const res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: auth },
          body: JSON.stringify({ query: '{ me { id } }' }),
        });
        expect(res.status, auth).toBe(401);
      }
    });

    it('never acts with more than its creator’s role, and dies with its creator’s access', async () => {
      const second = await app.person('ADMIN');
      const make = await app.as(second.auth)(CREATE_TOKEN, { i: { name: 'by second admin', scopes: ['USERS_READ', 'USERS_WRITE'] } });
      const partner = app.as({ kind: 'token', token: make.data.createApiToken.secret });
      const agentInput = { i: { name: 'New Agent', email: `agent.${Date.now()}@acme.io`, role: 'AGENT' } };
      const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id role } } }';
      expect((await partner(CREATE, agentInput)).data.createUser.user.role).toBe('AGENT');
      // Its creator becomes an agent: the token can no longer add agents.
      await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { id } }', { id: second.id });
      const again = await partner(CREATE, { i: { ...agentInput.i, email: `agent2.${Date.now()}@acme.io` } });
      expect(again.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await partner(CREATE, { i: { name: 'Customer', email: `c.${Date.now()}@acme.io` } })).errors).toBeUndefined();
      // Its creator is suspended: the token stops working.
      await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { suspended: true }) { id } }', { id: second.id });
      expect((await partner('{ users { totalCount } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('audit trail', () => {
    it('records create, update, role change, suspension, password change and deletion with actor, source and old/new values', async () => {
      const admin = app.as(app.admin);
      const created = await admin('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { name: 'Audited Person', email: `audited.${Date.now()}@acme.io`, notes: 'secret note', tags: ['vip'] },
      });
      const id = created.data.createUser.user.id;
      await app.gql(
        'mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed Person", notes: "another secret", phone: "+1 415 555 2671" }) { id } }',
        { id },
      );
      await admin('mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { id } }', { id });
      await admin('mutation($id: ID!) { updateUser(id: $id, input: { suspended: true }) { id } }', { id });
      await admin('mutation($id: ID!) { setUserPassword(id: $id, password: "a password of some length") }', { id });
      await admin('mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed Person" }) { id } }', { id }); // no change: no event

      const r = await admin(EVENTS, { id, first: 10 });
      expect(r.errors).toBeUndefined();
      const events = r.data.user.events;
      expect(events.totalCount).toBe(5);
      expect(events.edges.map((e: any) => e.node.action)).toEqual(['PASSWORD_CHANGED', 'SUSPENDED', 'ROLE_CHANGED', 'UPDATED', 'CREATED']);
      const [pw, suspended, role, updated, createdEvent] = events.edges.map((e: any) => e.node);
      expect(createdEvent).toMatchObject({ source: 'ADMIN_APP', actor: { kind: 'USER', tokenName: null, user: { name: 'Administrator' } } });
      expect(createdEvent.changes).toEqual(
        expect.arrayContaining([
          { field: 'name', oldValue: null, newValue: 'Audited Person', redacted: false },
          { field: 'notes', oldValue: null, newValue: null, redacted: true },
          { field: 'tags', oldValue: null, newValue: 'vip', redacted: false },
        ]),
      );
      expect(updated).toMatchObject({ source: 'API', actor: { kind: 'TOKEN', tokenName: 'partner app', user: { name: 'Administrator' } } });
      expect(updated.changes).toEqual([
        { field: 'name', oldValue: 'Audited Person', newValue: 'Renamed Person', redacted: false },
        { field: 'phone', oldValue: null, newValue: '+14155552671', redacted: false },
        { field: 'notes', oldValue: null, newValue: null, redacted: true },
      ]);
      expect(role.changes).toEqual([{ field: 'role', oldValue: 'END_USER', newValue: 'AGENT', redacted: false }]);
      expect(suspended.changes).toEqual([{ field: 'suspended', oldValue: 'false', newValue: 'true', redacted: false }]);
      expect(pw.changes).toEqual([{ field: 'password', oldValue: null, newValue: null, redacted: true }]);
      // Nothing secret in the stored trail.
      const stored = JSON.stringify(await app.db.manager.query('SELECT changes FROM audit_events'));
      expect(stored).not.toMatch(/secret note|another secret|scrypt\$|a password of some length/);

      // Paging, newest first.
      const p1 = (await admin(EVENTS, { id, first: 2 })).data.user.events;
      const p2 = (await admin(EVENTS, { id, first: 2, after: p1.pageInfo.endCursor })).data.user.events;
      expect([...p1.edges, ...p2.edges].map((e: any) => e.node.action)).toEqual(['PASSWORD_CHANGED', 'SUSPENDED', 'ROLE_CHANGED', 'UPDATED']);
      expect(p1.pageInfo.hasNextPage).toBe(true);
      expect((await admin(EVENTS, { id, after: 'bogus' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

      // Deletion is recorded too, and frees the address.
      await admin('mutation($id: ID!) { deleteUser(id: $id) }', { id });
      const [last] = await app.db.manager.query('SELECT action, actor_kind FROM audit_events WHERE subject_id = ? ORDER BY id DESC', [Number(id)]);
      expect(last).toEqual({ action: 'DELETED', actor_kind: 'USER' });
      expect((await admin('query($id: ID!) { user(id: $id) { id } }', { id })).data.user).toBeNull();
    });

    it('a refused change leaves no event', async () => {
      const agent = await app.person('AGENT');
      const target = await app.person('AGENT');
      const count = async () => Number((await app.db.manager.query('SELECT COUNT(*) AS n FROM audit_events'))[0].n);
      const before = await count();
      const r = await app.as(agent.auth)('mutation($id: ID!) { updateUser(id: $id, input: { name: "Hijacked" }) { id } }', { id: target.id });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await count()).toBe(before);
    });
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past a token’s budget', async () => {
    const app = await startTestApp('sqlite', { API_RATE_LIMIT: '5' });
    try {
      const { auth } = await app.token(['USERS_READ'], 'limited');
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 7; i++) {
        const res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.token}` },
          body: JSON.stringify({ query: '{ users(first: 1) { totalCount } }' }),
        });
        statuses.push(res.status);
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after');
          expect(((await res.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
        }
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      // Sessions are not limited by a token's budget.
      expect((await app.as(app.admin)('{ me { id } }')).errors).toBeUndefined();
    } finally {
      await app.stop();
    }
  });

  it('answers 429 with Retry-After past the sign-in budget of one client', async () => {
    const app = await startTestApp('sqlite', { SIGN_IN_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      let last: any = null;
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'mutation { signIn(email: "x@acme.io", password: "wrong password") { id } }' }),
        });
        statuses.push(res.status);
        last = { res, body: await res.json() };
      }
      // The fixture's own sign-in used one of the three.
      expect(statuses).toEqual([200, 200, 429]);
      expect(last.res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(last.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await app.stop();
    }
  });
});
