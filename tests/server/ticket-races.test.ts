import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { CREATE_TICKET, SUBMIT_REQUEST, USER_BY_EMAIL } from '../helpers/ticket-operations.js';

/** Concurrent paths for one new address make exactly one user (MySQL runs them at once; SQLite takes turns). */
/** Rounds of each race: MySQL runs the requests at once, so a race shows there; SQLite takes turns. */
const rounds = (dialect: string) => (dialect === 'mysql' ? 20 : 1);

describe.each(testDialects())('ticket races on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;

  beforeAll(async () => {
    app = await startTestApp(dialect, { REQUEST_RATE_LIMIT: '0', INBOUND_DOMAIN: 'desk.accueil.test' });
    agent = await app.person('AGENT');
  });
  afterAll(() => app?.stop());

  /** Accounts holding the address, in any letter case (read in the database: a search would also find look-alikes). */
  const countUsers = async (email: string) => {
    const rows = await app.db.manager.query(
      `SELECT COUNT(DISTINCT i.user_id) AS n FROM user_identities i JOIN users u ON u.id = i.user_id
       WHERE i.type = 'EMAIL' AND i.value_normalized = ? AND u.deleted_at IS NULL`,
      [email.toLowerCase()],
    );
    return Number(rows[0].n);
  };

  it('20 parallel createTicket for one new address (mixed case, as requester and CC) make one user and 20 tickets', async () => {
    for (let round = 0; round < rounds(dialect); round++) {
      const email = `race.${round}.${Date.now()}@races.acme.io`;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          app.as(agent.auth)(CREATE_TICKET, {
            input:
              i % 3 === 2
                ? {
                    subject: `Race ${i}`,
                    comment: 'c',
                    requester: { email: `other.${round}.${i}.${Date.now()}@races.acme.io` },
                    ccs: [{ email: email.toUpperCase() }],
                  }
                : { subject: `Race ${i}`, comment: 'c', requester: { email: i % 2 ? email.toUpperCase() : email, name: `Racer ${i}` } },
          }),
        ),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const made = results.flatMap((r) => r.data.createTicket.createdUsers.filter((u: any) => u.email.toLowerCase() === email));
      expect(made).toHaveLength(1);
      expect(await countUsers(email)).toBe(1);
      const owner = (await app.as(agent.auth)(USER_BY_EMAIL, { email })).data.userByEmail;
      const ids = results.map((r, i) => (i % 3 === 2 ? r.data.createTicket.ticket.ccs[0].id : r.data.createTicket.ticket.requester.id));
      expect(new Set(ids)).toEqual(new Set([owner.id]));
    }
  }, 240_000);

  it('20 parallel web-form requests from one new address make one user and 20 tickets', async () => {
    for (let round = 0; round < rounds(dialect); round++) {
      const email = `form.race.${round}.${Date.now()}@races.acme.io`;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          app.as({ kind: 'anonymous' })(SUBMIT_REQUEST, {
            input: { name: 'Form Racer', email: i % 2 ? email.toUpperCase() : email, subject: `Form ${i}`, description: 'Help' },
          }),
        ),
      );
      for (const r of results) expect(r.data.submitRequest).toEqual({ received: true });
      expect(await countUsers(email)).toBe(1);
      const owner = (await app.as(agent.auth)(USER_BY_EMAIL, { email })).data.userByEmail;
      const tickets = await app.as(agent.auth)('query($id: ID!) { user(id: $id) { requestedTickets { totalCount } } }', { id: owner.id });
      expect(tickets.data.user.requestedTickets.totalCount).toBe(20);
    }
  }, 240_000);

  it('20 parallel inbound messages from one new sender make one user and 20 tickets', async () => {
    const inbound = (await app.token(['INBOUND'], 'races mail')).auth.token;
    for (let round = 0; round < rounds(dialect); round++) {
      const email = `mail.race.${round}.${Date.now()}@races.acme.io`;
      const messages = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          new MailComposer({
            from: { name: 'Mail Racer', address: i % 2 ? email.toUpperCase() : email },
            to: 'help@desk.accueil.test',
            subject: `Mail ${i}`,
            text: 'Help',
          })
            .compile()
            .build(),
        ),
      );
      const results = await Promise.all(
        messages.map(async (raw) => {
          const res = await fetch(`${app.url}/inbound/email`, {
            method: 'POST',
            headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inbound}` },
            body: typeof raw === 'string' ? raw : new Uint8Array(raw),
          });
          return (await res.json()) as { result: string };
        }),
      );
      expect(results.map((r) => r.result)).toEqual(Array(20).fill('CREATED'));
      expect(await countUsers(email)).toBe(1);
    }
  }, 240_000);
});
