import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER } from '../helpers/operations.js';
import { LIST_TICKETS, SUBMIT_REQUEST, USER_BY_EMAIL } from '../helpers/ticket-operations.js';

let seq = 0;
const addr = (p: string) => `${p}.${++seq}.${Date.now()}@form.acme.io`;

/** The public Submit a request form: no sign-in, no enumeration, a limit per client. */
describe.each(testDialects())('submitRequest on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  const submit = async (input: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: SUBMIT_REQUEST,
        variables: { input: { name: 'Grace Hopper', subject: 'Broken', description: 'It broke.', ...input } },
      }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
  };
  const ticketsOf = async (email: string) => {
    const user = (await app.as(agent.auth)(USER_BY_EMAIL, { email })).data.userByEmail;
    if (!user) return { user: null, tickets: [] };
    const list = await app.as(agent.auth)(LIST_TICKETS, { requesterId: user.id });
    return { user, tickets: list.data.tickets.edges.map((e: any) => e.node) };
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { REQUEST_RATE_LIMIT: '5', TRUST_PROXY: 'loopback' });
    agent = await app.person('AGENT');
  });
  afterAll(() => app?.stop());

  let client = 0;
  /** Each test its own client address (X-Forwarded-For from the trusted loopback proxy), so the limit is per test. */
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++client}` });

  it('answers the same for an unknown and a known address; makes the user (SELF, unverified) only when needed', async () => {
    const headers = from();
    const fresh = addr('fresh');
    const a = await submit({ email: fresh, name: 'Fresh Face' }, headers);
    const known = await app.gql(CREATE_USER, { input: { name: 'Known One', email: addr('known') } });
    const knownEmail = known.data.createUser.user.email;
    const b = await submit({ email: knownEmail.toUpperCase() }, headers);
    expect(a).toEqual(b);
    expect(a.body).toEqual({ data: { submitRequest: { received: true } } });
    const made = await ticketsOf(fresh);
    expect(made.user).toMatchObject({ name: 'Fresh Face', createdVia: 'SELF', verified: false });
    expect(made.tickets).toEqual([expect.objectContaining({ subject: 'Broken', status: 'NEW' })]);
    const existing = await ticketsOf(knownEmail);
    expect(existing.user).toMatchObject({ name: 'Known One', createdVia: 'API' });
    expect(existing.tickets).toHaveLength(1);
    const t = await app.as(agent.auth)(
      'query($id: ID!) { ticket(id: $id) { via submitter { id } comments { edges { node { body author { id } } } } } }',
      {
        id: made.tickets[0].id,
      },
    );
    expect(t.data.ticket).toMatchObject({
      via: 'WEB_FORM',
      submitter: { id: made.user.id },
      comments: { edges: [{ node: { body: 'It broke.', author: { id: made.user.id } } }] },
    });
  });

  it('matches a secondary address, accepts a reserved one, and drops a bot that fills the honeypot', async () => {
    const headers = from();
    const owner = await app.gql(CREATE_USER, { input: { name: 'Two Mails', email: addr('primary') } });
    const second = addr('secondary');
    await app.gql('mutation($u: ID!, $v: String!) { addUserIdentity(userId: $u, input: { type: EMAIL, value: $v }) { identity { id } } }', {
      u: owner.data.createUser.user.id,
      v: second,
    });
    expect((await submit({ email: second.toUpperCase() }, headers)).body.data.submitRequest.received).toBe(true);
    expect((await ticketsOf(second)).user.id).toBe(owner.data.createUser.user.id);
    const reserved = `walk-in.${++seq}@example.invalid`;
    expect((await submit({ email: reserved }, headers)).body.data.submitRequest.received).toBe(true);
    expect((await ticketsOf(reserved)).tickets).toHaveLength(1);
    const bot = addr('bot');
    const dropped = await submit({ email: bot, website: 'http://spam.example' }, headers);
    expect(dropped.body).toEqual({ data: { submitRequest: { received: true } } });
    expect((await ticketsOf(bot)).user).toBeNull();
    // A bot gets a success even with malformed fields: no field errors to learn from.
    expect((await submit({ email: 'nope', name: '', website: 'x' }, headers)).body.data.submitRequest.received).toBe(true);
  });

  it('refuses malformed input with every problem next to its field, and makes nothing', async () => {
    const r = await submit({ name: '  ', email: 'not-an-address', subject: '', description: '   ' }, from());
    const err = r.body.errors[0];
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(err.extensions.errors.map((e: any) => e.field)).toEqual(['name', 'email', 'subject', 'description']);
    const one = await submit({ email: 'a@b.io\r\nBcc: all@acme.io' }, from());
    expect(one.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const long = await submit({ email: addr('long'), subject: 'x'.repeat(256) }, from());
    expect(long.body.errors[0].extensions).toMatchObject({ field: 'subject' });
    const missing = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SUBMIT_REQUEST, variables: { input: { name: 'x' } } }),
    });
    expect(missing.status).toBe(400);
  });

  it('limits each client address (429 with Retry-After), not the others', async () => {
    const headers = from();
    for (let i = 0; i < 5; i++) expect((await submit({ email: addr('limit') }, headers)).status).toBe(200);
    const over = await submit({ email: addr('limit') }, headers);
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(over.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Malformed requests count too, and another client is not affected.
    expect((await submit({ email: 'bad' }, headers)).status).toBe(429);
    expect((await submit({ email: addr('other') }, from())).status).toBe(200);
  });
});
