import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';

/**
 * One mail, one effect: a message delivered several times at once (a provider posting once per desk address it was
 * sent to, an MX retrying while the first delivery is still being taken) makes one ticket, one comment, one
 * acknowledgment; so does a message whose Message-ID is longer than the column; and mail from the desk's own sending
 * address (MAIL_FROM, on another domain than INBOUND_DOMAIN) is the desk's, not a customer's.
 */
const DESK = 'desk.accueil.test';
const MAIL_FROM = 'support@mail.acme-desk.io';
let seq = 0;
const addr = (p: string) => `${p}.${++seq}.${Date.now()}@mail.acme.io`;
const raw = (headers: Record<string, string>, body = 'Hello') =>
  Buffer.from(
    `${Object.entries({ To: `help@${DESK}, sales@${DESK}`, Subject: 'Hello', ...headers })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n')}\r\n\r\n${body}\r\n`,
  );

describe.each(testDialects())('inbound mail delivered more than once, on %s', (dialect) => {
  let app: TestApp;
  let token: string;
  const post = async (message: Buffer) => {
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${token}` },
      body: new Uint8Array(message),
    });
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body)).toBe(200);
    return body;
  };
  const ticketsOf = async (email: string) => {
    const user = await app.services.users.findByEmail(email);
    if (!user) return [];
    const r = await app.as(app.admin)(
      `query($id: ID!) { user(id: $id) { requestedTickets(first: 50) { edges { node { id comments { totalCount } } } } } }`,
      {
        id: String(user.id),
      },
    );
    expect(r.errors).toBeUndefined();
    return r.data.user.requestedTickets.edges.map((e: any) => e.node);
  };
  const acknowledgments = (to: string) => app.db.manager.count(OutboxMessage, { where: { recipient: to } });

  beforeAll(async () => {
    app = await startTestApp(dialect, { INBOUND_DOMAIN: DESK, MAIL_FROM: `Acme Support <${MAIL_FROM}>` });
    token = (await app.token(['INBOUND'], 'mail provider')).auth.token;
  });
  afterAll(() => app?.stop());

  it('the same message delivered five times at once makes one ticket and one acknowledgment; the others are duplicates', async () => {
    const from = addr('parallel');
    const message = raw({ From: from, 'Message-ID': `<parallel.${seq}@mail.acme.io>` });
    const results = await Promise.all(Array.from({ length: 5 }, () => post(message)));
    expect(results.filter((r) => r.result === 'CREATED')).toHaveLength(1);
    expect(results.filter((r) => r.result === 'IGNORED').map((r) => r.reason)).toEqual(Array(4).fill('DUPLICATE'));
    expect(await ticketsOf(from)).toHaveLength(1);
    expect(await acknowledgments(from)).toBe(1);
  });

  it('a reply delivered five times at once adds one comment', async () => {
    const from = addr('replier');
    const first = await post(raw({ From: from, 'Message-ID': `<first.${seq}@mail.acme.io>` }));
    const reply = raw({ From: from, 'Message-ID': `<reply.${seq}@mail.acme.io>`, 'In-Reply-To': `<ticket-${first.ticketId}@${DESK}>` }, 'Thanks');
    const results = await Promise.all(Array.from({ length: 5 }, () => post(reply)));
    expect(results.filter((r) => r.result === 'COMMENTED')).toEqual([{ result: 'COMMENTED', ticketId: first.ticketId }]);
    expect(results.filter((r) => r.result === 'IGNORED')).toHaveLength(4);
    expect((await ticketsOf(from)).map((t: any) => t.comments.totalCount)).toEqual([2]);
  });

  it('Message-IDs differing only in letter case are two mails (compared byte for byte on both databases)', async () => {
    const from = addr('case-id');
    expect((await post(raw({ From: from, 'Message-ID': `<case.${seq}@mail.acme.io>` }))).result).toBe('CREATED');
    expect((await post(raw({ From: from, 'Message-ID': `<CASE.${seq}@mail.acme.io>` }))).result).toBe('CREATED');
    expect(await ticketsOf(from)).toHaveLength(2);
  });

  it('a Message-ID longer than 255 characters is still known: a second delivery is a duplicate, a reply naming it threads', async () => {
    const from = addr('long-id');
    const id = `<${'x'.repeat(300)}.${seq}@mail.acme.io>`;
    const first = await post(raw({ From: from, 'Message-ID': id }));
    expect(first.result).toBe('CREATED');
    expect(await post(raw({ From: from, 'Message-ID': id }))).toEqual({ result: 'IGNORED', reason: 'DUPLICATE' });
    const reply = await post(raw({ From: from, 'Message-ID': `<r.${seq}@mail.acme.io>`, 'In-Reply-To': id, Subject: 'Re: Hello' }));
    expect(reply).toEqual({ result: 'COMMENTED', ticketId: first.ticketId });
    expect(await ticketsOf(from)).toHaveLength(1);
  });

  it("mail from the desk's own sending address (MAIL_FROM, any letter case) makes nothing: no ticket, no account, no acknowledgment", async () => {
    for (const from of [MAIL_FROM, `"Acme Support" <${MAIL_FROM.toUpperCase()}>`]) {
      const r = await post(raw({ From: from, 'Message-ID': `<loop.${++seq}@mail.acme-desk.io>`, Subject: 'Re: your request' }));
      expect(r).toEqual({ result: 'IGNORED', reason: 'OWN_ADDRESS' });
    }
    expect(await app.services.users.findByEmail(MAIL_FROM)).toBeNull();
    expect(await acknowledgments(MAIL_FROM)).toBe(0);
    // Someone else on that domain is a customer like any other.
    expect((await post(raw({ From: 'colleague@mail.acme-desk.io', 'Message-ID': `<c.${++seq}@x.io>` }))).result).toBe('CREATED');
  });
});
