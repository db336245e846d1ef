import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';
import { Ticket, TicketComment } from '../../server/tickets/ticket.entity.js';
import { SUBMIT_REQUEST } from '../helpers/ticket-operations.js';

const COMMENT =
  'mutation($t: ID!, $b: String!, $p: Boolean) { addTicketComment(ticketId: $t, input: { body: $b, public: $p }) { comment { id public } } }';
const UPDATE_STATUS = 'mutation($id: ID!) { updateTicket(id: $id, input: { status: SOLVED }) { id status } }';
const RELEASE = 'mutation($id: ID!) { updateTicket(id: $id, input: { release: true }) { id held } }';
const DESK = 'desk.held.test';
const HELD_LIST = 'query($held: Boolean) { tickets(first: 100, held: $held) { totalCount edges { node { id held } } } }';

let seq = 0;

/** Held tickets (block list, unverified senders): nothing mailed until released; listed apart; the web form proves addresses. */
describe.each(testDialects())('held tickets on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let client = 0;
  let inboundToken: string;

  beforeAll(async () => {
    app = await startTestApp(dialect, { REQUEST_RATE_LIMIT: '0', TRUST_PROXY: 'loopback', INBOUND_DOMAIN: DESK });
    agent = await app.person('AGENT');
    inboundToken = (await app.token(['INBOUND'], 'mail provider')).auth.token;
  });
  afterAll(() => app?.stop());

  const settings = async (i: Record<string, unknown>) => {
    const r = await app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', { i });
    expect(r.errors).toBeUndefined();
  };
  /** The public form, signed out (or with a session cookie). */
  const submit = async (email: string, name = 'Someone Typed', cookie?: string) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': `198.51.100.${++client % 250}`,
        ...(cookie ? { cookie, 'x-accueil-csrf': '1' } : {}),
      },
      body: JSON.stringify({ query: SUBMIT_REQUEST, variables: { input: { name, email, subject: `Help ${++seq}`, description: 'Please.' } } }),
    });
    expect(await res.json()).toEqual({ data: { submitRequest: { received: true } } });
  };
  /** Mail to the desk, as the mail provider posts it. */
  const mailIn = async (options: Mail.Options) => {
    const raw = await new MailComposer({ to: `help@${DESK}`, subject: `Help ${++seq}`, text: 'Please.', ...options }).compile().build();
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inboundToken}` },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { result: string; ticketId?: number };
  };
  const ticketsOf = async (email: string) => {
    const user = await app.services.users.findByEmail(email);
    return user ? app.db.manager.find(Ticket, { where: { requesterId: user.id }, order: { id: 'ASC' } }) : [];
  };
  const mails = (to: string, kind?: string) =>
    app.db.manager.find(OutboxMessage, { where: { recipient: to, ...(kind ? { kind } : {}) }, order: { id: 'ASC' } });

  it('refuses a public reply on a held ticket (block list or unverified) until it is released; internal notes stay allowed', async () => {
    await settings({ requestAccess: 'ANYONE', blockList: ['suspend:yahoo.fr'] });
    const email = `held.${++seq}@yahoo.fr`;
    await submit(email);
    const [ticket] = await ticketsOf(email);
    expect(ticket.held).toBe('SUSPENDED');
    const id = String(ticket.id);

    const refused = await app.as(agent.auth)(COMMENT, { t: id, b: 'We are on it.', p: true });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'public', reason: 'HELD', held: 'SUSPENDED' });
    expect(refused.errors?.[0].message).toMatch(/release it first/);
    // A partner app's token (API) is refused too; and the default (public) is a public reply.
    const token = (await app.token(['TICKETS_WRITE'])).auth;
    expect((await app.as(token)(COMMENT, { t: id, b: 'Default is public.' })).errors?.[0].extensions?.reason).toBe('HELD');
    // In French for a French reader.
    const fr = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr', authorization: `Bearer ${token.token}` },
      body: JSON.stringify({ query: COMMENT, variables: { t: id, b: 'Bonjour' } }),
    });
    expect(((await fr.json()) as any).errors[0].message).toMatch(/Libérez-le d’abord/);

    const note = await app.as(agent.auth)(COMMENT, { t: id, b: 'Looks like spam.', p: false });
    expect(note.errors).toBeUndefined();
    expect(note.data.addTicketComment.comment.public).toBe(false);
    // Nothing was mailed, and the ticket has the request and the note only.
    expect(await mails(email)).toEqual([]);
    const comments = await app.as(agent.auth)('query($id: ID!) { ticket(id: $id) { held comments { edges { node { public } } } } }', { id });
    expect(comments.data.ticket).toEqual({ held: 'SUSPENDED', comments: { edges: [{ node: { public: true } }, { node: { public: false } }] } });

    // Released, the reply goes out.
    expect((await app.as(agent.auth)(RELEASE, { id })).data.updateTicket.held).toBeNull();
    const sent = await app.as(agent.auth)(COMMENT, { t: id, b: 'We are on it.', p: true });
    expect(sent.errors).toBeUndefined();
    expect((await mails(email)).map((m) => m.kind)).toEqual(['TICKET_COMMENT']);

    // Held because the sender has not verified: the same.
    await settings({ requestAccess: 'REGISTERED', blockList: [] });
    const unverified = `new.${++seq}@acme.io`;
    await submit(unverified);
    const [waiting] = await ticketsOf(unverified);
    expect(waiting.held).toBe('UNVERIFIED');
    const r = await app.as(agent.auth)(COMMENT, { t: String(waiting.id), b: 'Hello', p: true });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'HELD', held: 'UNVERIFIED' });
    expect((await mails(unverified)).map((m) => m.kind)).toEqual(['VERIFICATION']);
    await settings({ requestAccess: 'ANYONE' });
  });

  it('refuses a side conversation that would mail a held ticket’s requester; one with others goes out', async () => {
    await settings({ requestAccess: 'ANYONE', blockList: ['suspend:yahoo.fr'] });
    const email = `side.${++seq}@yahoo.fr`;
    await submit(email);
    const [ticket] = await ticketsOf(email);
    expect(ticket.held).toBe('SUSPENDED');
    const START = 'mutation($i: StartSideConversationInput!) { startSideConversation(input: $i) { sideConversation { id } } }';
    const ADD = 'mutation($i: AddSideConversationMessageInput!) { addSideConversationMessage(input: $i) { message { id } } }';
    const toRequester = await app.as(agent.auth)(START, {
      i: { ticketId: String(ticket.id), subject: 'About your order', message: 'Hello', to: [{ email: email.toUpperCase() }] },
    });
    expect(toRequester.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to', reason: 'HELD', held: 'SUSPENDED' });
    expect(await mails(email)).toEqual([]);
    // With someone else (a supplier), it goes out, and so does a later message; the requester still gets nothing.
    const supplier = `supplier.${++seq}@acme.io`;
    const started = await app.as(agent.auth)(START, {
      i: { ticketId: String(ticket.id), subject: 'Stock', message: 'Any left?', to: [{ email: supplier }] },
    });
    expect(started.errors).toBeUndefined();
    expect((await mails(supplier)).map((m) => m.kind)).toEqual(['SIDE_CONVERSATION']);
    const sideId = started.data.startSideConversation.sideConversation.id;
    expect((await app.as(agent.auth)(ADD, { i: { sideConversationId: sideId, message: 'Still waiting.' } })).errors).toBeUndefined();
    expect(await mails(email)).toEqual([]);
    await settings({ blockList: [] });
  });

  it('holds a suspended customer’s requests (web form, mail) without mailing them; their reply by mail is an internal note', async () => {
    await settings({ requestAccess: 'ANYONE', blockList: [], acknowledgeRequests: true });
    const email = `suspended.${++seq}@customers.io`;
    const made = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name: 'Soon Suspended', email, verified: true },
    });
    const id = made.data.createUser.user.id;
    // Before the suspension: an ordinary request, acknowledged; then solved.
    await submit(email);
    const [earlier] = await ticketsOf(email);
    expect(earlier.held).toBeNull();
    expect((await mails(email)).map((m) => m.kind)).toEqual(['TICKET_RECEIVED']);
    expect((await app.as(agent.auth)(UPDATE_STATUS, { id: String(earlier.id) })).errors).toBeUndefined();
    expect((await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { suspended: true }) { id } }', { id })).errors).toBeUndefined();

    // Suspended: the web form and mail both make a ticket held SUSPENDED, and mail them nothing.
    await submit(email);
    expect((await mailIn({ from: email })).result).toBe('CREATED');
    const held = (await ticketsOf(email)).filter((t) => t.id !== earlier.id);
    expect(held.map((t) => t.held)).toEqual(['SUSPENDED', 'SUSPENDED']);
    // Even when the allow list names them, and under REGISTERED (no verification link either).
    await settings({ requestAccess: 'REGISTERED', allowList: ['customers.io'] });
    await submit(email);
    expect((await ticketsOf(email)).at(-1)!.held).toBe('SUSPENDED');
    await settings({ requestAccess: 'ANYONE', allowList: [] });
    expect((await mails(email)).map((m) => m.kind)).toEqual(['TICKET_RECEIVED']);

    // Their reply to the earlier ticket is kept for the agents as an internal note: not public, nothing reopened or mailed.
    const reply = await mailIn({ from: email, subject: `Re: [#${earlier.id}]`, inReplyTo: `<ticket-${earlier.id}@${DESK}>`, text: 'Still broken.' });
    expect(reply).toEqual({ result: 'COMMENTED', ticketId: earlier.id });
    const comments = await app.db.manager.find(TicketComment, { where: { ticketId: earlier.id }, order: { id: 'ASC' } });
    expect(comments.map((c) => [c.public, c.authorId])).toEqual([
      [true, Number(id)],
      [false, Number(id)],
    ]);
    expect(comments[1].body).toBe('Still broken.');
    expect((await app.db.manager.findOneBy(Ticket, { id: earlier.id }))!.status).toBe('SOLVED');
    expect((await mails(email)).map((m) => m.kind)).toEqual(['TICKET_RECEIVED']);

    // Unsuspended, their reply is public again and reopens the ticket.
    expect((await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { suspended: false }) { id } }', { id })).errors).toBeUndefined();
    await mailIn({ from: email, subject: `Re: [#${earlier.id}]`, inReplyTo: `<ticket-${earlier.id}@${DESK}>`, text: 'Hello?' });
    expect((await app.db.manager.find(TicketComment, { where: { ticketId: earlier.id }, order: { id: 'ASC' } })).at(-1)!.public).toBe(true);
    expect((await app.db.manager.findOneBy(Ticket, { id: earlier.id }))!.status).toBe('OPEN');
  });

  it('sends no acknowledgment to a requester suspended after admission let the request in', async () => {
    await settings({ requestAccess: 'ANYONE', blockList: [], acknowledgeRequests: true });
    const email = `late.${++seq}@customers.io`;
    const made = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name: 'Late', email, verified: true },
    });
    expect(
      (await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { suspended: true }) { id } }', { id: made.data.createUser.user.id })).errors,
    ).toBeUndefined();
    // Admission as it read a moment before the suspension.
    const admission = app.services.admission;
    const admit = admission.admit;
    admission.admit = async () => ({ admitted: true, hold: null, verify: false });
    try {
      await submit(email);
    } finally {
      admission.admit = admit;
    }
    expect(await ticketsOf(email)).toHaveLength(1);
    expect(await mails(email)).toEqual([]);
  });

  it('mails a suspended account nothing of the team’s work; its reply to a side conversation is an internal note on the ticket', async () => {
    await settings({ requestAccess: 'ANYONE', blockList: [] });
    const person = async (name: string) => {
      const email = `${name.toLowerCase()}.${++seq}@partners.io`;
      const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name, email, verified: true } });
      expect(r.errors).toBeUndefined();
      return { id: r.data.createUser.user.id as string, email };
    };
    const suspend = async (id: string, suspended: boolean) =>
      expect(
        (await app.gql('mutation($id: ID!, $s: Boolean!) { updateUser(id: $id, input: { suspended: $s }) { id } }', { id, s: suspended })).errors,
      ).toBeUndefined();
    const kinds = async (email: string) => (await mails(email)).map((m) => m.kind);
    const [requester, copied, other, supplier, participant] = await Promise.all(
      ['Requester', 'Copied', 'Other', 'Supplier', 'Participant'].map((name) => person(name)),
    );
    const made = await app.as(agent.auth)('mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }', {
      i: { subject: 'Parcel', comment: 'Lost.', requester: { id: requester.id }, ccs: [{ id: copied.id }, { id: other.id }] },
    });
    const id = made.data.createTicket.ticket.id as string;

    // An agent's public reply: a suspended CC is not mailed, the others are.
    await suspend(copied.id, true);
    expect((await app.as(agent.auth)(COMMENT, { t: id, b: 'We are looking.', p: true })).errors).toBeUndefined();
    expect([await kinds(requester.email), await kinds(copied.email), await kinds(other.email)]).toEqual([['TICKET_COMMENT'], [], ['TICKET_COMMENT']]);
    // Nor is a suspended requester; unsuspended, each is mailed again.
    await suspend(requester.id, true);
    await app.as(agent.auth)(COMMENT, { t: id, b: 'Still looking.', p: true });
    expect([await kinds(requester.email), await kinds(other.email)]).toEqual([['TICKET_COMMENT'], ['TICKET_COMMENT', 'TICKET_COMMENT']]);
    await suspend(requester.id, false);
    await suspend(copied.id, false);
    await app.as(agent.auth)(COMMENT, { t: id, b: 'Found it.', p: true });
    expect([(await kinds(requester.email)).length, (await kinds(copied.email)).length]).toEqual([2, 1]);

    // A side conversation: its messages skip a participant suspended since it began.
    const started = await app.as(agent.auth)(
      'mutation($i: StartSideConversationInput!) { startSideConversation(input: $i) { sideConversation { id } } }',
      {
        i: { ticketId: id, subject: 'Parcel 42', message: 'Can you trace it?', to: [{ id: supplier.id }, { id: participant.id }] },
      },
    );
    const side = started.data.startSideConversation.sideConversation.id as string;
    await suspend(participant.id, true);
    const added = await app.as(agent.auth)(
      'mutation($i: AddSideConversationMessageInput!) { addSideConversationMessage(input: $i) { message { id } } }',
      {
        i: { sideConversationId: side, message: 'Any news?' },
      },
    );
    expect(added.errors).toBeUndefined();
    expect([await kinds(supplier.email), await kinds(participant.email)]).toEqual([
      ['SIDE_CONVERSATION', 'SIDE_CONVERSATION'],
      ['SIDE_CONVERSATION'],
    ]);

    // The suspended participant's reply is kept for the agents as an internal note by them on the ticket, as their reply
    // to the ticket would be: not a message of the side conversation, nothing reopened, nobody mailed.
    expect((await app.as(agent.auth)(UPDATE_STATUS, { id })).errors).toBeUndefined();
    const before = await app.db.manager.count(OutboxMessage);
    const reply = await mailIn({ from: participant.email, subject: `Re: [#${id}-${side}] Parcel 42`, text: 'Delivered yesterday.' });
    expect(reply).toEqual({ result: 'COMMENTED', ticketId: Number(id) });
    const note = await app.db.manager.findOne(TicketComment, { where: { ticketId: Number(id) }, order: { id: 'DESC' } });
    expect(note).toMatchObject({ body: 'Delivered yesterday.', public: false, authorId: Number(participant.id), via: 'EMAIL' });
    const SIDE_MESSAGES = 'query($id: ID!) { ticket(id: $id) { status sideConversations { messages { body } } } }';
    const read = (await app.as(agent.auth)(SIDE_MESSAGES, { id })).data.ticket;
    expect(read.status).toBe('SOLVED');
    expect(read.sideConversations[0].messages.map((m: { body: string }) => m.body)).toEqual(['Can you trace it?', 'Any news?']);
    expect(await app.db.manager.count(OutboxMessage)).toBe(before);
    // Unsuspended, their reply is a message of the side conversation again.
    await suspend(participant.id, false);
    expect((await mailIn({ from: participant.email, subject: `Re: [#${id}-${side}] Parcel 42`, text: 'Signed by J.' })).result).toBe(
      'SIDE_CONVERSATION',
    );
    expect((await app.as(agent.auth)(SIDE_MESSAGES, { id })).data.ticket.sideConversations[0].messages.at(-1).body).toBe('Signed by J.');
  });

  it('lists held tickets apart: tickets(held: true) and tickets(held: false)', async () => {
    await settings({ requestAccess: 'ANYONE', blockList: ['suspend:hold.io'] });
    const heldAddress = `x.${++seq}@hold.io`;
    await submit(heldAddress);
    const worked = `y.${++seq}@worked.io`;
    await submit(worked);
    await settings({ blockList: [] });
    const [heldTicket] = await ticketsOf(heldAddress);
    const [workedTicket] = await ticketsOf(worked);
    const all = await app.as(agent.auth)(HELD_LIST, {});
    const onlyHeld = await app.as(agent.auth)(HELD_LIST, { held: true });
    const notHeld = await app.as(agent.auth)(HELD_LIST, { held: false });
    const ids = (r: any) => r.data.tickets.edges.map((e: any) => e.node.id);
    expect(ids(onlyHeld)).toContain(String(heldTicket.id));
    expect(ids(onlyHeld)).not.toContain(String(workedTicket.id));
    expect(onlyHeld.data.tickets.edges.every((e: any) => e.node.held !== null)).toBe(true);
    expect(ids(notHeld)).toContain(String(workedTicket.id));
    expect(ids(notHeld)).not.toContain(String(heldTicket.id));
    expect(onlyHeld.data.tickets.totalCount + notHeld.data.tickets.totalCount).toBe(all.data.tickets.totalCount);
  });

  it('never makes an anonymous request in a staff member’s name, whatever the access setting; signed in, staff may', async () => {
    const admin = (await app.services.users.findByEmail(ADMIN_EMAIL))!;
    for (const access of ['ANYONE', 'CLOSED', 'RESTRICTED', 'REGISTERED']) {
      await settings({ requestAccess: access });
      const before = (await ticketsOf(ADMIN_EMAIL)).length;
      await submit(ADMIN_EMAIL, 'Mallory');
      await submit(agent.email.toUpperCase(), 'Mallory');
      expect((await ticketsOf(ADMIN_EMAIL)).length, access).toBe(before);
      expect(await ticketsOf(agent.email), access).toEqual([]);
    }
    expect(await mails(ADMIN_EMAIL)).toEqual([]);
    const still = (await app.services.users.findById(admin.id))!;
    expect(still.name).toBe(admin.name);
    // Signed in as themself, an agent's request is theirs.
    await settings({ requestAccess: 'CLOSED' });
    await submit(agent.email, 'Agent Typed', agent.auth.cookie);
    const [own] = await ticketsOf(agent.email);
    expect(own).toMatchObject({ held: null });
    // Signed in as someone else, the address is still only typed.
    const other = await app.person('END_USER');
    await submit(ADMIN_EMAIL, 'Mallory', other.auth.cookie);
    expect(await mails(ADMIN_EMAIL)).toEqual([]);
    await settings({ requestAccess: 'ANYONE' });
  });

  it('holds an anonymous request from a known customer’s address until they prove it, where only known people may ask; ANYONE takes it', async () => {
    const customer = async (verified: boolean) => {
      const email = `known.${++seq}@customers.io`;
      const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id name } } }', {
        i: { name: 'Known Customer', email, verified },
      });
      expect(r.errors).toBeUndefined();
      return { email, id: Number(r.data.createUser.user.id) };
    };
    for (const access of ['CLOSED', 'RESTRICTED', 'REGISTERED']) {
      await settings({ requestAccess: access });
      const c = await customer(true);
      await submit(c.email, 'Someone Else');
      const [ticket] = await ticketsOf(c.email);
      expect(ticket?.held, access).toBe('UNVERIFIED');
      const verify = await mails(c.email, 'VERIFICATION');
      expect(verify, access).toHaveLength(1);
      expect(verify[0].textBody).toMatch(/\/verify\/\d+\.VERIFY\./);
      // The typed name never renames the account.
      expect((await app.services.users.findById(c.id))!.name, access).toBe('Known Customer');
    }
    // ANYONE: a customer's address is taken at its word (as Zendesk does), with no verification (only the request's
    // acknowledgment, as for any request worked at once); the name stays.
    await settings({ requestAccess: 'ANYONE' });
    const c = await customer(false);
    await submit(c.email, 'Renamed?');
    const [ticket] = await ticketsOf(c.email);
    expect(ticket.held).toBeNull();
    expect((await mails(c.email)).map((m) => m.kind)).toEqual(['TICKET_RECEIVED']);
    expect((await app.services.users.findById(c.id))!.name).toBe('Known Customer');
    // Signed in as that customer under CLOSED: proven, worked at once.
    await settings({ requestAccess: 'CLOSED' });
    const signed = await app.person('END_USER');
    await submit(signed.email, 'Me', signed.auth.cookie);
    const [mine] = await ticketsOf(signed.email);
    expect(mine.held).toBeNull();
    await settings({ requestAccess: 'ANYONE' });
  });
});
