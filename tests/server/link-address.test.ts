import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';
import { SUBMIT_REQUEST } from '../helpers/ticket-operations.js';

const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { received } }';
const RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }';

let seq = 0;

/**
 * A mailed link (password reset, verification) opens the account it names, so it goes to the address the
 * account holds, never to the address someone typed: addresses are compared with a full case fold, and
 * 'straße' or 'ſupport' (long s) find the account of 'strasse' or 'support', yet are other mailboxes.
 */
describe.each(testDialects())('links go to the address on file on %s', (dialect) => {
  let app: TestApp;
  let client = 0;

  const anon = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++client % 250}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse;
  };
  /** Compared here, not in SQL: MySQL's collation takes 'straße' for 'strasse'. */
  const mailsTo = async (to: string) => (await app.db.manager.find(OutboxMessage, { order: { id: 'ASC' } })).filter((m) => m.recipient === to);
  /** An account at `local.N@links.acme.io`, made by the team (so the web form's rules treat it as known). */
  const account = async (local: string, role = 'END_USER') => {
    const email = `${local}.${++seq}@links.acme.io`;
    const r = await app.as(app.admin)(CREATE, { i: { name: 'Owner', email, role } });
    expect(r.errors).toBeUndefined();
    return email;
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { TRUST_PROXY: 'loopback', REQUEST_RATE_LIMIT: '0' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a password reset asked with a case-folded twin of an address is mailed to the address the account holds', async () => {
    for (const [local, twin] of [
      ['strasse', 'straße'],
      ['support', 'ſupport'],
    ]) {
      const email = await account(local, 'ADMIN');
      const typed = email.replace(local, twin);
      expect(await anon(RESET, { e: typed })).toEqual({ data: { requestPasswordReset: true } });
      expect(await mailsTo(typed)).toEqual([]);
      expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['PASSWORD_RESET']);
    }
  });

  it('a sign-up with a twin of a known address mails the reset to the address on file', async () => {
    const email = await account('strasse');
    const typed = email.replace('strasse', 'straße');
    expect(await anon(SIGN_UP, { i: { name: 'Someone', email: typed } })).toEqual({ data: { signUp: { received: true } } });
    expect(await mailsTo(typed)).toEqual([]);
    expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['PASSWORD_RESET']);
  });

  it("the web form's verification link for a known account goes to the address on file", async () => {
    const settings = await app.as(app.admin)('mutation { updateSettings(input: { requestAccess: REGISTERED }) { version } }');
    expect(settings.errors).toBeUndefined();
    const email = await account('strasse');
    const typed = email.replace('strasse', 'straße');
    const r = await anon(SUBMIT_REQUEST, { input: { name: 'Someone', email: typed, subject: 'Help', description: 'Please.' } });
    expect(r).toEqual({ data: { submitRequest: { received: true } } });
    expect(await mailsTo(typed)).toEqual([]);
    expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['VERIFICATION']);
  });
});
