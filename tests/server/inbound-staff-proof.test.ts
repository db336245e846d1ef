import { BlockList } from 'node:net';
import nodemailer from 'nodemailer';
import pino from 'pino';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { startSmtpListener } from '../../server/inbound/smtp-listener.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { ADD_CC, CREATE_TICKET, START_SIDE } from '../helpers/ticket-operations.js';
import { Ticket, TicketComment } from '../../server/tickets/ticket.entity.js';

const DESK = 'desk.accueil.test';
const AUTHSERV = 'mx.desk.accueil.test';
/** Where app.person() puts people. */
const STAFF_DOMAIN = 'people.acme.io';

/**
 * Mail from a staff address is the staff member's only when the desk's own receiving server says so
 * (Authentication-Results with INBOUND_AUTHSERV_ID); anyone can write such a From.
 */
describe.each(testDialects())('inbound mail from a staff address on %s', (dialect) => {
  let app: TestApp;
  let token: string;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let seq = 0;

  const post = async (options: Mail.Options, authResults: string[] = []) => {
    const headers = authResults.map((value) => ({ key: 'Authentication-Results', value }));
    const raw = await new MailComposer({ to: `help@${DESK}`, subject: 'Hello', text: 'Hi', ...options, headers }).compile().build();
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${token}` },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  };
  const dkimPass = (domain = STAFF_DOMAIN, id = AUTHSERV) => `${id}; dkim=pass header.d=${domain} header.s=s1; spf=none smtp.mailfrom=${domain}`;
  const ticketsOf = async (userId: string) => app.db.manager.find(Ticket, { where: { requesterId: Number(userId) } });
  const commentsOn = async (ticketId: string) =>
    (await app.db.manager.find(TicketComment, { where: { ticketId: Number(ticketId) }, order: { id: 'ASC' } })).map((c) => [c.authorId, c.body]);
  const settings = async (i: Record<string, unknown>) => {
    const r = await app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', { i });
    expect(r.errors).toBeUndefined();
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { INBOUND_DOMAIN: DESK, INBOUND_AUTHSERV_ID: AUTHSERV });
    token = (await app.token(['INBOUND'], 'mail provider')).auth.token;
    agent = await app.person('AGENT');
  });
  afterAll(() => app?.stop());

  it('over SMTP, only the trusted clients (INBOUND_SMTP_TRUSTED: the MX in front) vouch for a sender; anyone else’s header counts for nothing', async () => {
    const sender = await app.person('AGENT');
    const send = async (trusted: BlockList, subject: string) => {
      const listener = await startSmtpListener({
        port: 0,
        host: '127.0.0.1',
        domain: DESK,
        inbound: app.services.inbound,
        trusted,
        log: pino({ level: 'silent' }),
      });
      try {
        const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
        const sent = await smtp.sendMail({
          from: sender.email,
          to: `help@${DESK}`,
          subject,
          text: 'Hi',
          headers: { 'Authentication-Results': dkimPass() },
        });
        return sent.response;
      } finally {
        await listener.close();
      }
    };
    // A client the desk does not know wrote the header itself: refused as unproven staff mail.
    expect(await send(new BlockList(), `Direct ${++seq}`)).toMatch(/ignored/);
    // The default (this machine) is the MX in front: its word counts.
    expect(await send(app.services.config.inboundSmtpTrusted, `Through the MX ${++seq}`)).toMatch(/created/);
    expect((await ticketsOf(sender.id)).length).toBe(1);
  });

  it('CLOSED and the block list: forged staff mail opens nothing; proven staff mail is admitted as before', async () => {
    await settings({ requestAccess: 'CLOSED', blockList: [`reject:${STAFF_DOMAIN}`] });
    try {
      const forged = [
        [],
        // Another server's word (or the sender's own header) counts for nothing, however good.
        [`mx.elsewhere.example; dkim=pass header.d=${STAFF_DOMAIN}; dmarc=pass header.from=${STAFF_DOMAIN}`],
        // The desk's server, with nothing that proves the From domain.
        [`${AUTHSERV}; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=x@evil.example; dmarc=none header.from=${STAFF_DOMAIN}`],
        [`${AUTHSERV}; dkim=pass header.d=${STAFF_DOMAIN}; dmarc=fail header.from=${STAFF_DOMAIN}`],
      ];
      for (const ar of forged) {
        const r = await post({ from: agent.email, subject: `Forged ${++seq}` }, ar);
        expect(r, JSON.stringify(ar)).toEqual({ result: 'IGNORED', reason: 'UNVERIFIED_STAFF' });
      }
      expect(await ticketsOf(agent.id)).toEqual([]);

      const proven = await post({ from: agent.email, subject: 'Proven' }, [dkimPass()]);
      expect(proven.result).toBe('CREATED');
      const byDmarc = await post({ from: agent.email.toUpperCase(), subject: 'Proven by DMARC' }, [
        `${AUTHSERV.toUpperCase()}; dmarc=pass (p=reject) header.from=${STAFF_DOMAIN}`,
      ]);
      expect(byDmarc.result).toBe('CREATED');
      const bySpf = await post({ from: agent.email, subject: 'Proven by SPF' }, [`${AUTHSERV}; spf=pass smtp.mailfrom=bounce@mail.${STAFF_DOMAIN}`]);
      expect(bySpf.result).toBe('CREATED');
      expect((await ticketsOf(agent.id)).map((t) => t.id).sort()).toEqual([proven.ticketId, byDmarc.ticketId, bySpf.ticketId].sort());
    } finally {
      await settings({ requestAccess: 'ANYONE', blockList: [] });
    }
  });

  it('a forged reply from staff on a ticket never becomes their comment; a proven one does', async () => {
    const customer = `customer.${++seq}@mail.example.org`;
    const created = await app.as(agent.auth)(CREATE_TICKET, { input: { subject: 'Order late', comment: 'Late.', requester: { email: customer } } });
    expect(created.errors).toBeUndefined();
    const ticketId = created.data.createTicket.ticket.id;
    expect((await app.as(agent.auth)(ADD_CC, { ticketId, user: { id: agent.id } })).errors).toBeUndefined();

    const reply = {
      from: agent.email,
      subject: 'Re: Order late',
      text: 'Refund granted, and the ticket is solved.',
      inReplyTo: `<ticket-${ticketId}@${DESK}>`,
    };
    expect(await post(reply)).toEqual({ result: 'IGNORED', reason: 'UNVERIFIED_STAFF' });
    expect(await post({ ...reply, subject: `Re: [#${ticketId}]` }, [dkimPass('evil.example')])).toEqual({
      result: 'IGNORED',
      reason: 'UNVERIFIED_STAFF',
    });
    expect(await commentsOn(ticketId)).toEqual([[Number(agent.id), 'Late.']]);

    expect(await post({ ...reply, text: 'Proven.' }, [dkimPass()])).toEqual({ result: 'COMMENTED', ticketId: Number(ticketId) });
    expect(await commentsOn(ticketId)).toEqual([
      [Number(agent.id), 'Late.'],
      [Number(agent.id), 'Proven.'],
    ]);
  });

  it('a forged reply from staff on a side conversation adds nothing; a proven one does', async () => {
    const other = await app.person('ADMIN');
    const created = await app.as(agent.auth)(CREATE_TICKET, {
      input: { subject: 'Parcel', comment: 'Lost.', requester: { email: `c.${++seq}@mail.example.org` } },
    });
    const ticketId = created.data.createTicket.ticket.id;
    const side = await app.as(agent.auth)(START_SIDE, {
      input: { ticketId, subject: 'Parcel 42', message: 'Any news?', to: [{ email: other.email }] },
    });
    expect(side.errors).toBeUndefined();
    const sideId = side.data.startSideConversation.sideConversation.id;
    const reply = { from: other.email, subject: `Re: [#${ticketId}-${sideId}] Parcel 42`, text: 'Delivered.' };
    expect(await post(reply)).toEqual({ result: 'IGNORED', reason: 'UNVERIFIED_STAFF' });
    expect(await post(reply, [dkimPass()])).toMatchObject({ result: 'SIDE_CONVERSATION', sideConversationId: Number(sideId) });
  });

  it('admission itself refuses a staff address on mail without proof (STAFF_ADDRESS), whatever calls it', async () => {
    const staffEmail = await app.services.users.checkEmail(agent.email, 'from');
    expect(await app.services.admission.admit(staffEmail, { senderProven: false })).toEqual({ admitted: false, reason: 'STAFF_ADDRESS' });
    expect(await app.services.admission.admit(staffEmail, { senderProven: true })).toMatchObject({ admitted: true, hold: null });
    const customer = await app.services.users.checkEmail(`nobody.${++seq}@mail.example.org`, 'from');
    expect(await app.services.admission.admit(customer, { senderProven: false })).toMatchObject({ admitted: true, hold: null });
    // A suspended agent's mail, even proven, is held for review; without proof it is refused as before.
    const suspended = await app.person('AGENT');
    expect(
      (await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { suspended: true }) { id } }', { id: suspended.id })).errors,
    ).toBeUndefined();
    const suspendedEmail = await app.services.users.checkEmail(suspended.email, 'from');
    expect(await app.services.admission.admit(suspendedEmail, { senderProven: true })).toEqual({ admitted: true, hold: 'SUSPENDED', verify: false });
    expect(await app.services.admission.admit(suspendedEmail, { senderProven: false })).toEqual({ admitted: false, reason: 'STAFF_ADDRESS' });
  });

  it('customers’ mail needs no proof, as before', async () => {
    const r = await post({ from: `someone.${++seq}@mail.example.org`, subject: 'Plain' });
    expect(r.result).toBe('CREATED');
  });
});
